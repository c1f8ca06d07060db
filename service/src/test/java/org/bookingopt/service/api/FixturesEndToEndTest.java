package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.run.RunResult;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/** Every sample problem through the API (submit → poll → result) answers as the core does directly. */
class FixturesEndToEndTest extends WebTestBase {
    private static final String[] RESTRICTIONS = {"ClosedArrivals", "ClosedDepartures", "MinStays", "MaxStays"};

    static Iterable<String> fixtures() {
        return Fixtures.names();
    }

    @Test
    void everyFixtureIsPackaged() {
        assertThat(Fixtures.names()).contains("sample1.json", "sample1.fixedplan.json", "sample_infeas.json",
                "sample2.newres.json").hasSizeGreaterThanOrEqualTo(17);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void answersAsTheCoreDoes(String fixture) {
        String problem = Fixtures.text(fixture);
        String id = submitOk(problem, "fixtures");

        // The fixtures run with the default time limit; sample4.newres's proof alone takes SCIP several seconds.
        JsonNode job = awaitFinished(id, Duration.ofSeconds(60));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("progress").intValue()).isEqualTo(100);
        assertThat(job.get("started_at").isNull()).isFalse();
        JsonNode wrapper = job.get("result");
        Response resultOnly = get("/api/v1/jobs/" + id + "/result");
        assertThat(resultOnly.status()).isEqualTo(200);
        JsonNode result = resultOnly.json();

        RunResult direct = new Optimizer(new RoomFlowSolver()).run(ProblemReader.read(problem),
                new SolverSettings(Duration.ofSeconds(60), 1), ProgressListener.NONE, Cancellation.none());
        // As a client reads it: numbers compare by their JSON text, not by the node types the core built.
        JsonNode expected = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(direct.json()));

        // The wrapper of SPEC §9.5, around the same result object /result answers.
        assertThat(wrapper.get("success").booleanValue()).isEqualTo(direct.succeeded());
        assertThat(wrapper.get("problem_id")).isEqualTo(expected.get("ProblemId"));
        assertThat(wrapper.get(direct.succeeded() ? "result" : "details")).isEqualTo(result);
        if (!direct.succeeded()) {
            assertThat(wrapper.get("error").asString()).isEqualTo("Optimization failed");
        }

        assertThat(result.get("Succeeded")).isEqualTo(expected.get("Succeeded"));
        assertThat(result.get("ProblemId")).isEqualTo(expected.get("ProblemId"));
        assertThat(result.get("Message")).isEqualTo(expected.get("Message"));
        assertThat(result.get("SolverStatus")).isEqualTo(expected.get("SolverStatus"));
        if (direct.objective() != null && direct.status() != null) {
            // A standard run's plan is not unique; its cost is.
            assertThat(result.get("Objective").get("Total").doubleValue())
                    .isCloseTo(direct.objective().total(), within(1e-6));
        } else {
            // Given plan, or no plan: the answer is deterministic.
            assertThat(result.get("OptimizedPlan")).isEqualTo(expected.get("OptimizedPlan"));
        }
        for (String key : RESTRICTIONS) {
            if (direct.status() == null) {
                assertThat(result.get(key)).as(key).isEqualTo(expected.get(key));
            }
        }
    }
}
