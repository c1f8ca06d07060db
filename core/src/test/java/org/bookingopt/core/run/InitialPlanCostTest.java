package org.bookingopt.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** InitialObjective and InitialOrphanNights: the cost of the plan the client sent, for "before → after". */
class InitialPlanCostTest {
    private static final Optimizer OPTIMIZER = new Optimizer(new RoomFlowSolver());
    private static final SolverSettings SETTINGS = new SolverSettings(Duration.ofSeconds(30), 2);

    private static JsonNode run(JsonNode problem) {
        return OPTIMIZER.run(ProblemReader.read(problem), SETTINGS, ProgressListener.NONE, Cancellation.none()).json();
    }

    @Test
    void theReferencePlanOfSample6CostsWhatTheFixturesReadmeSaysAndTheOptimumIsBetter() {
        // sample6.fixedplan carries v0's plan; solving it instead of keeping it gives before and after.
        ObjectNode problem = (ObjectNode) Json.MAPPER.readTree(Fixtures.input("sample6.fixedplan"));
        problem.put("RestrictionsForInitialPlan", false);

        JsonNode result = run(problem);

        assertThat(result.get("InitialObjective").get("Total").doubleValue()).isEqualTo(17.0);
        assertThat(result.get("InitialObjective").get("Gaps").doubleValue()).isEqualTo(17.0);
        assertThat(result.get("InitialOrphanNights").intValue()).isEqualTo(2);
        assertThat(result.get("Objective").get("Total").doubleValue()).isEqualTo(1.03125);
        assertThat(result.get("OrphanNights").intValue()).isZero();
    }

    @Test
    void aRestrictionsOnlyRunCostsTheSamePlanTwice() {
        JsonNode result = run(Json.MAPPER.readTree(Fixtures.input("sample3.fixedplan")));

        assertThat(result.get("InitialObjective")).isEqualTo(result.get("Objective"));
        assertThat(result.get("InitialOrphanNights")).isEqualTo(result.get("OrphanNights"));
        assertThat(result.get("InitialOrphanNights").intValue()).isEqualTo(17);
    }

    @Test
    void withoutACompletePlanThereIsNoBefore() {
        JsonNode result = run(Json.MAPPER.readTree(Fixtures.input("sample1")));

        assertThat(result.has("InitialObjective")).isFalse();
        assertThat(result.has("InitialOrphanNights")).isFalse();
        assertThat(result.get("InitialPlan")).isEmpty();
    }
}
