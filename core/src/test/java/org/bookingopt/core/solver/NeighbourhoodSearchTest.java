package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.RoomPlan;
import org.junit.jupiter.api.Test;

class NeighbourhoodSearchTest {
    /**
     * A 60 × 60 typed hotel with locks, decomposed greedily (no lock routes): locks taken off the flow leave
     * gaps the relaxation does not pay (445.69 against the bound 430.81). Windows around those gaps, with the
     * rooms that offer the stay after such a gap a cheaper predecessor, bring the plan down (to the bound in
     * under 5 s on a quiet machine; the search without the relaxation stayed at 445.69 for 5 s), never below
     * the bound and never invalid.
     */
    @Test
    void windowsAroundGapsBeyondTheFlowBringThePlanTowardsTheBound() {
        AssignmentProblem problem = TypedHotels.withGroups(11, 0);
        LayeredFlowModel.Solution relaxed = TypedHotels.relaxation(problem);
        double bound = Math.ceil(relaxed.boundUnits() - 1e-6);
        RoomPlan greedy = FlowDecomposer.decompose(problem, RoomFlowSolver.typeLayers(problem), relaxed,
                LockRouter.Routes.none(problem.stays().size()));
        assertThat(PlanChecker.violations(problem, greedy)).isEmpty();

        RoomPlan improved = new NeighbourhoodSearch(problem, RoomFlowSolver.DEFAULT_MILP, relaxed).improve(greedy,
                bound, System.nanoTime() + Duration.ofSeconds(10).toNanos(), Cancellation.none(), ProgressListener.NONE);

        double cost = RoomFlowSolver.costUnits(problem, improved);
        assertThat(PlanChecker.violations(problem, improved)).isEmpty();
        assertThat(cost).isLessThan(RoomFlowSolver.costUnits(problem, greedy)).isGreaterThanOrEqualTo(bound);
    }
}
