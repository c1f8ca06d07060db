package org.bookingopt.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.bookingopt.core.json.Json;
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

/** Every plan row of the samples has a {@code ReasonDetail} that agrees with its room, its input and its group. */
class ReasonDetailSamplesTest {
    private static final Optimizer OPTIMIZER = new Optimizer(new RoomFlowSolver());
    // The default limit: sample4.newres needs SCIP several seconds for its proof, more on a busy machine.
    private static final SolverSettings SETTINGS = new SolverSettings(Duration.ofSeconds(60), 1);

    private static JsonNode run(String input) {
        return OPTIMIZER.run(ProblemReader.read(Fixtures.input(input)), SETTINGS, ProgressListener.NONE,
                Cancellation.none()).json();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample3.newres", "sample4.newres"})
    void movedKeptLockedAndGroupRowsSayWhatTheirRoomDoes(String sample) {
        JsonNode input = Json.MAPPER.readTree(Fixtures.input(sample));
        JsonNode result = run(sample);
        Map<String, Set<String>> roomsOfGroup = new HashMap<>();
        for (JsonNode row : result.get("OptimizedPlan")) {
            if (!row.get("AdjacencyGroup").isNull()) {
                roomsOfGroup.computeIfAbsent(row.get("AdjacencyGroup").asString(), k -> new HashSet<>())
                        .add(row.get("AssignedRoom").asString());
            }
        }
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (JsonNode row : result.get("OptimizedPlan")) {
            String detail = row.get("ReasonDetail").asString();
            String room = "room " + row.get("AssignedRoom").asString();
            String reason = row.get("Reason").asString();
            seen.add(reason);
            switch (reason) {
                case "locked" -> assertThat(detail).startsWith("locked in " + room);
                case "kept" -> assertThat(detail).startsWith("kept").contains(room);
                case "moved" -> assertThat(detail).startsWith("moved from room "
                        + input.get("Reservations").get(i).get("AssignedRoom").asString() + " to " + room + ": ");
                case "new reservation" -> assertThat(detail).matches("(new reservation: |moved from ).*");
                default -> throw new AssertionError("unexpected Reason " + reason);
            }
            if (!row.get("TestStay").booleanValue() && !row.get("AdjacencyGroup").isNull()
                    && roomsOfGroup.get(row.get("AdjacencyGroup").asString()).size() > 1) {
                seen.add("group");
                String label = row.get("AdjacencyGroup").asString();
                assertThat(detail).contains("; group " + label + ": ");
                String after = detail.substring(detail.indexOf("; group " + label + ": "));
                if (after.contains("adjacent to room")) {
                    // Every room it names holds a member of the group.
                    String rooms = after.replaceFirst(".*adjacent to rooms? ", "").replaceFirst(" \\(.*", "");
                    for (String named : rooms.split(", ")) {
                        assertThat(roomsOfGroup.get(label)).as(detail).contains(named);
                    }
                }
            }
            i++;
        }
        assertThat(seen).contains("moved", "kept", "locked", "group");
    }

    @Test
    void rowsWithoutACurrentRoomNameTheirNeighbours() {
        for (JsonNode row : run("sample1").get("OptimizedPlan")) {
            String room = "room " + row.get("AssignedRoom").asString();
            assertThat(row.get("ReasonDetail").asString()).as(row.toString())
                    .startsWith(row.get("Reason").asString().equals("locked") ? "locked in " + room
                            : "assigned to " + room + ": ");
        }
    }

    @Test
    void restrictionsOnlyRowsAreKeptInTheInputPlan() {
        for (JsonNode row : run("sample4.fixedplan").get("OptimizedPlan")) {
            String room = "room " + row.get("AssignedRoom").asString();
            assertThat(row.get("ReasonDetail").asString()).as(row.toString()).startsWith(
                    row.get("IsLocked").booleanValue() ? "locked in " + room
                            : "kept in " + room + ": RestrictionsForInitialPlan publishes the input plan as it is");
        }
    }
}
