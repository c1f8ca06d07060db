package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.RoomPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockRouterTest {

    /** Typed hotels with 3% locked stays and no groups: the relaxation's bound is reached by decomposition. */
    @ParameterizedTest
    @ValueSource(longs = {7, 11})
    void lockedTypedHotelIsDecomposedAtTheRelaxationBound(long seed) {
        Hotel hotel = Hotel.of(seed, 0);
        LockRouter.Routes routes = LockRouter.route(hotel.problem(), hotel.layers(), hotel.relaxed(),
                RoomFlowSolver.DEFAULT_MILP, Duration.ofSeconds(60), Cancellation.none());

        hotel.assertDecomposedAtTheBound(routes);
    }

    /** The routes found one at a time, as on hotels too large for the routing model, reach the bound too. */
    @ParameterizedTest
    @ValueSource(longs = {7, 11})
    void negotiatedRoutesAlsoReachTheRelaxationBound(long seed) {
        Hotel hotel = Hotel.of(seed, 0);

        hotel.assertDecomposedAtTheBound(hotel.negotiatedRoutes());
    }

    @Test
    void negotiatedRoutesAreTheSameForTheSameInput() {
        Hotel hotel = Hotel.of(11, 0.05);

        LockRouter.Routes first = hotel.negotiatedRoutes();
        LockRouter.Routes second = hotel.negotiatedRoutes();

        assertThat(Arrays.equals(first.roomOfStay(), second.roomOfStay())).isTrue();
        assertThat(first.entryOf()).isEqualTo(second.entryOf());
        assertThat(first.routedPins()).isEqualTo(second.routedPins());
    }

    private record Hotel(AssignmentProblem problem, List<LayeredFlowModel.Layer> layers,
                         LayeredFlowModel.Solution relaxed) {
        static Hotel of(long seed, double groupShare) {
            AssignmentProblem problem = TypedHotels.withGroups(seed, groupShare);
            LayeredFlowModel.Solution relaxed = TypedHotels.relaxation(problem);
            assertThat(relaxed.status()).isEqualTo(SolverStatus.OPTIMAL);
            return new Hotel(problem, RoomFlowSolver.typeLayers(problem), relaxed);
        }

        LockRouter.Routes negotiatedRoutes() {
            return NegotiatedRouter.route(problem, layers, relaxed, Long.MAX_VALUE, Cancellation.none());
        }

        void assertDecomposedAtTheBound(LockRouter.Routes routes) {
            RoomPlan plan = FlowDecomposer.decompose(problem, layers, relaxed, routes);
            assertThat(routes.paths()).isPositive();
            assertThat(routes.brokenPaths()).isZero();
            assertThat(PlanChecker.violations(problem, plan)).isEmpty();
            assertThat(RoomFlowSolver.costUnits(problem, plan)).isEqualTo(Math.ceil(relaxed.boundUnits() - 1e-6));
        }
    }
}
