package org.bookingopt.core.reoptimize;

import java.util.ArrayList;
import java.util.List;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * The feasibility rule of SPEC §6.3 (our rule Q19) as a check of one plan: a plan holding every stay plus
 * the test stay is a witness iff every stay is in an allowed room with its pins (the test stay in any room),
 * no two stays share a night in a room, no adjacency group has more members without a neighbour than in the
 * current plan, and every interior gap of every room splits into sellable stays ({@link GapTiling}). Every
 * length re-optimization claims passes this check first.
 */
public final class TestStayRule {
    private final AssignmentProblem problem;
    private final GapTiling tiling;
    private final int[] unsatisfiedAllowed;

    /**
     * @param problem the standard run's problem, without the test stay
     * @param current the published plan: its unsatisfied group members are the caps
     * @param tiling  the gaps the current plan's MinStart and AbsMax accept
     */
    public TestStayRule(AssignmentProblem problem, RoomPlan current, GapTiling tiling) {
        this.problem = problem;
        this.tiling = tiling;
        this.unsatisfiedAllowed = unsatisfiedPerGroup(problem, current);
    }

    public AssignmentProblem problem() {
        return problem;
    }

    public GapTiling tiling() {
        return tiling;
    }

    /** How many members of each group may lack a neighbour: as many as in the current plan. */
    int unsatisfiedAllowed(int group) {
        return unsatisfiedAllowed[group];
    }

    /**
     * @param withTest the problem with the test stay appended ({@link TestStay#addTo})
     * @param plan     a room for every stay of {@code withTest}
     * @return why the plan is no witness; empty when it is one
     */
    public List<String> violations(AssignmentProblem withTest, RoomPlan plan) {
        List<String> violations = new ArrayList<>(PlanChecker.violations(withTest, plan));
        if (!violations.isEmpty()) {
            return violations;
        }
        List<List<Stay>> timelines = PlanEvaluator.timelines(withTest, plan);
        for (int r = 0; r < timelines.size(); r++) {
            List<Stay> t = timelines.get(r);
            for (int i = 1; i < t.size(); i++) {
                int departure = t.get(i - 1).departure();
                int arrival = t.get(i).arrival();
                if (!tiling.accepts(departure, arrival)) {
                    violations.add("room " + withTest.rooms().get(r).number() + ": the gap of " + (arrival - departure)
                            + " nights from day " + departure + " cannot be sold under the current minimum stays");
                }
            }
        }
        int[] unsatisfied = unsatisfiedPerGroup(withTest, plan);
        for (int g = 0; g < unsatisfied.length; g++) {
            if (unsatisfied[g] > unsatisfiedAllowed[g]) {
                violations.add("adjacency group " + withTest.groups().get(g).key() + ": " + unsatisfied[g]
                        + " members without a neighbour, the current plan has " + unsatisfiedAllowed[g]);
            }
        }
        return violations;
    }

    private static int[] unsatisfiedPerGroup(AssignmentProblem problem, RoomPlan plan) {
        int[] counts = new int[problem.groups().size()];
        for (int s : PlanEvaluator.unsatisfiedMembers(problem, plan)) {
            counts[problem.stay(s).group()]++;
        }
        return counts;
    }
}
