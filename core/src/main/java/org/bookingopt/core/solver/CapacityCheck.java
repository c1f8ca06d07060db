package org.bookingopt.core.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.ortools.graph.MaxFlow;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Stay;

/**
 * Finds problems that are well-formed but cannot be planned, and says why: a stay whose accepted types no
 * room has, or a night with more stays than the rooms that can hold them. The per-night check is a
 * matching of that night's stays to rooms (a max-flow over "which rooms does this stay accept"), so it
 * also catches a shortage of one type while the hotel as a whole has room.
 */
public final class CapacityCheck {
    private CapacityCheck() {
    }

    /** @return the reasons the problem is infeasible, empty if none of these checks fails */
    public static List<String> reasons(AssignmentProblem problem) {
        OrTools.load();
        List<String> reasons = new ArrayList<>();
        for (Stay s : problem.stays()) {
            if (!s.isPinned() && IntStream.range(0, problem.roomCount()).noneMatch(r -> problem.stayFitsRoom(s, r))) {
                reasons.add("stay #" + s.index() + " (" + s.reservation().name() + ") accepts room type(s) "
                        + String.join(", ", acceptedTypeNames(problem, s)) + ", which no room of the hotel has");
            }
        }
        if (!reasons.isEmpty()) {
            return reasons;
        }
        for (int night : shortNights(problem)) {
            reasons.add(shortage(problem, night, staysByRooms(problem, night)));
        }
        return reasons;
    }

    /**
     * The nights whose stays cannot all be matched to rooms they accept; of a run of nights with the same
     * stays, the first only.
     */
    static List<Integer> shortNights(AssignmentProblem problem) {
        OrTools.load();
        List<Integer> nights = new ArrayList<>();
        String previousKey = null;
        for (int night = problem.schedule().start(); night < problem.schedule().end(); night++) {
            Map<String, List<Stay>> byRooms = staysByRooms(problem, night);
            String key = byRooms.entrySet().stream().map(e -> e.getKey() + "x" + e.getValue().size())
                    .collect(Collectors.joining("|"));
            if (key.equals(previousKey)) {
                continue;
            }
            previousKey = key;
            if (shortage(problem, night, byRooms) != null) {
                nights.add(night);
            }
        }
        return nights;
    }

    /** Stays present on the night, grouped by the set of rooms they accept. */
    private static Map<String, List<Stay>> staysByRooms(AssignmentProblem problem, int night) {
        Map<String, List<Stay>> byRooms = new LinkedHashMap<>();
        for (Stay s : problem.stays()) {
            if (s.arrival() <= night && night < s.departure()) {
                byRooms.computeIfAbsent(roomSetKey(problem, s), k -> new ArrayList<>()).add(s);
            }
        }
        return byRooms;
    }

    private static String shortage(AssignmentProblem problem, int night, Map<String, List<Stay>> byRooms) {
        List<List<Stay>> groups = new ArrayList<>(byRooms.values());
        int rooms = problem.roomCount();
        int source = 0;
        int sink = 1;
        int firstGroup = 2;
        int firstRoom = firstGroup + groups.size();
        MaxFlow flow = new MaxFlow();
        int demand = 0;
        for (int g = 0; g < groups.size(); g++) {
            demand += groups.get(g).size();
            flow.addArcWithCapacity(source, firstGroup + g, groups.get(g).size());
            Stay sample = groups.get(g).get(0);
            for (int r = 0; r < rooms; r++) {
                if (problem.stayFitsRoom(sample, r)) {
                    flow.addArcWithCapacity(firstGroup + g, firstRoom + r, groups.get(g).size());
                }
            }
        }
        for (int r = 0; r < rooms; r++) {
            flow.addArcWithCapacity(firstRoom + r, sink, 1);
        }
        if (flow.solve(source, sink) != MaxFlow.Status.OPTIMAL || flow.getOptimalFlow() >= demand) {
            return null;
        }
        // The groups still reachable from the source in the residual graph are the stays that compete for
        // too few rooms (Hall's condition fails for them).
        boolean[] sourceSide = residualReachable(flow, source, firstRoom + rooms);
        int stays = 0;
        int capacity = 0;
        List<String> typeNames = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (sourceSide[firstGroup + g]) {
                stays += groups.get(g).size();
                for (String t : acceptedTypeNames(problem, groups.get(g).get(0))) {
                    if (!typeNames.contains(t)) {
                        typeNames.add(t);
                    }
                }
            }
        }
        for (int r = 0; r < rooms; r++) {
            if (sourceSide[firstRoom + r]) {
                capacity++;
            }
        }
        return "night " + LocalDate.ofEpochDay(night) + ": " + stays + " stays need a room of type "
                + String.join(" or ", typeNames) + ", but only " + capacity + " such room"
                + (capacity == 1 ? " is" : "s are") + " available (" + stays + " stays, " + capacity + " rooms)";
    }

    static boolean[] residualReachable(MaxFlow flow, int source, int nodes) {
        boolean[] reached = new boolean[nodes];
        reached[source] = true;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int a = 0; a < flow.getNumArcs(); a++) {
                int tail = flow.getTail(a);
                int head = flow.getHead(a);
                if (reached[tail] && !reached[head] && flow.getFlow(a) < flow.getCapacity(a)) {
                    reached[head] = grew = true;
                } else if (reached[head] && !reached[tail] && flow.getFlow(a) > 0) {
                    reached[tail] = grew = true;
                }
            }
        }
        return reached;
    }

    private static String roomSetKey(AssignmentProblem problem, Stay s) {
        return s.isPinned() ? "room" + s.pinnedRoom() : "types" + Arrays.toString(s.allowedTypes());
    }

    /** The type names a stay accepts, also those no room has; for a pinned stay, its room. */
    static List<String> acceptedTypeNames(AssignmentProblem problem, Stay s) {
        if (s.isPinned()) {
            return List.of("room " + problem.rooms().get(s.pinnedRoom()).number());
        }
        return typeNames(problem, s);
    }

    /** The room types a stay accepts (SPEC §2.4), best first, also those no room of the hotel has. */
    public static List<String> typeNames(AssignmentProblem problem, Stay s) {
        List<String> names = new ArrayList<>();
        for (int t : s.allowedTypes()) {
            names.add(problem.types().get(t));
        }
        if (s.reservation().roomType() != null && !problem.types().contains(s.reservation().roomType())) {
            names.add(0, s.reservation().roomType());
        }
        for (String t : s.reservation().allowableRoomTypes()) {
            if (!problem.types().contains(t) && !names.contains(t)) {
                names.add(t);
            }
        }
        return names;
    }
}
