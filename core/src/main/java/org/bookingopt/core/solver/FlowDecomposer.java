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
 * <p>On an arrival day the flow says how many rooms of a type to take from each departure day ("class")
 * and how many from the rooms whose gap is already free (never used, or idle long enough). Which rooms of a
 * class, and which room gets which arriving stay, does not change the cost: that freedom is used to put
 * locked stays in their rooms, to keep rooms with an upcoming lock free for it, and to seat adjacency
 * groups in neighbouring rooms (across types: all types are walked through the days together). Following
 * the counts reproduces the relaxation's cost exactly, so a decomposition that honours every lock and group
 * is a proven optimum. Where the counts cannot be followed, it takes the best free room instead; the caller
 * then sees a higher cost or a double booking and repairs the plan.
 */
final class FlowDecomposer {
    private static final int UNUSED = Integer.MIN_VALUE;
    private static final long OFF_FLOW = 1_000_000L;
    private static final long INTO_LOCK = 100_000_000L;

    private final AssignmentProblem problem;
    private final int[] roomOfStay;
    private final Map<Integer, List<Stay>> membersOfGroup = new HashMap<>();
    private final int[] freeSince;   // by room: departure of its last stay, UNUSED if none yet
    private final List<Deque<Stay>> locks = new ArrayList<>(); // by room: its pinned stays not yet placed
    private final int[] layerOfRoom;

    private FlowDecomposer(AssignmentProblem problem, List<LayeredFlowModel.Layer> layers) {
        this.problem = problem;
        this.roomOfStay = new int[problem.stays().size()];
        Arrays.fill(roomOfStay, -1);
        this.freeSince = new int[problem.roomCount()];
        Arrays.fill(freeSince, UNUSED);
        this.layerOfRoom = new int[problem.roomCount()];
        for (int l = 0; l < layers.size(); l++) {
            for (int r : layers.get(l).rooms()) {
                layerOfRoom[r] = l;
            }
        }
        for (int r = 0; r < problem.roomCount(); r++) {
            locks.add(new ArrayDeque<>());
        }
        problem.stays().stream().sorted(Comparator.comparingInt(Stay::arrival)).forEach(s -> {
            if (s.isPinned()) {
                locks.get(s.pinnedRoom()).add(s);
            }
            if (s.group() >= 0) {
                membersOfGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
            }
        });
    }

    /** @return a plan in which every stay has a room of its layer; it may double-book a room */
    static RoomPlan decompose(AssignmentProblem problem, List<LayeredFlowModel.Layer> layers,
                              LayeredFlowModel.Solution solution) {
        FlowDecomposer decomposer = new FlowDecomposer(problem, layers);
        TreeMap<Integer, List<Stay>> arrivalsByDay = new TreeMap<>();
        for (Stay s : problem.stays()) {
            arrivalsByDay.computeIfAbsent(s.arrival(), d -> new ArrayList<>()).add(s);
        }
        List<Map<Long, Integer>> direct = new ArrayList<>();
        solution.flows().forEach(f -> direct.add(new HashMap<>(f.direct())));
        for (Map.Entry<Integer, List<Stay>> day : arrivalsByDay.entrySet()) {
            decomposer.placeArrivals(day.getKey(), day.getValue(), layers, solution, direct);
        }
        return new RoomPlan(decomposer.roomOfStay);
    }

