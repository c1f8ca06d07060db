package org.bookingopt.core.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * Turns the relaxation's flow of each room type into timelines of real rooms, day by day.
 *
 * <p>The flow moves anonymous <em>units</em> of a type: on an arrival day it says how many units to take from
 * each departure day ("class") and how many from those whose gap is already free. Rooms of one type differ
 * only by their locks and their neighbours, so a unit gets a room number lazily: when it takes a locked stay
 * (it becomes that room), when it seats a group member (it takes a free number next to the group), or at the
 * end. A lock therefore only needs an unnamed unit among the ones the flow takes that day, and groups can
 * pick side-by-side numbers freely. Following the counts reproduces the relaxation's cost exactly, so a
 * decomposition that honours every lock and group is a proven optimum; where the counts cannot be followed
 * it takes the best free unit instead, and the caller sees a higher cost or a double booking and repairs it.
 */
final class FlowDecomposer {
    private static final int UNUSED = Integer.MIN_VALUE;
    private static final long OFF_FLOW = 1_000_000L;
    private static final long INTO_LOCK = 100_000_000L;
    /** Leaving a member without a neighbour costs 100·2^M: more than leaving the flow's counts for one unit. */
    private static final long LONELY_MEMBER = OFF_FLOW / 2;

    private final AssignmentProblem problem;
    private final List<LayeredFlowModel.Layer> layers;
    private final LayeredFlowModel.Solution solution;
    private final LockRouter.Routes routes;
    private final int[] unitOfStay;
    private final int[] forcedRoom;    // stay → its locked room where no unit could carry it, else -1
    private final Map<Integer, List<Stay>> membersOfGroup = new HashMap<>();
    private final List<Deque<Stay>> locks = new ArrayList<>(); // by room: its pinned stays not yet placed
    private final boolean[] hasLocks;
    private final int[] nameOf;        // unit → room, -1 while unnamed
    private final int[] unitNamed;     // room → unit, -1 while no unit carries that number
    private final int[] freeSince;     // unit → departure of its last stay, UNUSED if none yet
    private final int[] layerOfUnit;
    private final int[][] unitsOfLayer;

    private FlowDecomposer(AssignmentProblem problem, List<LayeredFlowModel.Layer> layers,
                           LayeredFlowModel.Solution solution, LockRouter.Routes routes) {
        this.problem = problem;
        this.routes = routes;
        this.layers = layers;
        this.solution = solution;
        int rooms = problem.roomCount();
        this.unitOfStay = new int[problem.stays().size()];
        Arrays.fill(unitOfStay, -1);
        this.forcedRoom = new int[problem.stays().size()];
        Arrays.fill(forcedRoom, -1);
        this.hasLocks = new boolean[rooms];
        this.nameOf = new int[rooms];
        this.unitNamed = new int[rooms];
        this.freeSince = new int[rooms];
        this.layerOfUnit = new int[rooms];
        this.unitsOfLayer = new int[layers.size()][];
        Arrays.fill(nameOf, -1);
        Arrays.fill(unitNamed, -1);
        Arrays.fill(freeSince, UNUSED);
        int unit = 0;
        for (int l = 0; l < layers.size(); l++) {
            unitsOfLayer[l] = new int[layers.get(l).capacity()];
            for (int i = 0; i < layers.get(l).capacity(); i++) {
                unitsOfLayer[l][i] = unit;
                layerOfUnit[unit++] = l;
            }
        }
        for (int r = 0; r < rooms; r++) {
            locks.add(new ArrayDeque<>());
        }
        problem.stays().stream().sorted(Comparator.comparingInt(Stay::arrival)).forEach(s -> {
            if (roomFor(s) >= 0) {
                locks.get(roomFor(s)).add(s);
                hasLocks[roomFor(s)] = true;
            }
            if (s.group() >= 0) {
                membersOfGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
            }
        });
    }

