package org.bookingopt.core.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Pin;
import org.bookingopt.core.plan.Stay;

/**
 * Why new reservations do not fit the current plan (SPEC §8.1 step 5), night by night. In the fit every
 * existing stay is pinned and the new reservations are one-night pieces, so nights are independent: the
 * fit exists iff on every night the pieces can be matched to rooms of accepted types that no pinned stay
 * holds. Where they cannot, Hall's condition fails for a set of pieces: they accept fewer free rooms than
 * they are. That set, its types and its free rooms are the explanation.
 */
public final class FitCheck {
    private FitCheck() {
    }

    /**
     * One night on which some new reservations cannot all get a room.
     *
     * @param night           the night (epoch day)
     * @param newReservations the blocked new reservations, by split group (1-based)
     * @param types           the room types they accept, in the hotel's order
     * @param freeRooms       rooms of those types free that night (fewer than the reservations)
     * @param roomsOfTypes    how many rooms of those types the hotel has
     */
    public record Shortage(int night, List<Integer> newReservations, List<String> types, List<Integer> freeRooms,
                           int roomsOfTypes) {
        boolean sameBlockAs(Shortage other) {
            return newReservations.equals(other.newReservations) && types.equals(other.types)
                    && freeRooms.equals(other.freeRooms);
        }
    }

    /**
     * What makes the current plan itself invalid (SPEC §4.2): stays kept in a room of a type they do not
     * accept (locked and request-window stays excepted: their room is a hard pin), and two stays holding the
     * same room on the same night.
     */
    public static List<String> currentPlanConflicts(AssignmentProblem fitProblem) {
        List<String> conflicts = new ArrayList<>();
        List<Stay> pinned = fitProblem.stays().stream().filter(Stay::isPinned).toList();
        for (Stay s : pinned) {
            int room = s.pinnedRoom();
            if (s.pin() == Pin.KEPT && !s.acceptsType(fitProblem.typeOf(room))) {
                conflicts.add(s.reservation().name() + " is in room " + fitProblem.rooms().get(room).number()
                        + " of type " + fitProblem.types().get(fitProblem.typeOf(room)) + ", which it does not accept");
            }
        }
        for (int i = 0; i < pinned.size(); i++) {
            for (int j = i + 1; j < pinned.size(); j++) {
                Stay a = pinned.get(i);
                Stay b = pinned.get(j);
                if (a.pinnedRoom() == b.pinnedRoom() && a.overlaps(b)) {
                    conflicts.add(a.reservation().name() + " and " + b.reservation().name() + " are both in room "
                            + fitProblem.rooms().get(a.pinnedRoom()).number() + " on "
                            + LocalDate.ofEpochDay(Math.max(a.arrival(), b.arrival())));
                }
            }
        }
        return conflicts;
    }

    /** The nights on which the pieces cannot all be placed, in date order; empty iff the fit exists. */
    public static List<Shortage> shortages(AssignmentProblem fitProblem) {
        List<Shortage> shortages = new ArrayList<>();
        TreeSet<Integer> nights = new TreeSet<>();
        fitProblem.stays().stream().filter(Stay::isTest).forEach(s -> nights.add(s.arrival()));
        for (int night : nights) {
            Shortage shortage = shortage(fitProblem, night);
            if (shortage != null) {
                shortages.add(shortage);
            }
        }
        return shortages;
    }

    private static Shortage shortage(AssignmentProblem problem, int night) {
        int rooms = problem.roomCount();
        boolean[] taken = new boolean[rooms];
        List<Stay> pieces = new ArrayList<>();
        for (Stay s : problem.stays()) {
            if (s.arrival() <= night && night < s.departure()) {
                if (s.isPinned()) {
                    taken[s.pinnedRoom()] = true;
                } else {
                    pieces.add(s);
                }
            }
        }
        int[] pieceOfRoom = new int[rooms];
        Arrays.fill(pieceOfRoom, -1);
        for (int p = 0; p < pieces.size(); p++) {
            boolean[] visited = new boolean[rooms];
            if (!augment(problem, pieces, taken, pieceOfRoom, p, visited)) {
                return explain(problem, night, pieces, taken, pieceOfRoom, p);
            }
        }
        return null;
    }

