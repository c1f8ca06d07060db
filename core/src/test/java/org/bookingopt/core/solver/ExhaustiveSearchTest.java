package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Objective;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.testing.TinyProblems;
import org.bookingopt.core.validation.InvalidProblemException;
import org.junit.jupiter.api.Test;

/** On tiny problems, the solver's optimum equals the best of every possible assignment. */
class ExhaustiveSearchTest {
    private static final SolverSettings SETTINGS = new SolverSettings(Duration.ofSeconds(20), 1);

    @Test
    void optimumEqualsExhaustiveSearchOnRandomTinyProblems() {
        int solved = 0;
        int infeasible = 0;
        for (long seed = 1; solved + infeasible < 250; seed++) {
            ParsedProblem parsed;
            try {
                parsed = ProblemReader.read(TinyProblems.random(seed));
            } catch (InvalidProblemException e) {
                continue; // e.g. two locked stays overlapping in one room
            }
            AssignmentProblem problem = AssignmentProblem.standard(parsed.problem());
            double best = exhaustiveOptimum(problem);
            Assignment result = new RoomFlowSolver().solve(problem, SETTINGS, ProgressListener.NONE,
                    Cancellation.none());
            if (Double.isInfinite(best)) {
                assertThat(result.status()).as("seed %d", seed).isEqualTo(SolverStatus.INFEASIBLE);
                assertThat(CapacityCheck.reasons(problem).isEmpty() && result.plan() != null).isFalse();
                infeasible++;
            } else {
                assertThat(result.status()).as("seed %d", seed).isEqualTo(SolverStatus.OPTIMAL);
                assertThat(PlanChecker.violations(problem, result.plan())).as("seed %d", seed).isEmpty();
                assertThat(result.objective().total()).as("seed %d", seed)
                        .isCloseTo(best, within(1e-6 * problem.stays().size()));
                solved++;
            }
        }
        assertThat(solved).isGreaterThan(150);
        assertThat(infeasible).isGreaterThan(0);
    }

    /** The lowest objective over all valid plans, or +∞ if there is none. */
    static double exhaustiveOptimum(AssignmentProblem problem) {
        int n = problem.stays().size();
        int rooms = problem.roomCount();
        int[] assignment = new int[n];
        double best = Double.POSITIVE_INFINITY;
        long total = (long) Math.pow(rooms, n);
        for (long code = 0; code < total; code++) {
            long c = code;
            for (int i = 0; i < n; i++) {
                assignment[i] = (int) (c % rooms);
                c /= rooms;
            }
            RoomPlan plan = new RoomPlan(assignment);
            if (PlanChecker.violations(problem, plan).isEmpty()) {
                Objective objective = PlanEvaluator.evaluate(problem, plan);
                best = Math.min(best, objective.total());
            }
        }
        return best;
    }
}
