package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.RoomPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockRouterTest {

    /** Typed hotels with 3% locked stays and no groups: the relaxation's bound is reached by decomposition. */
    @ParameterizedTest
    @ValueSource(longs = {7, 11})
    void lockedTypedHotelIsDecomposedAtTheRelaxationBound(long seed) {
        AssignmentProblem problem = TypedHotels.withGroups(seed, 0);
        var layers = RoomFlowSolver.typeLayers(problem);
        LayeredFlowModel.Solution relaxed = TypedHotels.relaxation(problem);
        assertThat(relaxed.status()).isEqualTo(SolverStatus.OPTIMAL);

        LockRouter.Routes routes = LockRouter.route(problem, layers, relaxed, RoomFlowSolver.DEFAULT_MILP,
                Duration.ofSeconds(60), Cancellation.none());
        RoomPlan plan = FlowDecomposer.decompose(problem, layers, relaxed, routes);

        assertThat(routes.paths()).isPositive();
        assertThat(routes.brokenPaths()).isZero();
        assertThat(PlanChecker.violations(problem, plan)).isEmpty();
        assertThat(RoomFlowSolver.costUnits(problem, plan)).isEqualTo(Math.ceil(relaxed.boundUnits() - 1e-6));
    }
}