    /** Kuhn's augmenting path from piece p. */
    private static boolean augment(AssignmentProblem problem, List<Stay> pieces, boolean[] taken, int[] pieceOfRoom,
                                   int p, boolean[] visited) {
        for (int r = 0; r < taken.length; r++) {
            if (taken[r] || visited[r] || !problem.stayFitsRoom(pieces.get(p), r)) {
                continue;
            }
            visited[r] = true;
            if (pieceOfRoom[r] < 0 || augment(problem, pieces, taken, pieceOfRoom, pieceOfRoom[r], visited)) {
                pieceOfRoom[r] = p;
                return true;
            }
        }
        return false;
    }

    /** The pieces reachable from the unmatched piece by alternating paths violate Hall's condition. */
    private static Shortage explain(AssignmentProblem problem, int night, List<Stay> pieces, boolean[] taken,
                                    int[] pieceOfRoom, int unmatched) {
        Set<Integer> blocked = new LinkedHashSet<>();
        Set<Integer> free = new TreeSet<>();
        List<Integer> queue = new ArrayList<>(List.of(unmatched));
        blocked.add(unmatched);
        for (int i = 0; i < queue.size(); i++) {
            Stay piece = pieces.get(queue.get(i));
            for (int r = 0; r < taken.length; r++) {
                if (!taken[r] && problem.stayFitsRoom(piece, r) && free.add(r) && pieceOfRoom[r] >= 0
                        && blocked.add(pieceOfRoom[r])) {
                    queue.add(pieceOfRoom[r]);
                }
            }
        }
        TreeSet<Integer> groups = new TreeSet<>();
        Set<Integer> typeIndices = new TreeSet<>();
        for (int p : blocked) {
            groups.add(pieces.get(p).splitGroup());
            for (int t : pieces.get(p).allowedTypes()) {
                typeIndices.add(t);
            }
        }
        List<String> types = typeIndices.stream().map(t -> problem.types().get(t)).toList();
        int roomsOfTypes = 0;
        for (int r = 0; r < problem.roomCount(); r++) {
            roomsOfTypes += typeIndices.contains(problem.typeOf(r)) ? 1 : 0;
        }
        return new Shortage(night, List.copyOf(groups), types, List.copyOf(free), roomsOfTypes);
    }

    /**
     * The shortages as sentences, consecutive nights with the same block merged, e.g. {@code "on 2021-03-12
     * N1 needs a room of type Suite, but all 2 such rooms are taken"}.
     */
    public static List<String> describe(AssignmentProblem problem, List<Shortage> shortages) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < shortages.size(); ) {
            Shortage first = shortages.get(i);
            int j = i + 1;
            while (j < shortages.size() && shortages.get(j).night() == shortages.get(j - 1).night() + 1
                    && shortages.get(j).sameBlockAs(first)) {
                j++;
            }
            Shortage last = shortages.get(j - 1);
            String when = first == last ? "on " + LocalDate.ofEpochDay(first.night())
                    : "from " + LocalDate.ofEpochDay(first.night()) + " to " + LocalDate.ofEpochDay(last.night());
            List<String> names = first.newReservations().stream()
                    .map(k -> problem.problem().newReservations().get(k - 1).name()).toList();
            int need = first.newReservations().size();
            String who = String.join(" and ", names) + (need == 1 ? " needs a room" : " need " + need + " rooms");
            String types = String.join(" or ", first.types());
            String free = first.freeRooms().isEmpty()
                    ? (first.roomsOfTypes() == 1 ? "the only such room is" : "all " + first.roomsOfTypes()
                            + " such rooms are") + " taken"
                    : "only " + roomList(problem, first.freeRooms()) + " of the " + first.roomsOfTypes()
                            + " such rooms " + (first.freeRooms().size() == 1 ? "is" : "are") + " free";
            lines.add(when + " " + who + " of type " + types + ", but " + free);
            i = j;
        }
        return lines;
    }

    private static String roomList(AssignmentProblem problem, List<Integer> rooms) {
        List<String> numbers = rooms.stream().map(r -> "room " + problem.rooms().get(r).number()).toList();
        return String.join(", ", numbers);
    }
}