    /** @return a plan in which every stay has a room of its layer; it may double-book a room */
    static RoomPlan decompose(AssignmentProblem problem, List<LayeredFlowModel.Layer> layers,
                              LayeredFlowModel.Solution solution, LockRouter.Routes routes) {
        FlowDecomposer decomposer = new FlowDecomposer(problem, layers, solution, routes);
        TreeMap<Integer, List<Stay>> arrivalsByDay = new TreeMap<>();
        for (Stay s : problem.stays()) {
            arrivalsByDay.computeIfAbsent(s.arrival(), d -> new ArrayList<>()).add(s);
        }
        List<Map<Long, Integer>> direct = new ArrayList<>();
        solution.flows().forEach(f -> direct.add(new HashMap<>(f.direct())));
        for (Map.Entry<Integer, List<Stay>> day : arrivalsByDay.entrySet()) {
            decomposer.placeArrivals(day.getKey(), day.getValue(), direct);
        }
        return decomposer.plan();
    }

    private RoomPlan plan() {
        // Units never named take the numbers left over in their layer. Any matching costs the same, so the
        // numbers go where most of a unit's stays already are: guests keep their rooms where they can.
        int[][] votes = new int[problem.roomCount()][problem.roomCount()];
        for (Stay s : problem.stays()) {
            int current = problem.roomIndex(s.reservation().assignedRoom());
            if (current >= 0 && unitOfStay[s.index()] >= 0) {
                votes[unitOfStay[s.index()]][current]++;
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            List<int[]> pairs = new ArrayList<>(); // {votes, unit, room}
            for (int u : unitsOfLayer[l]) {
                for (int r : layers.get(l).rooms()) {
                    if (nameOf[u] < 0 && unitNamed[r] < 0) {
                        pairs.add(new int[] {votes[u][r], u, r});
                    }
                }
            }
            pairs.sort(Comparator.comparingInt((int[] p) -> -p[0]).thenComparingInt(p -> p[1])
                    .thenComparingInt(p -> p[2]));
            for (int[] p : pairs) {
                if (nameOf[p[1]] < 0 && unitNamed[p[2]] < 0) {
                    name(p[1], p[2]);
                }
            }
        }
        int[] rooms = new int[unitOfStay.length];
        for (int s = 0; s < rooms.length; s++) {
            int named = nameOf[unitOfStay[s]];
            rooms[s] = forcedRoom[s] >= 0 ? forcedRoom[s]
                    : named >= 0 ? named : layers.get(layerOfUnit[unitOfStay[s]]).rooms()[0];
        }
        return new RoomPlan(rooms);
    }

    private void placeArrivals(int day, List<Stay> arriving, List<Map<Long, Integer>> direct) {
        List<Draws> draws = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            LayeredFlowModel.LayerFlow flow = solution.flows().get(l);
            draws.add(new Draws(day, direct.get(l),
                    flow.waitExit().getOrDefault(day, 0) + flow.fromSource().getOrDefault(day, 0)));
        }
        List<Stay> rest = new ArrayList<>();
        // 1. Locked stays and the stays on a locked room's path to its next lock: the unit already carrying the
        // room's number first (its count is reserved), then rooms arriving at their first lock, each taking an
        // unnamed unit, from the class the router chose for it.
        List<Stay> pinned = new ArrayList<>();
        for (Stay s : arriving) {
            if (roomFor(s) >= 0) {
                pinned.add(s);
            } else {
                rest.add(s);
            }
        }
        pinned.sort(Comparator.comparingInt((Stay s) -> unitNamed[roomFor(s)] >= 0 ? 0 : 1)
                .thenComparingInt(Stay::index));
        for (Stay s : pinned) {
            int room = roomFor(s);
            int layer = layerOf(s);
            int unit = unitNamed[room];
            if (unit < 0) {
                Integer entry = routes.entryOf().get(s.index());
                Draws d = draws.get(layer);
                unit = bestUnit(s, layer, d, u -> nameOf[u] >= 0 ? INTO_LOCK
                        : entry != null && entry != d.classOf(u) ? 1 : 0);
                if (nameOf[unit] >= 0 && hasLocks[nameOf[unit]]) {
                    // Every unit of the type carries a room with locks of its own: the lock goes to its
                    // room regardless, and the repair phase sorts out the double booking.
                    forcedRoom[s.index()] = room;
                } else {
                    if (nameOf[unit] >= 0) {
                        unitNamed[nameOf[unit]] = -1; // a lock-free number given up for the lock's room
                    }
                    name(unit, room);
                }
            }
            draws.get(layer).take(unit);
            place(s, unit);
        }
        // 2. Groups arriving together get side-by-side numbers; 3. other members join their group.
        seatGroupsTogether(rest, draws);
        rest.removeIf(s -> unitOfStay[s.index()] >= 0);
        rest.sort(Comparator.comparingInt((Stay s) -> s.group() >= 0 ? 0 : 1)
                .thenComparing(Comparator.comparingInt(Stay::departure).reversed())
                .thenComparingInt(Stay::index));
        for (Stay s : rest) {
            int layer = layerOf(s);
            if (s.group() >= 0) {
                joinGroup(s, layer, draws.get(layer));
                continue;
            }
            // 4. The rest: units without a coming lock first, unnamed ones kept for locks and groups.
            int unit = bestUnit(s, layer, draws.get(layer), u -> nameOf[u] < 0 ? 10 : 0);
            draws.get(layer).take(unit);
            place(s, unit);
        }
    }

