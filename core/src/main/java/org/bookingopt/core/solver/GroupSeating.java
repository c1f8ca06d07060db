package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.GapCost;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * Seats the group members that exchanges between two rooms cannot: for a member without a neighbour, the
 * stays of a few rooms around its group's nights are re-assigned exactly (the room-level model of a
 * {@link WindowProblem}: locks, gaps and adjacency exact, everything outside the window fixed). The rooms are
 * the member's, its partners' and those next to them, filled up with the rooms of the same type that are
 * freest in the window: room to put the stretches that must make way. A window costs the same plan or a
 * cheaper one (the current plan is its hint); only cheaper ones are kept. Rooms and windows are chosen
 * without chance, so the same input gives the same plan whenever each sub-solve finishes.
 */
final class GroupSeating {
    private static final System.Logger LOG = System.getLogger(GroupSeating.class.getName());
    /**
     * Rooms per window, besides those next to the members: small enough for a sub-solve of well under a
     * second (on 150 × 90 typed hotels 16 rooms ran into the 3 s limit with nothing better than the hint).
     */
    private static final int ROOMS = 8;
    /** Nights around the group's stays, tried in turn while members are still alone. */
    private static final int[] MARGINS = {4, 8, 14};
    private static final Duration MAX_SUBSOLVE = Duration.ofSeconds(3);

    private final AssignmentProblem problem;
    private final String milpSolver;
    private final int threads;

    /** @param threads windows solved at once (each by a one-thread solver) */
    GroupSeating(AssignmentProblem problem, String milpSolver, int threads) {
        this.problem = problem;
        this.milpSolver = milpSolver;
        this.threads = threads;
    }

