package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Pin;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * Repairs and improves a plan by re-solving a few rooms at a time exactly (large neighbourhood search):
 * the stays of a handful of rooms are re-assigned among those rooms with the room-level model, everything
 * else fixed. Neighbourhoods start where the plan is wrong (double bookings left by the decomposition,
 * group members without a neighbour), then where it is expensive. Used when the exact model of the whole
 * hotel is too large to solve in the time limit; it never proves optimality on its own — the relaxation's
 * bound does, once the plan reaches it.
 */
final class NeighbourhoodSearch {
    private static final System.Logger LOG = System.getLogger(NeighbourhoodSearch.class.getName());
    private static final int MAX_ROOMS = 8;
    /**
     * Sub-solves in a row without an improvement after which the search gives up before its deadline. On
     * 300 × 180 typed hotels improvements still came after 300 fruitless windows (each about 0.05 s since most
     * are solved as LPs), so only a long drought ends it.
     */
    private static final int GIVE_UP_AFTER = 1_000;
    private static final Duration MAX_SUBSOLVE = Duration.ofSeconds(3);
    /**
     * Rooms of a window sub-solve. On 300 × 180 typed hotels 10 rooms gave 239 sub-solves in the search's ~38 s
     * and ended 1.35 above the bound; 8 rooms 301 (2.01 above), 12 rooms 119 (2.32), 16 rooms 91 (3.06).
     */
    private static final int WINDOW_ROOMS = 10;

    private final AssignmentProblem problem;
    private final String milpSolver;
    private final Random random = new Random(20261123);

    /** Per room type, the relaxation's count of each paying gap (departure, arrival); empty without one. */
    private final List<Map<Long, Integer>> flowGaps;

    NeighbourhoodSearch(AssignmentProblem problem, String milpSolver) {
        this(problem, milpSolver, null);
    }

    /**
     * @param relaxed the relaxation by room type ({@link RoomFlowSolver#typeLayers}): the plan's gaps beyond its
     *                flow are where its cost exceeds the bound, so the search looks there first
     */
    NeighbourhoodSearch(AssignmentProblem problem, String milpSolver, LayeredFlowModel.Solution relaxed) {
        this.problem = problem;
        this.milpSolver = milpSolver;
        this.flowGaps = relaxed == null ? List.of()
                : relaxed.flows().stream().map(LayeredFlowModel.LayerFlow::direct).toList();
    }

    private long firstValidAt = -1;

    /** {@link System#nanoTime()} when the search first held a valid plan, or -1. */
    long firstValidAt() {
        return firstValidAt;
    }

