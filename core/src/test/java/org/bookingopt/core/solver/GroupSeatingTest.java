package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.GapCost;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupSeatingTest {

    /**
     * Typed hotels with locks and groups: the decomposition that ignores groups is at the relaxation's bound,
     * gap-free exchanges keep it there while seating members, and the windows seat more without ever making
     * the plan invalid or dearer.
     */
    @ParameterizedTest
    @ValueSource(longs = {7, 11, 13})
    void membersAreSeatedWithoutLeavingTheBoundOrBreakingThePlan(long seed) {
        AssignmentProblem problem = TypedHotels.withGroups(seed, 0.1);
        var layers = RoomFlowSolver.typeLayers(problem);
        LayeredFlowModel.Solution relaxed = TypedHotels.relaxation(problem);
        LockRouter.Routes routes = LockRouter.route(problem, layers, relaxed, RoomFlowSolver.DEFAULT_MILP,
                Duration.ofSeconds(60), Cancellation.none());
        double bound = Math.ceil(relaxed.boundUnits() - 1e-6);
        RoomPlan decomposed = FlowDecomposer.decompose(RoomFlowSolver.withoutGroups(problem), layers, relaxed, routes);
        assertThat(PlanChecker.violations(problem, decomposed)).isEmpty();
        assertThat(gapUnits(problem, decomposed)).isEqualTo(bound);

        RoomPlan swapped = SegmentSwaps.seatGroups(problem, decomposed, true, Long.MAX_VALUE, Cancellation.none());
        assertThat(PlanChecker.violations(problem, swapped)).isEmpty();
        assertThat(gapUnits(problem, swapped)).isEqualTo(bound);
        assertThat(alone(problem, swapped)).isLessThanOrEqualTo(alone(problem, decomposed));

        RoomPlan seated = new GroupSeating(problem, RoomFlowSolver.DEFAULT_MILP, 2)
                .seat(swapped, System.nanoTime() + Duration.ofSeconds(60).toNanos(), Cancellation.none());
        assertThat(PlanChecker.violations(problem, seated)).isEmpty();
        assertThat(RoomFlowSolver.costUnits(problem, seated)).isLessThanOrEqualTo(RoomFlowSolver.costUnits(problem, swapped));
        assertThat(alone(problem, seated)).isLessThanOrEqualTo(alone(problem, swapped));
    }

    /**
     * Windows seated side by side are merged in a fixed order, so two threads give the same plan on every run,
     * whichever window ends first.
     */
    @Test
    void windowsSolvedSideBySideGiveTheSamePlanEveryRun() {
        AssignmentProblem problem = TypedHotels.withGroups(11, 0.1);
        var layers = RoomFlowSolver.typeLayers(problem);
        LayeredFlowModel.Solution relaxed = TypedHotels.relaxation(problem);
        RoomPlan decomposed = FlowDecomposer.decompose(RoomFlowSolver.withoutGroups(problem), layers, relaxed,
                LockRouter.Routes.none(problem.stays().size()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();

        RoomPlan first = new GroupSeating(problem, RoomFlowSolver.DEFAULT_MILP, 2).seat(decomposed, deadline,
                Cancellation.none());
        RoomPlan second = new GroupSeating(problem, RoomFlowSolver.DEFAULT_MILP, 2).seat(decomposed, deadline,
                Cancellation.none());

        assertThat(alone(problem, first)).isLessThan(alone(problem, decomposed));
        assertThat(PlanChecker.violations(problem, first)).isEmpty();
        assertThat(second).isEqualTo(first);
    }

    private static double gapUnits(AssignmentProblem problem, RoomPlan plan) {
        return Math.scalb(PlanEvaluator.evaluate(problem, plan).gaps(), GapCost.FRACTION_BITS);
    }

    private static int alone(AssignmentProblem problem, RoomPlan plan) {
        return PlanEvaluator.unsatisfiedMembers(problem, plan).size();
    }
}
