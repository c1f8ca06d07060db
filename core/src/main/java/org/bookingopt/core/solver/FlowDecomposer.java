package org.bookingopt.core.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * Turns the relaxation's flow of each room type into timelines of real rooms, day by day.
 *
 * <p>On an arrival day the flow says how many rooms to take from each departure day ("class") and how many
 * from the rooms whose gap is already free (rooms never used, or idle long enough). Which rooms of a class,
 * and which room gets which arriving stay, does not change the cost: that freedom is used to put locked
 * stays in their rooms, to keep rooms with an upcoming lock free for it, and to seat adjacency groups in
 * neighbouring rooms. Following the counts reproduces the relaxation's cost exactly, so a decomposition
 * that honours every lock and group is a proven optimum. Where the counts cannot be followed (a lock's
 * room is in the wrong class), it deviates to the cheapest free room and the caller sees a higher cost
 * or an invalid plan, and falls back to the exact model.
 */
final class FlowDecomposer {
    private static final int UNUSED = Integer.MIN_VALUE;

    private final AssignmentProblem problem;
    private final int[] roomOfStay;
    private final Map<Integer, List<Stay>> membersOfGroup = new HashMap<>();

    private FlowDecomposer(AssignmentProblem problem) {
        this.problem = problem;
        this.roomOfStay = new int[problem.stays().size()];
        Arrays.fill(roomOfStay, -1);
        for (Stay s : problem.stays()) {
            if (s.group() >= 0) {
                membersOfGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
            }
        }
    }

    /** @return a plan in which every stay has a room of its layer's type; it may break locks or overlap */
    static RoomPlan decompose(AssignmentProblem problem, List<LayeredFlowModel.Layer> layers,
                              LayeredFlowModel.Solution solution) {
        FlowDecomposer decomposer = new FlowDecomposer(problem);
        for (int l = 0; l < layers.size(); l++) {
            List<Stay> stays = new ArrayList<>();
            for (Stay s : problem.stays()) {
                if (solution.layerOfStay()[s.index()] == l) {
                    stays.add(s);
                }
            }
            if (!stays.isEmpty()) {
                decomposer.decomposeLayer(layers.get(l), stays, solution.flows().get(l));
            }
        }
        return new RoomPlan(decomposer.roomOfStay);
    }

    private void decomposeLayer(LayeredFlowModel.Layer layer, List<Stay> stays, LayeredFlowModel.LayerFlow flow) {
        int[] rooms = layer.rooms();
        Map<Integer, Integer> localOf = new HashMap<>();
        for (int i = 0; i < rooms.length; i++) {
            localOf.put(rooms[i], i);
        }
        int[] freeSince = new int[rooms.length];   // departure of the room's last stay, UNUSED if none
        int[] busyUntil = new int[rooms.length];
        Arrays.fill(freeSince, UNUSED);
        Arrays.fill(busyUntil, UNUSED);
        // Each room's locked (pinned) stays, by arrival: the room must be free for them.
        List<Deque<Stay>> locks = new ArrayList<>();
        for (int i = 0; i < rooms.length; i++) {
            locks.add(new ArrayDeque<>());
        }
        TreeMap<Integer, List<Stay>> arrivalsByDay = new TreeMap<>();
        stays.stream().sorted(Comparator.comparingInt(Stay::arrival)).forEach(s -> {
            arrivalsByDay.computeIfAbsent(s.arrival(), d -> new ArrayList<>()).add(s);
            if (s.isPinned() && localOf.containsKey(s.pinnedRoom())) {
                locks.get(localOf.get(s.pinnedRoom())).add(s);
            }
        });
        Map<Long, Integer> direct = new HashMap<>(flow.direct());

        for (Map.Entry<Integer, List<Stay>> day : arrivalsByDay.entrySet()) {
            int x = day.getKey();
            int zeroCostDraws = flow.waitExit().getOrDefault(x, 0) + flow.fromSource().getOrDefault(x, 0);
            Draws draws = new Draws(x, direct, zeroCostDraws, freeSince, busyUntil);
            List<Stay> arriving = new ArrayList<>(day.getValue());
            // 1. Locked stays take their room.
            for (Stay s : List.copyOf(arriving)) {
                if (s.isPinned() && localOf.containsKey(s.pinnedRoom())) {
                    int r = localOf.get(s.pinnedRoom());
                    draws.take(r);
                    place(s, rooms, r, freeSince, busyUntil);
                    locks.get(r).remove(s);
                    arriving.remove(s);
                }
            }
            // 2. Group members next to their group, 3. the rest; rooms with a nearer lock are kept back.
            arriving.sort(Comparator.comparingInt((Stay s) -> s.group() >= 0 ? 0 : 1)
                    .thenComparing(Comparator.comparingInt(Stay::departure).reversed()));
            for (Stay s : arriving) {
                int r = chooseRoom(s, rooms, draws, locks, freeSince, busyUntil);
                draws.take(r);
                place(s, rooms, r, freeSince, busyUntil);
            }
        }
    }