    private void placeArrivals(int day, List<Stay> arriving, List<LayeredFlowModel.Layer> layers,
                               LayeredFlowModel.Solution solution, List<Map<Long, Integer>> direct) {
        List<Draws> draws = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            LayeredFlowModel.LayerFlow flow = solution.flows().get(l);
            draws.add(new Draws(day, direct.get(l),
                    flow.waitExit().getOrDefault(day, 0) + flow.fromSource().getOrDefault(day, 0)));
        }
        List<Stay> rest = new ArrayList<>();
        // 1. Locked stays take their room.
        for (Stay s : arriving) {
            if (s.isPinned()) {
                draws.get(layerOfRoom[s.pinnedRoom()]).take(s.pinnedRoom());
                place(s, s.pinnedRoom());
            } else {
                rest.add(s);
            }
        }
        // 2. Groups arriving together: side-by-side rooms that the flow takes today, found as a set.
        seatGroupsTogether(rest, solution, draws);
        rest.removeIf(s -> roomOfStay[s.index()] >= 0);
        // 3. Other group members next to their group; 4. the rest, longest first.
        rest.sort(Comparator.comparingInt((Stay s) -> s.group() >= 0 ? 0 : 1)
                .thenComparing(Comparator.comparingInt(Stay::departure).reversed())
                .thenComparingInt(Stay::index));
        for (Stay s : rest) {
            int layer = solution.layerOfStay()[s.index()];
            int room = chooseRoom(s, layers.get(layer).rooms(), draws.get(layer), draws);
            if (busy(room, s.arrival()) || intoLock(room, s)) {
                // No room of the flow's type can take it: any free room of a type the stay accepts.
                int[] accepted = java.util.stream.IntStream.range(0, problem.roomCount())
                        .filter(r -> s.acceptsType(problem.typeOf(r))).toArray();
                room = chooseRoom(s, accepted, draws.get(layer), draws);
            }
            draws.get(layerOfRoom[room]).take(room);
            place(s, room);
        }
    }

    /**
     * For each group with two or more members arriving today and none placed yet, looks for rooms the flow
     * takes today (so at no cost above the bound) in which every member has a member next door.
     */
    private void seatGroupsTogether(List<Stay> arriving, LayeredFlowModel.Solution solution, List<Draws> draws) {
        Map<Integer, List<Stay>> groups = new java.util.LinkedHashMap<>();
        for (Stay s : arriving) {
            if (s.group() >= 0) {
                groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
            }
        }
        for (List<Stay> members : groups.values()) {
            boolean nonePlaced = membersOfGroup.get(members.get(0).group()).stream()
                    .noneMatch(m -> roomOfStay[m.index()] >= 0);
            if (members.size() < 2 || !nonePlaced) {
                continue;
            }
            int[] rooms = new int[members.size()];
            if (seat(members, 0, rooms, solution, draws)) {
                for (int i = 0; i < members.size(); i++) {
                    place(members.get(i), rooms[i]);
                }
            }
        }
    }

    /** Depth-first: member i takes a free, drawable room next to an earlier member's; counts are taken. */
    private boolean seat(List<Stay> members, int i, int[] rooms, LayeredFlowModel.Solution solution,
                         List<Draws> draws) {
        if (i == members.size()) {
            return true;
        }
        Stay s = members.get(i);
        int layer = solution.layerOfStay()[s.index()];
        Draws d = draws.get(layer);
        for (int r = 0; r < problem.roomCount(); r++) {
            if (layerOfRoom[r] != layer || !d.available(r) || contains(rooms, i, r) || intoLock(r, s)) {
                continue;
            }
            boolean nextToEarlier = i == 0;
            for (int j = 0; j < i && !nextToEarlier; j++) {
                nextToEarlier = problem.adjacent(r, rooms[j]);
            }
            if (!nextToEarlier) {
                continue;
            }
            d.take(r);
            rooms[i] = r;
            if (seat(members, i + 1, rooms, solution, draws)) {
                return true;
            }
            d.untake(r);
        }
        return false;
    }

    private static boolean contains(int[] rooms, int upTo, int room) {
        for (int j = 0; j < upTo; j++) {
            if (rooms[j] == room) {
                return true;
            }
        }
        return false;
    }

    private boolean intoLock(int room, Stay s) {
        Stay nextLock = locks.get(room).peekFirst();
        return nextLock != null && nextLock.arrival() < s.departure();
    }

    private int chooseRoom(Stay s, int[] rooms, Draws draws, List<Draws> allDraws) {
        int best = rooms[0];
        long bestScore = Long.MAX_VALUE;
        for (int r : rooms) {
            if (busy(r, s.arrival())) {
                continue;
            }
            long score = draws.available(r) ? 0 : OFF_FLOW;
            Stay nextLock = locks.get(r).peekFirst();
            if (nextLock != null) {
                // Never run into the room's next lock; otherwise prefer to keep the room for it.
                score += nextLock.arrival() < s.departure() ? INTO_LOCK : 1000L + (nextLock.arrival() - s.departure());
            }
            if (s.group() >= 0) {
                score += groupScore(s, r, allDraws) * 10_000L;
            }
            score += Math.min(999, draws.cost(r));
            if (score < bestScore) {
                bestScore = score;
                best = r;
            }
        }
        return best;
    }

    /**
     * 0 when the room is next to a placed member of the stay's group; 1 when a room next to it is one the
     * flow takes today (another member can join at no extra cost); 2 when a free room next to it exists;
     * else 3.
     */
    private int groupScore(Stay s, int room, List<Draws> allDraws) {
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
            return 3;
        }
        int score = 3;
        for (int r = 0; r < problem.roomCount(); r++) {
            if (r != room && problem.adjacent(room, r) && !busy(r, s.arrival())) {
                score = Math.min(score, allDraws.get(layerOfRoom[r]).available(r) ? 1 : 2);
            }
        }
        return score;
    }

    private boolean busy(int room, int day) {
        return freeSince[room] != UNUSED && freeSince[room] > day;
    }

    private void place(Stay s, int room) {
        roomOfStay[s.index()] = room;
        freeSince[room] = Math.max(freeSince[room], s.departure());
        locks.get(room).remove(s);
    }

    /** The rooms the flow says to take on one arrival day in one layer: per class, and from the free pool. */
    private final class Draws {
        private final int day;
        private final Map<Long, Integer> direct;
        private int zeroCost;

        Draws(int day, Map<Long, Integer> direct, int zeroCost) {
            this.day = day;
            this.direct = direct;
            this.zeroCost = zeroCost;
        }

        private boolean isZeroCost(int r) {
            return freeSince[r] == UNUSED || day - freeSince[r] >= GapArcs.freeFrom(problem.schedule(), freeSince[r]);
        }

        boolean available(int r) {
            if (busy(r, day)) {
                return false;
            }
            if (isZeroCost(r)) {
                return zeroCost > 0;
            }
            return direct.getOrDefault(LayeredFlowModel.LayerFlow.key(freeSince[r], day), 0) > 0;
        }

        long cost(int r) {
            return freeSince[r] == UNUSED || busy(r, day) ? 0 : GapArcs.cost(problem.schedule(), freeSince[r], day);
        }

        void take(int r) {
            adjust(r, -1);
        }

        void untake(int r) {
            adjust(r, 1);
        }

        private void adjust(int r, int delta) {
            if (busy(r, day)) {
                return;
            }
            if (isZeroCost(r)) {
                zeroCost += delta;
            } else {
                direct.merge(LayeredFlowModel.LayerFlow.key(freeSince[r], day), delta, Integer::sum);
            }
        }
    }
}
