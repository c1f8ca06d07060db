package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.GapCost;
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

    GroupSeating(AssignmentProblem problem, String milpSolver) {
        this.problem = problem;
        this.milpSolver = milpSolver;
    }

    /**
     * The plan with every member that a window can seat seated, cheaper or as cheap as {@code plan}. Each
     * group with a member alone gets windows of growing margin until its members are seated at no more gap
     * cost than before (a larger window contains the smaller one's answer, so it can only do better).
     */
    RoomPlan seat(RoomPlan plan, long deadline, Cancellation cancellation) {
        if (problem.stays().stream().anyMatch(Stay::isTest) || problem.groups().isEmpty()) {
            return plan;
        }
        RoomPlan best = plan;
        double cost = RoomFlowSolver.costUnits(problem, best);
        Set<Integer> tried = new LinkedHashSet<>();
        long started = System.nanoTime();
        int windows = 0;
        int improved = 0;
        while (System.nanoTime() < deadline && !cancellation.isCancelled()) {
            Stay alone = nextAlone(best, tried);
            if (alone == null) {
                break;
            }
            tried.add(alone.group());
            double gapsBefore = gapUnits(best);
            for (int margin : MARGINS) {
                if (System.nanoTime() >= deadline || cancellation.isCancelled()) {
                    break;
                }
                RoomPlan candidate = resolve(best, alone, margin, deadline, cancellation);
                windows++;
                if (candidate != null) {
                    double candidateCost = RoomFlowSolver.costUnits(problem, candidate);
                    if (candidateCost < cost - 0.5) {
                        best = candidate;
                        cost = candidateCost;
                        improved++;
                    }
                }
                if (groupSeated(best, alone.group()) && gapUnits(best) <= gapsBefore) {
                    break;
                }
            }
        }
        int groups = tried.size();
        int solved = windows;
        int better = improved;
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("seating: %d groups, %d windows, %d better, in %.1f s",
                groups, solved, better, (System.nanoTime() - started) / 1e9));
        return best;
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

    /** The first member without a neighbour whose group has not been tried yet, or null. */
    private Stay nextAlone(RoomPlan plan, Set<Integer> tried) {
        for (int index : PlanEvaluator.unsatisfiedMembers(problem, plan)) {
            Stay s = problem.stay(index);
            if (!tried.contains(s.group())) {
                return s;
            }
        }
        return null;
    }

    private RoomPlan resolve(RoomPlan plan, Stay alone, int margin, long deadline, Cancellation cancellation) {
        List<Stay> members = problem.membersOf(alone.group());
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (Stay m : members) {
            lo = Math.min(lo, m.arrival());
            hi = Math.max(hi, m.departure());
        }
        lo -= margin;
        hi += margin;
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
        try (LayeredFlowModel model = new LayeredFlowModel(window.sub, window.layers, true, milpSolver)) {
            model.hint(window.restrict(plan));
            long began = System.nanoTime();
            LayeredFlowModel.Solution solution = model.solve(limit, 1, cancellation);
            LOG.log(System.Logger.Level.TRACE, () -> String.format("window of %d nights' margin: %d variables,"
                            + " %s in %.3f s, cost %.6f", margin, model.numVariables(), solution.status(),
                    (System.nanoTime() - began) / 1e9,
                    Math.scalb(solution.objectiveUnits(), -GapCost.FRACTION_BITS)));
            return solution.layerOfStay() == null ? null : window.lift(solution.layerOfStay());
        }
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