    /** @return the best plan found by the deadline, valid if any valid plan was reached (else the start) */
    RoomPlan improve(RoomPlan start, double boundUnits, long deadline, Cancellation cancellation,
                     ProgressListener progress) {
        long begun = System.nanoTime();
        int[] rooms = start.roomOfStay();
        double cost = score(new RoomPlan(rooms));
        if (cost < Double.POSITIVE_INFINITY) {
            firstValidAt = System.nanoTime();
        }
        int stale = 0;
        int iterations = 0;
        int improvements = 0;
        while (cost > boundUnits && System.nanoTime() < deadline && !cancellation.isCancelled() && stale < GIVE_UP_AFTER) {
            RoomPlan plan = new RoomPlan(rooms);
            // Whole rooms re-solved start from a double booking or a lone member, else from a room at random: a
            // valid plan with every member seated gets windows around its gaps only.
            boolean windowed = cost < Double.POSITIVE_INFINITY
                    && (random.nextInt(10) < 7 || PlanEvaluator.unsatisfiedMembers(problem, plan).isEmpty());
            int[] candidate = windowed ? resolveWindow(plan, deadline, cancellation)
                    : resolve(rooms, chooseRooms(plan, stale), null, deadline, cancellation);
            double candidateCost = candidate == null ? Double.POSITIVE_INFINITY : score(new RoomPlan(candidate));
            iterations++;
            // Progress by time spent: the search runs until the bound is reached or time is up.
            progress.onProgress((double) (System.nanoTime() - begun) / Math.max(1, deadline - begun), "improve");
            if (candidateCost < cost - 0.5) {
                improvements++;
                if (cost == Double.POSITIVE_INFINITY) {
                    firstValidAt = System.nanoTime();
                }
                rooms = candidate;
                cost = candidateCost;
                stale = 0;
            } else {
                stale++;
            }
        }
        double finalCost = cost;
        int tried = iterations;
        int better = improvements;
        RoomPlan finalPlan = new RoomPlan(rooms);
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("neighbourhood search: %d sub-solves, %d improvements,"
                + " cost %.6f, bound %.6f, %d kinds of gap beyond the relaxation's flow", tried, better,
                Math.scalb(finalCost, -20), Math.scalb(boundUnits, -20),
                gapsBeyondFlow(PlanEvaluator.timelines(problem, finalPlan)).stream().mapToInt(Set::size).sum()));
        return finalPlan;
    }

    /** Cost in units of 2^-20, or +∞ while the plan double-books a room. */
    private double score(RoomPlan plan) {
        return overlappingRooms(plan).isEmpty() ? RoomFlowSolver.costUnits(problem, plan) : Double.POSITIVE_INFINITY;
    }

    private Set<Integer> overlappingRooms(RoomPlan plan) {
        Set<Integer> rooms = new LinkedHashSet<>();
        List<List<Stay>> timelines = PlanEvaluator.timelines(problem, plan);
        for (int r = 0; r < timelines.size(); r++) {
            List<Stay> t = timelines.get(r);
            for (int i = 1; i < t.size(); i++) {
                if (t.get(i).arrival() < t.get(i - 1).departure()) {
                    rooms.add(r);
                }
            }
        }
        return rooms;
    }

    private Set<Integer> chooseRooms(RoomPlan plan, int attempt) {
        List<Integer> seeds = new ArrayList<>(overlappingRooms(plan));
        List<Integer> unsatisfied = PlanEvaluator.unsatisfiedMembers(problem, plan);
        Set<Integer> alone = new HashSet<>(unsatisfied);
        if (seeds.isEmpty()) {
            unsatisfied.forEach(s -> seeds.add(plan.room(s)));
        }
        if (seeds.isEmpty()) {
            seeds.add(random.nextInt(problem.roomCount()));
        }
        int seed = seeds.get(random.nextInt(seeds.size()));
        // First the rooms that can fix what is wrong in the seed room: its group members' rooms and their
        // neighbours (to seat a member next to another); then rooms that could take its stays.
        List<Integer> preferred = new ArrayList<>();
        for (Stay s : problem.stays()) {
            if (plan.room(s.index()) == seed && s.group() >= 0 && alone.contains(s.index())) {
                for (Stay other : problem.membersOf(s.group())) {
                    if (other.index() != s.index()) {
                        int partnerRoom = plan.room(other.index());
                        preferred.add(partnerRoom);
                        for (int r = 0; r < problem.roomCount(); r++) {
                            if (problem.adjacent(r, partnerRoom) && random.nextBoolean()) {
                                preferred.add(r);
                            }
                        }
                    }
                }
            }
        }
        List<Integer> compatible = new ArrayList<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            if (r != seed && (problem.adjacent(seed, r) || sharesStayType(plan, seed, r))) {
                compatible.add(r);
            }
        }
        java.util.Collections.shuffle(preferred, random);
        java.util.Collections.shuffle(compatible, random);
        Set<Integer> chosen = new LinkedHashSet<>();
        chosen.add(seed);
        int size = Math.min(MAX_ROOMS, 4 + attempt / 10);
        for (List<Integer> source : List.of(preferred, compatible)) {
            for (int r : source) {
                if (chosen.size() < size) {
                    chosen.add(r);
                }
            }
        }
        return chosen;
    }

    /** Per room: the stays that stay put but touch the window, and the nearest one on either side. */
    private Set<Integer> boundaryStays(int[] rooms, Set<Integer> neighbourhood, int[] window) {
        Set<Integer> kept = new java.util.HashSet<>();
        Map<Integer, Stay> before = new HashMap<>();
        Map<Integer, Stay> after = new HashMap<>();
        for (Stay s : problem.stays()) {
            int r = rooms[s.index()];
            if (!neighbourhood.contains(r)) {
                continue;
            }
            boolean free = !s.isPinned() && s.arrival() >= window[0] && s.departure() <= window[1];
            if (free) {
                continue;
            }
            if (s.arrival() < window[1] && s.departure() > window[0]) {
                kept.add(s.index());
            } else if (s.departure() <= window[0]) {
                before.merge(r, s, (x, y) -> x.departure() >= y.departure() ? x : y);
            } else {
                after.merge(r, s, (x, y) -> x.arrival() <= y.arrival() ? x : y);
            }
        }
        before.values().forEach(s -> kept.add(s.index()));
        after.values().forEach(s -> kept.add(s.index()));
        return kept;
    }

    private boolean sharesStayType(RoomPlan plan, int seed, int room) {
        for (Stay s : problem.stays()) {
            if (plan.room(s.index()) == seed && !s.isPinned() && s.acceptsType(problem.typeOf(room))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A window of two weeks around an expensive gap or a lonely group member, over up to
     * {@link #WINDOW_ROOMS} rooms: only the stays inside the window move, so many more rooms fit in one solve.
     */
    private int[] resolveWindow(RoomPlan plan, long deadline, Cancellation cancellation) {
        List<Integer> unsatisfied = PlanEvaluator.unsatisfiedMembers(problem, plan);
        Stay spot;
        boolean gap = unsatisfied.isEmpty() || !random.nextBoolean();
        List<List<Stay>> timelines = gap ? PlanEvaluator.timelines(problem, plan) : null;
        if (!gap) {
            spot = problem.stay(unsatisfied.get(random.nextInt(unsatisfied.size())));
        } else {
            spot = expensiveGapFollower(timelines);
            if (spot == null) {
                return null;
            }
        }
        int from = spot.arrival() - 4 - random.nextInt(6);
        int to = spot.departure() + 4 + random.nextInt(6);
        Set<Integer> rooms = new LinkedHashSet<>();
        rooms.add(plan.room(spot.index()));
        if (gap) {
            rooms.addAll(cheaperConnections(plan, timelines, spot, from));
        }
        List<Integer> others = new ArrayList<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            if (spot.acceptsType(problem.typeOf(r)) || problem.typeOf(r) == problem.typeOf(plan.room(spot.index()))) {
                others.add(r);
            }
        }
        java.util.Collections.shuffle(others, random);
        for (int r : others) {
            if (rooms.size() < WINDOW_ROOMS) {
                rooms.add(r);
            }
        }
        return resolve(plan.roomOfStay(), rooms, new int[] {from, to}, deadline, cancellation);
    }

    /**
     * Up to half the window's rooms: those with a guest leaving between {@code from} and the spot's arrival
     * for whom the spot would be a cheaper next stay than for its room's own (cheapest such gap first, ties by
     * room). A room-level sub-solve can only trade the spot's predecessor for a cheaper one if the rooms
     * holding one are in it; among a few rooms drawn at random from a type of 100 or more they seldom are.
     */
    private List<Integer> cheaperConnections(RoomPlan plan, List<List<Stay>> timelines, Stay spot, int from) {
        int home = plan.room(spot.index());
        double current = Double.POSITIVE_INFINITY;
        Map<Integer, Double> best = new HashMap<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            if (r != home && !spot.acceptsType(problem.typeOf(r))) {
                continue;
            }
            for (Stay t : timelines.get(r)) {
                if (t.departure() > spot.arrival() || t.departure() < from) {
                    continue;
                }
                double c = GapArcs.cost(problem.schedule(), t.departure(), spot.arrival());
                if (r == home) {
                    current = Math.min(current, c);
                } else {
                    best.merge(r, c, Math::min);
                }
            }
        }
        double limit = current;
        List<Integer> cheaper = new ArrayList<>();
        best.forEach((r, c) -> {
            if (c < limit) {
                cheaper.add(r);
            }
        });
        cheaper.sort(Comparator.comparingDouble((Integer r) -> best.get(r)).thenComparingInt(r -> r));
        return cheaper.subList(0, Math.min(cheaper.size(), WINDOW_ROOMS / 2));
    }

    /**
     * A stay that follows a costly gap, chosen with probability growing with the gap's cost; among the gaps the
     * plan has more of than the relaxation's flow when there are such (the rest of its gaps cost what the bound
     * counts).
     */
    private Stay expensiveGapFollower(List<List<Stay>> timelines) {
        List<Set<Long>> beyondFlow = gapsBeyondFlow(timelines);
        boolean anyBeyond = beyondFlow.stream().anyMatch(set -> !set.isEmpty());
        List<Stay> followers = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (int r = 0; r < timelines.size(); r++) {
            List<Stay> timeline = timelines.get(r);
            for (int i = 1; i < timeline.size(); i++) {
                int d = timeline.get(i - 1).departure();
                int a = timeline.get(i).arrival();
                double c = GapArcs.cost(problem.schedule(), d, a);
                if (c > 0 && (!anyBeyond
                        || beyondFlow.get(problem.typeOf(r)).contains(LayeredFlowModel.LayerFlow.key(d, a)))) {
                    followers.add(timeline.get(i));
                    weights.add(c);
                    total += c;
                }
            }
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < followers.size(); i++) {
            pick -= weights.get(i);
            if (pick <= 0) {
                return followers.get(i);
            }
        }
        return followers.isEmpty() ? null : followers.get(followers.size() - 1);
    }

    /**
     * Per room type, the paying gaps ({@link LayeredFlowModel.LayerFlow#key}) the plan has more of than the
     * relaxation's flow; all empty without a relaxation.
     */
    private List<Set<Long>> gapsBeyondFlow(List<List<Stay>> timelines) {
        List<Map<Long, Integer>> planned = new ArrayList<>();
        List<Set<Long>> beyond = new ArrayList<>();
        for (int t = 0; t < problem.types().size(); t++) {
            planned.add(new HashMap<>());
            beyond.add(new HashSet<>());
        }
        if (flowGaps.isEmpty()) {
            return beyond;
        }
        for (int r = 0; r < timelines.size(); r++) {
            List<Stay> timeline = timelines.get(r);
            for (int i = 1; i < timeline.size(); i++) {
                int d = timeline.get(i - 1).departure();
                int a = timeline.get(i).arrival();
                if (GapArcs.cost(problem.schedule(), d, a) > 0) {
                    planned.get(problem.typeOf(r)).merge(LayeredFlowModel.LayerFlow.key(d, a), 1, Integer::sum);
                }
            }
        }
        for (int t = 0; t < planned.size(); t++) {
            Map<Long, Integer> flow = t < flowGaps.size() ? flowGaps.get(t) : Map.of();
            for (Map.Entry<Long, Integer> e : planned.get(t).entrySet()) {
                if (e.getValue() > flow.getOrDefault(e.getKey(), 0)) {
                    beyond.get(t).add(e.getKey());
                }
            }
        }
        return beyond;
    }

    /**
     * Re-assigns the stays of {@code neighbourhood} among those rooms, optimally; null if it cannot. With a
     * window [from, to), only movable stays inside it move; each room's stays around the window stay put (as
     * pins), which keeps every gap that can change inside the sub-problem.
     */
    private int[] resolve(int[] rooms, Set<Integer> neighbourhood, int[] window, long deadline,
                          Cancellation cancellation) {
        List<Stay> subStays = new ArrayList<>();
        List<Integer> original = new ArrayList<>();
        Map<Integer, List<Integer>> fixedMemberRooms = new HashMap<>();
        Set<Integer> kept = window == null ? Set.of() : boundaryStays(rooms, neighbourhood, window);
        for (Stay s : problem.stays()) {
            boolean inRooms = neighbourhood.contains(rooms[s.index()]);
            boolean free = inRooms && (window == null
                    || (!s.isPinned() && s.arrival() >= window[0] && s.departure() <= window[1]));
            if (free || kept.contains(s.index())) {
                original.add(s.index());
                Stay copy = new Stay(subStays.size(), s.reservation(), s.arrival(), s.departure(),
                        s.allowedTypes(), s.pinnedRoom(), s.pin(), s.group(), s.splitGroup());
                subStays.add(free ? copy : copy.pinnedTo(rooms[s.index()], s.isPinned() ? s.pin() : Pin.KEPT));
            } else if (s.group() >= 0) {
                fixedMemberRooms.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(rooms[s.index()]);
            }
        }
        if (subStays.isEmpty()) {
            return null;
        }
        AssignmentProblem sub = problem.withStays(subStays);
        List<LayeredFlowModel.Layer> layers = new ArrayList<>();
        for (int r : neighbourhood) {
            layers.add(new LayeredFlowModel.Layer(problem.typeOf(r), new int[] {r}));
        }
        long left = deadline - System.nanoTime();
        Duration limit = Duration.ofNanos(Math.max(1_000_000, Math.min(left, MAX_SUBSOLVE.toNanos())));
        LayeredFlowModel.Solution solution = LayeredFlowModel.solveLpFirst(sub, layers, fixedMemberRooms, milpSolver,
                null, limit, cancellation);
        if (solution.layerOfStay() == null) {
            return null;
        }
        int[] result = rooms.clone();
        for (int i = 0; i < subStays.size(); i++) {
            result[original.get(i)] = layers.get(solution.layerOfStay()[i]).rooms()[0];
        }
        return result;
    }
}