    /**
     * The plan with every member that a window can seat seated, cheaper or as cheap as {@code plan}. Each
     * group with a member alone gets windows of growing margin until its members are seated at no more gap
     * cost than before (a larger window contains the smaller one's answer, so it can only do better).
     *
     * <p>With more than one thread, a batch of groups whose windows cannot meet (other room types, or nights
     * more than two margins apart) is seated side by side from the same plan; their changes are then merged
     * in a fixed order, each kept only if the merged plan stays valid and gets cheaper, so the plan does not
     * depend on which window ends first. A group whose change was not kept is tried once more from the
     * merged plan.
     */
    RoomPlan seat(RoomPlan plan, long deadline, Cancellation cancellation) {
        if (problem.stays().stream().anyMatch(Stay::isTest) || problem.groups().isEmpty()) {
            return plan;
        }
        RoomPlan best = plan;
        double cost = RoomFlowSolver.costUnits(problem, best);
        Set<Integer> tried = new HashSet<>();   // groups a window was tried for
        Set<Integer> retried = new HashSet<>(); // groups whose change was lost to a merge once, tried again
        long started = System.nanoTime();
        int groups = 0;
        int improved = 0;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
        try {
            while (System.nanoTime() < deadline && !cancellation.isCancelled()) {
                List<Stay> batch = nextBatch(best, tried);
                if (batch.isEmpty()) {
                    break;
                }
                RoomPlan from = best;
                List<RoomPlan> seated = new ArrayList<>();
                if (pool == null) {
                    for (Stay alone : batch) {
                        seated.add(seatGroup(from, alone, deadline, cancellation));
                    }
                } else {
                    List<Future<RoomPlan>> futures = new ArrayList<>();
                    for (Stay alone : batch) {
                        futures.add(pool.submit(() -> seatGroup(from, alone, deadline, cancellation)));
                    }
                    for (Future<RoomPlan> f : futures) {
                        seated.add(join(f));
                    }
                }
                for (int i = 0; i < batch.size(); i++) {
                    groups++;
                    RoomPlan merged = merged(best, from, seated.get(i));
                    double mergedCost = RoomFlowSolver.costUnits(problem, merged);
                    if (mergedCost < cost - 0.5 && PlanChecker.violations(problem, merged).isEmpty()) {
                        best = merged;
                        cost = mergedCost;
                        improved++;
                    } else if (i > 0 && !seated.get(i).equals(from) && retried.add(batch.get(i).group())) {
                        tried.remove(batch.get(i).group()); // lost to the merge: once more, from the merged plan
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        int attempted = groups;
        int better = improved;
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("seating: %d groups tried, %d seated or cheaper, in %.1f s",
                attempted, better, (System.nanoTime() - started) / 1e9));
        return best;
    }

    /** Windows of growing margin around one group, each from the last one's plan; the cheapest plan. */
    private RoomPlan seatGroup(RoomPlan plan, Stay alone, long deadline, Cancellation cancellation) {
        RoomPlan best = plan;
        double cost = RoomFlowSolver.costUnits(problem, best);
        double gapsBefore = gapUnits(best);
        for (int margin : MARGINS) {
            if (System.nanoTime() >= deadline || cancellation.isCancelled()) {
                break;
            }
            RoomPlan candidate = resolve(best, alone, margin, deadline, cancellation);
            if (candidate != null) {
                double candidateCost = RoomFlowSolver.costUnits(problem, candidate);
                if (candidateCost < cost - 0.5) {
                    best = candidate;
                    cost = candidateCost;
                }
            }
            if (groupSeated(best, alone.group()) && gapUnits(best) <= gapsBefore) {
                break;
            }
        }
        return best;
    }

    /**
     * Groups per thread in a batch: their windows take from 0.01 to 3 s, so a batch of one per thread would
     * mostly wait for its slowest.
     */
    private static final int BATCH_PER_THREAD = 4;

    /**
     * Lone members of groups not tried yet, whose windows cannot meet: pairwise of other room types, or with
     * nights further apart than the widest windows reach. One at a time with one thread.
     */
    private List<Stay> nextBatch(RoomPlan plan, Set<Integer> tried) {
        List<Stay> batch = new ArrayList<>();
        for (int index : PlanEvaluator.unsatisfiedMembers(problem, plan)) {
            Stay s = problem.stay(index);
            if (tried.contains(s.group()) || batch.stream().anyMatch(b -> !apart(plan, b, s))) {
                continue;
            }
            tried.add(s.group());
            batch.add(s);
            if (batch.size() == (threads == 1 ? 1 : BATCH_PER_THREAD * threads)) {
                break;
            }
        }
        return batch;
    }

    /** Whether two lone members' windows can never share a room and night. */
    private boolean apart(RoomPlan plan, Stay a, Stay b) {
        if (a.group() == b.group()) {
            return false;
        }
        int reach = 2 * MARGINS[MARGINS.length - 1];
        int[] spanA = nights(a.group());
        int[] spanB = nights(b.group());
        boolean timeApart = spanA[1] + reach <= spanB[0] || spanB[1] + reach <= spanA[0];
        return timeApart || !sharesType(plan, a.group(), b.group());
    }

    /** The group's nights: [first arrival, last departure). */
    private int[] nights(int group) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (Stay m : problem.membersOf(group)) {
            lo = Math.min(lo, m.arrival());
            hi = Math.max(hi, m.departure());
        }
        return new int[] {lo, hi};
    }

    private boolean sharesType(RoomPlan plan, int groupA, int groupB) {
        for (Stay a : problem.membersOf(groupA)) {
            for (Stay b : problem.membersOf(groupB)) {
                if (problem.typeOf(plan.room(a.index())) == problem.typeOf(plan.room(b.index()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code into} with the rooms that {@code changed} gives differently from {@code base}. */
    private static RoomPlan merged(RoomPlan into, RoomPlan base, RoomPlan changed) {
        int[] rooms = into.roomOfStay().clone();
        for (int s = 0; s < rooms.length; s++) {
            if (changed.room(s) != base.room(s)) {
                rooms[s] = changed.room(s);
            }
        }
        return new RoomPlan(rooms);
    }

    private static RoomPlan join(Future<RoomPlan> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "group-seating");
            t.setDaemon(true);
            return t;
        };
    }

    private double gapUnits(RoomPlan plan) {
        double penalty = Math.scalb(PlanEvaluator.adjacencyPenalty(problem), GapCost.FRACTION_BITS);
        return RoomFlowSolver.costUnits(problem, plan) - penalty * PlanEvaluator.unsatisfiedMembers(problem, plan).size();
    }

    private boolean groupSeated(RoomPlan plan, int group) {
        for (int index : PlanEvaluator.unsatisfiedMembers(problem, plan)) {
            if (problem.stay(index).group() == group) {
                return false;
            }
        }
        return true;
    }

    private RoomPlan resolve(RoomPlan plan, Stay alone, int margin, long deadline, Cancellation cancellation) {
        List<Stay> members = problem.membersOf(alone.group());
        int[] nights = nights(alone.group());
        int lo = nights[0] - margin;
        int hi = nights[1] + margin;
        boolean[] allowed = rooms(plan, members, lo, hi);
        boolean[] free = new boolean[problem.stays().size()];
        boolean any = false;
        for (Stay s : problem.stays()) {
            if (allowed[plan.room(s.index())] && !s.isPinned() && s.arrival() >= lo && s.departure() <= hi) {
                free[s.index()] = true;
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        WindowProblem window = WindowProblem.around(problem, plan, free, allowed);
        long left = deadline - System.nanoTime();
        Duration limit = Duration.ofNanos(Math.max(1_000_000, Math.min(left, MAX_SUBSOLVE.toNanos())));
        long began = System.nanoTime();
        LayeredFlowModel.Solution solution = LayeredFlowModel.solveLpFirst(window.sub, window.layers, Map.of(),
                milpSolver, window.restrict(plan), limit, cancellation);
        LOG.log(System.Logger.Level.TRACE, () -> String.format("window of %d nights' margin: %s in %.3f s, cost %.6f",
                margin, solution.status(), (System.nanoTime() - began) / 1e9,
                Math.scalb(solution.objectiveUnits(), -GapCost.FRACTION_BITS)));
        return solution.layerOfStay() == null ? null : window.lift(solution.layerOfStay());
    }

    private boolean fitsAnother(List<Stay> members, Stay m, int room) {
        for (Stay other : members) {
            if (other != m && problem.stayFitsRoom(other, room)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rooms a window may use: the members' rooms and the rooms next to them that a member accepts, then
     * the rooms of the same types with the most free nights in [lo, hi) (ties by index).
     */
    private boolean[] rooms(RoomPlan plan, List<Stay> members, int lo, int hi) {
        Set<Integer> chosen = new LinkedHashSet<>();
        Set<Integer> types = new LinkedHashSet<>();
        for (Stay m : members) {
            chosen.add(plan.room(m.index()));
            types.add(problem.typeOf(plan.room(m.index())));
        }
        for (Stay m : members) {
            for (int r = 0; r < problem.roomCount(); r++) {
                if (problem.adjacent(r, plan.room(m.index())) && fitsAnother(members, m, r)) {
                    chosen.add(r);
                }
            }
        }
        int[] busy = new int[problem.roomCount()];
        for (Stay s : problem.stays()) {
            int nights = Math.min(hi, s.departure()) - Math.max(lo, s.arrival());
            if (nights > 0) {
                busy[plan.room(s.index())] += nights;
            }
        }
        List<Integer> fill = new ArrayList<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            if (types.contains(problem.typeOf(r)) && !chosen.contains(r)) {
                fill.add(r);
            }
        }
        fill.sort(Comparator.comparingInt((Integer r) -> busy[r]).thenComparingInt(r -> r));
        // Each free room with its free neighbours: a whole group may move to rooms side by side.
        for (int r : fill) {
            if (chosen.size() >= ROOMS) {
                break;
            }
            chosen.add(r);
            for (int n : fill) {
                if (problem.adjacent(r, n) && busy[n] <= busy[r] + (hi - lo) / 2) {
                    chosen.add(n);
                }
            }
        }
        boolean[] allowed = new boolean[problem.roomCount()];
        chosen.forEach(r -> allowed[r] = true);
        return allowed;
    }
}