    /** The room a stay must end up in: its pin, or the locked room whose path the router sent through it. */
    private int roomFor(Stay s) {
        return s.isPinned() ? s.pinnedRoom() : routes.roomOfStay()[s.index()];
    }

    /** A named unit whose next pinned stay the router reached along the flow: its counts are reserved. */
    private boolean reserved(int unit) {
        Stay next = nameOf[unit] < 0 ? null : locks.get(nameOf[unit]).peekFirst();
        return next != null && (routes.routedPins().contains(next.index()) || !next.isPinned());
    }

    private int layerOf(Stay s) {
        return solution.layerOfStay()[s.index()];
    }

    /** The free unit of the layer that best follows the flow, given a preference (lower is better). */
    private int bestUnit(Stay s, int layer, Draws draws, java.util.function.IntToLongFunction preference) {
        int best = unitsOfLayer[layer][0];
        long bestScore = Long.MAX_VALUE;
        for (int u : unitsOfLayer[layer]) {
            long score = busy(u, s.arrival()) ? 2 * INTO_LOCK : draws.available(u) ? 0 : OFF_FLOW;
            score += intoLock(u, s) ? INTO_LOCK : reserved(u) ? 3 * OFF_FLOW : deadlineSlack(u, s);
            score += preference.applyAsLong(u);
            score += Math.min(999, draws.cost(u));
            if (score < bestScore) {
                bestScore = score;
                best = u;
            }
        }
        return best;
    }

    /** A unit with a coming lock is best used for stays that end close to it; 0 without a lock. */
    private long deadlineSlack(int unit, Stay s) {
        Stay next = nameOf[unit] < 0 ? null : locks.get(nameOf[unit]).peekFirst();
        return next == null ? 0 : 100 + Math.min(800, next.arrival() - s.departure());
    }

    private boolean intoLock(int unit, Stay s) {
        Stay next = nameOf[unit] < 0 ? null : locks.get(nameOf[unit]).peekFirst();
        return next != null && next.arrival() < s.departure();
    }

