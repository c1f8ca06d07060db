package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bookingopt.core.plan.AssignmentProblem;
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
    private static final int MAX_ROOMS = 8;
    private static final Duration MAX_SUBSOLVE = Duration.ofSeconds(3);

    private final AssignmentProblem problem;
    private final String milpSolver;
    private final Random random = new Random(20261123);

    NeighbourhoodSearch(AssignmentProblem problem, String milpSolver) {
        this.problem = problem;
        this.milpSolver = milpSolver;
    }

    /** @return the best plan found by the deadline, valid if any valid plan was reached (else the start) */
    RoomPlan improve(RoomPlan start, double boundUnits, long deadline, Cancellation cancellation) {
        int[] rooms = start.roomOfStay().clone();
        double cost = score(new RoomPlan(rooms));
        int stale = 0;
        while (cost > boundUnits && System.nanoTime() < deadline && !cancellation.isCancelled() && stale < 200) {
            Set<Integer> neighbourhood = chooseRooms(new RoomPlan(rooms), stale);
            int[] candidate = resolve(rooms, neighbourhood, deadline, cancellation);
            double candidateCost = candidate == null ? Double.POSITIVE_INFINITY : score(new RoomPlan(candidate));
            if (candidateCost < cost - 0.5) {
                rooms = candidate;
                cost = candidateCost;
                stale = 0;
            } else {
                stale++;
            }
        }
        return new RoomPlan(rooms);
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
            if (plan.room(s.index()) == seed && s.group() >= 0 && unsatisfied.contains(s.index())) {
                for (Stay other : problem.stays()) {
                    if (other.group() == s.group() && other.index() != s.index()) {
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

    private boolean sharesStayType(RoomPlan plan, int seed, int room) {
        for (Stay s : problem.stays()) {
            if (plan.room(s.index()) == seed && !s.isPinned() && s.acceptsType(problem.typeOf(room))) {
                return true;
            }
        }
        return false;
    }

    /** Re-assigns the stays of {@code neighbourhood} among those rooms, optimally; null if it cannot. */
    private int[] resolve(int[] rooms, Set<Integer> neighbourhood, long deadline, Cancellation cancellation) {
        List<Stay> subStays = new ArrayList<>();
        List<Integer> original = new ArrayList<>();
        Map<Integer, List<Integer>> fixedMemberRooms = new HashMap<>();
        for (Stay s : problem.stays()) {
            if (neighbourhood.contains(rooms[s.index()])) {
                original.add(s.index());
                subStays.add(new Stay(subStays.size(), s.reservation(), s.arrival(), s.departure(),
                        s.allowedTypes(), s.pinnedRoom(), s.pin(), s.group(), s.splitGroup()));
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
        LayeredFlowModel model = new LayeredFlowModel(sub, layers, true, milpSolver, fixedMemberRooms);
        long left = deadline - System.nanoTime();
        Duration limit = Duration.ofNanos(Math.max(1_000_000, Math.min(left, MAX_SUBSOLVE.toNanos())));
        LayeredFlowModel.Solution solution = model.solve(limit, 1, cancellation);
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