    private int chooseRoom(Stay s, int[] rooms, Draws draws, List<Deque<Stay>> locks, int[] freeSince,
                           int[] busyUntil) {
        int best = -1;
        long bestScore = Long.MAX_VALUE;
        for (int r = 0; r < rooms.length; r++) {
            if (busyUntil[r] > s.arrival()) {
                continue;
            }
            long score = draws.available(r) ? 0 : 1_000_000L;   // follow the flow's counts
            Stay nextLock = locks.get(r).peekFirst();
            if (nextLock != null) {
                // Never run into the room's next lock; otherwise prefer to keep the room for it.
                score += nextLock.arrival() < s.departure() ? 100_000_000L : 1000L + (nextLock.arrival() - s.departure());
            }
            if (s.group() >= 0) {
                score += groupScore(s, rooms[r], rooms, draws, busyUntil) * 10_000L;
            }
            score += Math.min(999, Math.max(0, draws.cost(r)));
            if (score < bestScore) {
                bestScore = score;
                best = r;
            }
        }
        if (best < 0) {
            // Every room of the type is busy: the relaxation's plan cannot be followed here.
            best = 0;
        }
        return best;
    }

    /** 0 when the room is next to a placed member of the stay's group, 1 when one could join it, else 2. */
    private int groupScore(Stay s, int room, int[] layerRooms, Draws draws, int[] busyUntil) {
        boolean placedMember = false;
        for (Stay other : membersOfGroup.get(s.group())) {
            if (other.index() != s.index() && roomOfStay[other.index()] >= 0) {
                placedMember = true;
                if (problem.adjacent(room, roomOfStay[other.index()])) {
                    return 0;
                }
            }
        }
        if (placedMember) {
            return 2;
        }
        for (int r = 0; r < layerRooms.length; r++) {
            if (layerRooms[r] != room && busyUntil[r] <= s.arrival() && problem.adjacent(room, layerRooms[r])) {
                return 1;
            }
        }
        for (int r = 0; r < problem.roomCount(); r++) {
            if (r != room && problem.adjacent(room, r)) {
                return 1;
            }
        }
        return 2;
    }

    private void place(Stay s, int[] rooms, int r, int[] freeSince, int[] busyUntil) {
        roomOfStay[s.index()] = rooms[r];
        freeSince[r] = s.departure();
        busyUntil[r] = s.departure();
    }

    /** The rooms the flow says to take on one arrival day: per departure class, and from the free pool. */
    private final class Draws {
        private final int day;
        private final Map<Long, Integer> direct;
        private int zeroCost;
        private final int[] freeSince;
        private final int[] busyUntil;

        Draws(int day, Map<Long, Integer> direct, int zeroCost, int[] freeSince, int[] busyUntil) {
            this.day = day;
            this.direct = direct;
            this.zeroCost = zeroCost;
            this.freeSince = freeSince;
            this.busyUntil = busyUntil;
        }

        private boolean isZeroCost(int r) {
            return freeSince[r] == UNUSED || day - freeSince[r] >= GapArcs.freeFrom(problem.schedule(), freeSince[r]);
        }

        boolean available(int r) {
            if (busyUntil[r] > day) {
                return false;
            }
            if (isZeroCost(r)) {
                return zeroCost > 0;
            }
            return direct.getOrDefault(LayeredFlowModel.LayerFlow.key(freeSince[r], day), 0) > 0;
        }

        long cost(int r) {
            return freeSince[r] == UNUSED ? 0 : GapArcs.cost(problem.schedule(), freeSince[r], day);
        }

        void take(int r) {
            if (isZeroCost(r)) {
                zeroCost--;
            } else {
                direct.merge(LayeredFlowModel.LayerFlow.key(freeSince[r], day), -1, Integer::sum);
            }
        }
    }
}