    /** Groups with two or more members arriving today and none placed: drawn units, side-by-side numbers. */
    private void seatGroupsTogether(List<Stay> arriving, List<Draws> draws) {
        Map<Integer, List<Stay>> groups = new LinkedHashMap<>();
        for (Stay s : arriving) {
            if (s.group() >= 0) {
                groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
            }
        }
        for (List<Stay> members : groups.values()) {
            boolean nonePlaced = membersOfGroup.get(members.get(0).group()).stream()
                    .noneMatch(m -> unitOfStay[m.index()] >= 0);
            if (members.size() < 2 || !nonePlaced) {
                continue;
            }
            int[] units = new int[members.size()];
            int[] rooms = new int[members.size()];
            if (seat(members, 0, units, rooms, draws)) {
                for (int i = 0; i < members.size(); i++) {
                    if (nameOf[units[i]] < 0) {
                        name(units[i], rooms[i]);
                    }
                    place(members.get(i), units[i]);
                }
            }
        }
    }

    /** Depth-first: member i takes a drawn unit and a number next to an earlier member's; counts are taken. */
    private boolean seat(List<Stay> members, int i, int[] units, int[] rooms, List<Draws> draws) {
        if (i == members.size()) {
            return true;
        }
        Stay s = members.get(i);
        int layer = layerOf(s);
        Draws d = draws.get(layer);
        Integer anonymous = null;
        for (int u : unitsOfLayer[layer]) {
            if (!d.available(u) || contains(units, i, u) || intoLock(u, s) || reserved(u)) {
                continue;
            }
            if (nameOf[u] >= 0) {
                if (tryUnit(members, i, units, rooms, draws, u, nameOf[u])) {
                    return true;
                }
            } else if (anonymous == null) {
                anonymous = u; // unnamed units are interchangeable: trying one is enough
            }
        }
        if (anonymous != null) {
            for (int r : freeNumbers(layer, s)) {
                if (!contains(rooms, i, r) && tryUnit(members, i, units, rooms, draws, anonymous, r)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean tryUnit(List<Stay> members, int i, int[] units, int[] rooms, List<Draws> draws, int unit,
                            int room) {
        boolean nextToEarlier = i == 0;
        for (int j = 0; j < i && !nextToEarlier; j++) {
            nextToEarlier = problem.adjacent(room, rooms[j]);
        }
        if (!nextToEarlier) {
            return false;
        }
        Draws d = draws.get(layerOfUnit[unit]);
        d.take(unit);
        units[i] = unit;
        rooms[i] = room;
        boolean unnamedTaken = nameOf[unit] < 0;
        if (unnamedTaken) {
            unitNamed[room] = unit; // reserve the number while deeper members choose
        }
        boolean seated = seat(members, i + 1, units, rooms, draws);
        if (unnamedTaken) {
            unitNamed[room] = -1;
        }
        if (!seated) {
            d.untake(unit);
        }
        return seated;
    }

    /** A member whose group is already (partly) placed: a unit with, or a free number next to, a member. */
    private void joinGroup(Stay s, int layer, Draws draws) {
        List<Integer> memberRooms = new ArrayList<>();
        for (Stay other : membersOfGroup.get(s.group())) {
            int u = unitOfStay[other.index()];
            if (other.index() != s.index() && u >= 0 && nameOf[u] >= 0) {
                memberRooms.add(nameOf[u]);
            }
        }
        int unit = bestUnit(s, layer, draws, u -> {
            if (nameOf[u] >= 0) {
                return memberRooms.stream().anyMatch(m -> problem.adjacent(nameOf[u], m)) ? 0
                        : memberRooms.isEmpty() ? 2 : LONELY_MEMBER;
            }
            return freeNumberNextTo(layer, s, memberRooms) >= 0 ? 1 : LONELY_MEMBER;
        });
        if (nameOf[unit] < 0) {
            int room = freeNumberNextTo(layer, s, memberRooms);
            if (room >= 0) {
                name(unit, room);
            }
        }
        draws.take(unit);
        place(s, unit);
    }

    /**
     * Numbers of the layer no unit carries yet that an unnamed unit could take for {@code s}: rooms without
     * locks first, then rooms whose first lock comes after {@code s} leaves; within each, rooms with more
     * free neighbours first (room for the rest of a group).
     */
    private List<Integer> freeNumbers(int layer, Stay s) {
        List<Integer> numbers = new ArrayList<>();
        for (int r : layers.get(layer).rooms()) {
            Stay firstLock = locks.get(r).peekFirst();
            // A room whose first lock the router reached takes the unit it chose there, not a group member's.
            boolean routed = firstLock != null && routes.routedPins().contains(firstLock.index());
            if (unitNamed[r] < 0 && !routed && (firstLock == null || firstLock.arrival() >= s.departure())) {
                numbers.add(r);
            }
        }
        numbers.sort(Comparator.comparingInt((Integer r) -> hasLocks[r] ? 1 : 0)
                .thenComparingInt(r -> -freeNeighbours(r)));
        return numbers;
    }

    private int freeNeighbours(int room) {
        int n = 0;
        for (int r = 0; r < problem.roomCount(); r++) {
            if (r != room && problem.adjacent(room, r) && unitNamed[r] < 0) {
                n++;
            }
        }
        return n;
    }

    /** A free number for {@code s} next to one of {@code rooms}, or any free number if none given; -1. */
    private int freeNumberNextTo(int layer, Stay s, List<Integer> rooms) {
        for (int r : freeNumbers(layer, s)) {
            if (rooms.isEmpty() || rooms.stream().anyMatch(m -> problem.adjacent(r, m))) {
                return r;
            }
        }
        return -1;
    }

    private static boolean contains(int[] values, int upTo, int value) {
        for (int j = 0; j < upTo; j++) {
            if (values[j] == value) {
                return true;
            }
        }
        return false;
    }

    private boolean busy(int unit, int day) {
        return freeSince[unit] != UNUSED && freeSince[unit] > day;
    }

    private void name(int unit, int room) {
        nameOf[unit] = room;
        unitNamed[room] = unit;
    }

    private void place(Stay s, int unit) {
        unitOfStay[s.index()] = unit;
        freeSince[unit] = Math.max(freeSince[unit], s.departure());
        if (nameOf[unit] >= 0) {
            locks.get(nameOf[unit]).remove(s);
        }
    }

    /** The units the flow says to take on one arrival day in one layer: per class, and from the free pool. */
    private final class Draws {
        private final int day;
        private final Map<Long, Integer> direct;
        private int zeroCost;

        Draws(int day, Map<Long, Integer> direct, int zeroCost) {
            this.day = day;
            this.direct = direct;
            this.zeroCost = zeroCost;
        }

        private boolean isZeroCost(int u) {
            return freeSince[u] == UNUSED || day - freeSince[u] >= GapArcs.freeFrom(problem.schedule(), freeSince[u]);
        }

        boolean available(int u) {
            if (busy(u, day)) {
                return false;
            }
            if (isZeroCost(u)) {
                return zeroCost > 0;
            }
            return direct.getOrDefault(LayeredFlowModel.LayerFlow.key(freeSince[u], day), 0) > 0;
        }

        /** The departure day of the flow class the unit is in today, or {@link LockRouter#POOL}. */
        int classOf(int u) {
            return isZeroCost(u) ? LockRouter.POOL : freeSince[u];
        }

        long cost(int u) {
            return freeSince[u] == UNUSED || busy(u, day) ? 0 : GapArcs.cost(problem.schedule(), freeSince[u], day);
        }

        void take(int u) {
            adjust(u, -1);
        }

        void untake(int u) {
            adjust(u, 1);
        }

        private void adjust(int u, int delta) {
            if (busy(u, day)) {
                return;
            }
            if (isZeroCost(u)) {
                zeroCost += delta;
            } else {
                direct.merge(LayeredFlowModel.LayerFlow.key(freeSince[u], day), delta, Integer::sum);
            }
        }
    }
}
