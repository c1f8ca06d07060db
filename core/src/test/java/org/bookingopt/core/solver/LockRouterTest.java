package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.ProblemReader;
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
        String json = HotelGenerator.generate(GeneratorSettings.builder(60, 60, 0.85, 3, seed)
                .groupShare(0).lockedShare(0.03).build()).toJsonString();
        AssignmentProblem problem = AssignmentProblem.standard(ProblemReader.read(json).problem());
        var layers = RoomFlowSolver.typeLayers(problem);
        LayeredFlowModel.Solution relaxed;
        try (LayeredFlowModel relaxation = new LayeredFlowModel(problem, layers, false, RoomFlowSolver.DEFAULT_MILP)) {
            relaxed = relaxation.solve(Duration.ofSeconds(60), 1, Cancellation.none());
        }
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
