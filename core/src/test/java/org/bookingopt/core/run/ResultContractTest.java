package org.bookingopt.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** Our result object has the reference's keys, in its order, with compatible types (SPEC §9). */
class ResultContractTest {
    private static final Optimizer OPTIMIZER = new Optimizer(new RoomFlowSolver());
    private static final SolverSettings SETTINGS = new SolverSettings(Duration.ofSeconds(30), 2);

    private static RunResult run(String input) {
        return OPTIMIZER.run(ProblemReader.read(Fixtures.input(input)), SETTINGS, ProgressListener.NONE,
                Cancellation.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1", "sample2", "sample3", "sample4", "sample5", "sample6"})
    void standardRunHasTheReferenceKeysInOrderAndTheSameSchedule(String sample) {
        JsonNode ours = run(sample).json();
        JsonNode reference = Fixtures.referenceOutput(sample);

        assertThat(keys(ours)).containsSubsequence(keys(reference));
        assertThat(ours.get("Succeeded").booleanValue()).isTrue();
        assertThat(ours.get("ScheduleStart")).isEqualTo(reference.get("ScheduleStart"));
        assertThat(ours.get("ScheduleEnd")).isEqualTo(reference.get("ScheduleEnd"));
        assertThat(ours.get("Rooms")).isEqualTo(reference.get("Rooms"));
        assertThat(ours.get("ProblemId")).isEqualTo(reference.get("ProblemId"));
        assertThat(keys(ours.get("NonAdjacentAssignments"))).isEqualTo(keys(reference.get("NonAdjacentAssignments")));
        ours.get("NonAdjacentAssignments").values().forEach(list -> assertThat(list).isEmpty());
        for (Map.Entry<String, JsonNode> e : reference.properties()) {
            assertThat(ours.get(e.getKey()).getNodeType()).as(e.getKey()).isEqualTo(e.getValue().getNodeType());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1", "sample3", "sample4"})
    void planRowsMatchTheReferenceRowsExceptTheRoom(String sample) {
        JsonNode ours = run(sample).json().get("OptimizedPlan");
        JsonNode reference = Fixtures.referenceOutput(sample).get("OptimizedPlan");

        assertThat(ours.size()).isEqualTo(reference.size());
        for (int i = 0; i < ours.size(); i++) {
            JsonNode row = ours.get(i);
            JsonNode ref = reference.get(i);
            assertThat(keys(row)).containsSubsequence(keys(ref));
            for (String key : List.of("Name", "Id", "IsLocked", "RoomType", "Arrival", "AdjacencyGroup", "TestStay",
                    "SplitGroup")) {
                assertThat(row.get(key)).as("row %d %s", i, key).isEqualTo(ref.get(key));
            }
            assertThat(row.get("Length").doubleValue()).isEqualTo(ref.get("Length").doubleValue());
            assertThat(row.get("Length").isIntegralNumber()).as("integers everywhere (Q26)").isTrue();
            if (ref.get("IsLocked").booleanValue()) {
                assertThat(row.get("AssignedRoom")).isEqualTo(ref.get("AssignedRoom"));
                assertThat(row.get("Reason").asString()).isEqualTo("locked");
            }
        }
    }

    @Test
    void infeasibleSampleNamesTheNightTheTypeTheCountAndTheCapacity() {
        RunResult result = run("sample_infeas");
        JsonNode json = result.json();
        JsonNode reference = Fixtures.referenceOutput("sample_infeas");

        assertThat(keys(json)).containsSubsequence(keys(reference));
        assertThat(json.get("Succeeded").booleanValue()).isFalse();
        assertThat(json.get("CurrentScheduleInfeasible").booleanValue()).isTrue();
        assertThat(json.get("Message").asString()).startsWith("\nfailed,\nproven infeasible: True,\n")
                .contains("2021-03-19", "Default", "10 stays", "9 rooms");
        assertThat(json.get("SolverStatus").asString()).isEqualTo("INFEASIBLE");
        assertThat(Optimizer.wrap(result, "4444").get("error").asString()).isEqualTo("Optimization failed");
    }

    @Test
    void infeasibleSampleNamesItsTenConflictingStaysAsAMinimalCore() {
        JsonNode core = run("sample_infeas").json().get("InfeasibleCore");

        assertThat(core.get("Stays")).hasSize(10);
        List<String> names = new ArrayList<>();
        core.get("Stays").forEach(s -> names.add(s.get("Name").asString()));
        assertThat(names).contains("Inf");
        assertThat(core.get("Stays").get(0).get("AllowedTypes").get(0).asString()).isEqualTo("Default");
        assertThat(core.get("Stays").get(0).get("Locked").booleanValue()).isFalse();
        assertThat(core.get("Nights").toString()).contains("2021-03-19");
        assertThat(core.get("RoomTypes").toString()).isEqualTo("[\"Default\"]");
        assertThat(core.get("Rooms")).hasSize(9);
        assertThat(core.get("Minimal").booleanValue()).isTrue();
        assertThat(CoreReport.lines(core).get(0)).startsWith("10 stays cannot all be seated on ")
                .contains("2021-03-19", "9 rooms of type Default", "proven minimal");
    }

    @Test
    void aSolvedProblemHasNoCore() {
        assertThat(run("sample1").json().get("InfeasibleCore").isNull()).isTrue();
    }

    private static List<String> keys(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
