package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.Stay;
import org.bookingopt.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoomFlowSolverTest {
    private static final SolverSettings SETTINGS = new SolverSettings(Duration.ofSeconds(30), 2);

    /** The exact optima of SPEC §4.3 from fixtures/README.md. */
    @ParameterizedTest
    @CsvSource({"sample1, 33.5, 1", "sample2, 8.5625, 3", "sample3, 35.375, 17", "sample4, 110.015625, 26",
            "sample5, 18.1416015625, 11", "sample6, 1.03125, 0"})
    void samplesAreSolvedToTheProvenOptimum(String sample, double optimum, int orphanNights) {
        AssignmentProblem problem = AssignmentProblem.standard(ProblemReader.read(Fixtures.input(sample)).problem());

        Assignment result = new RoomFlowSolver().solve(problem, SETTINGS, ProgressListener.NONE, Cancellation.none());

        assertThat(result.status()).isEqualTo(SolverStatus.OPTIMAL);
        assertThat(PlanChecker.violations(problem, result.plan())).isEmpty();
        assertThat(result.objective().total()).isCloseTo(optimum, within(1e-6 * problem.stays().size()));
        assertThat(result.objective().orphanNights()).isEqualTo(orphanNights);
        assertThat(result.bestBound()).isCloseTo(optimum, within(1e-6 * problem.stays().size()));
        for (Stay s : problem.stays()) {
            if (s.reservation().locked()) {
                assertThat(result.plan().room(s.index())).as("locked stay %s", s.index()).isEqualTo(s.pinnedRoom());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"sample1", "sample4"})
    void sameInputGivesTheSamePlan(String sample) {
        AssignmentProblem problem = AssignmentProblem.standard(ProblemReader.read(Fixtures.input(sample)).problem());
        RoomFlowSolver solver = new RoomFlowSolver();

        Assignment first = solver.solve(problem, SETTINGS, ProgressListener.NONE, Cancellation.none());
        Assignment second = solver.solve(problem, SETTINGS, ProgressListener.NONE, Cancellation.none());

        assertThat(second.plan()).isEqualTo(first.plan());
    }

    /**
     * The benchmark ladder's large typed hotel (150 rooms × 90 days, 4,010 stays, 120 locked, 5% in groups):
     * the plan seated from the relaxation's flow reaches its bound, so it is proven optimal. Before pair
     * exchanges it stayed 1.875 above the bound.
     */
    @Test
    void largeTypedHotelOfTheLadderIsProvenOptimal() {
        String json = HotelGenerator.generate(GeneratorSettings.builder(150, 90, 0.85, 3, 104).minimumStay(3)
                .flexibleShare(0.15).groupShare(0.05).lockedShare(0.03).currentPlan(true).build()).toJsonString();
        AssignmentProblem problem = AssignmentProblem.standard(ProblemReader.read(json).problem());

        Assignment result = new RoomFlowSolver().solve(problem, new SolverSettings(Duration.ofSeconds(60), 2),
                ProgressListener.NONE, Cancellation.none());

        assertThat(result.status()).isEqualTo(SolverStatus.OPTIMAL);
        assertThat(PlanChecker.violations(problem, result.plan())).isEmpty();
        assertThat(result.objective().total()).isCloseTo(303.7265625, within(1e-9));
        assertThat(result.objective().adjacency()).isZero();
    }
}
