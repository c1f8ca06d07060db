package org.bookingopt.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.testing.PlanRowsReader;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Feasibility mode (SPEC §8) on small hand-made hotels: explanations, moves and the special cases. */
class NewReservationRunTest {
    private static final SolverSettings SETTINGS = new SolverSettings(Duration.ofSeconds(20), 1);

    /** One suite and two standard rooms; G1 accepts either type but sits in the suite. */
    private static final String SUITE_TAKEN = """
            {"ProblemId": "suite", "MinimumStay": 2,
             "Rooms": [{"RoomNumber": "101", "RoomType": "Suite"}, {"RoomNumber": "102", "RoomType": "Standard"},
                       {"RoomNumber": "103", "RoomType": "Standard"}],
             "Reservations": [
               {"Name": "G1", "Id": 11, "Arrival": "2027-03-01", "Length": 5, "AssignedRoom": "101",
                "AllowableRoomTypes": ["Suite", "Standard"]},
               {"Name": "G2", "Id": 12, "Arrival": "2027-03-01", "Length": 3, "AssignedRoom": "102",
                "RoomType": "Standard"},
               {"Name": "G3", "Id": 13, "Arrival": "2027-03-04", "Length": 3, "AssignedRoom": "102",
                "RoomType": "Standard", "IsLocked": true}],
             "NewReservations": [{"Name": "N1", "Id": "web-7", "Arrival": "2027-03-02", "Length": 2,
                                  "RoomType": "Suite"}]}
            """;

    private static JsonNode run(String json) {
        return new Optimizer(new RoomFlowSolver()).run(ProblemReader.read(json), SETTINGS, ProgressListener.NONE,
                Cancellation.none()).json();
    }

    @Test
    void aStayThatDoesNotFitNamesTheNightsAndTheTypeAndTheFewestMoves() {
        JsonNode result = run(SUITE_TAKEN);
        JsonNode fit = result.get("NewReservationFit");

        assertThat(result.get("Succeeded").booleanValue()).isTrue();
        assertThat(result.get("NewReservationsFitInInitialPlan").booleanValue()).isFalse();
        assertThat(result.get("InitialPlanWithNewReservations").isNull()).isTrue();
        assertThat(result.get("RoomChangeComparison").isEmpty()).isTrue();
        assertThat(fit.get("Fits").booleanValue()).isFalse();
        assertThat(fit.get("Reason").asString()).isEqualTo("Does not fit the current plan: from 2027-03-02 to "
                + "2027-03-03 N1 needs a room of type Suite, but the only such room is taken. Moving 1 existing stay "
                + "makes room (proven minimal): G1 from room 101 to room 103; then N1 in room 101 for 2 nights from "
                + "2027-03-02 (no room change)");
        assertThat(fit.get("Moves")).hasSize(1);
        JsonNode move = fit.get("Moves").get(0);
        assertThat(move.get("Name").asString()).isEqualTo("G1");
        assertThat(move.get("Id").intValue()).isEqualTo(11);
        assertThat(move.get("From").asString()).isEqualTo("101");
        assertThat(move.get("To").asString()).isEqualTo("103");
        assertThat(fit.get("MovesProvenMinimal").booleanValue()).isTrue();
        assertThat(fit.get("MovesBound").intValue()).isEqualTo(1);

        AssignmentProblem full = AssignmentProblem.withNewReservations(ProblemReader.read(SUITE_TAKEN).problem(), false);
        var plan = PlanRowsReader.read(full, result.get("OptimizedPlan"));
        assertThat(PlanChecker.violations(full, plan)).isEmpty();
        assertThat(result.get("OptimizedPlan").get(2).get("AssignedRoom").asString()).isEqualTo("102");
        assertThat(result.get("OptimizedPlan").get(2).get("Reason").asString()).isEqualTo("locked");
        assertThat(result.get("OptimizedPlan").get(3).get("Name").asString()).isEqualTo("N1, split 1");
        assertThat(result.get("OptimizedPlan").get(3).get("Id").asString()).isEqualTo("web-7");
    }

    @Test
    void restrictionsForInitialPlanWithNewReservationsComputesOnlyTheFit() {
        JsonNode result = run(SUITE_TAKEN.replace("\"MinimumStay\": 2,", "\"MinimumStay\": 2, "
                + "\"RestrictionsForInitialPlan\": true,"));

        assertThat(result.get("Succeeded").booleanValue()).isFalse();
        assertThat(result.get("Message").asString()).startsWith("Does not fit the current plan: from 2027-03-02 to "
                + "2027-03-03 N1 needs a room of type Suite").endsWith("so none is moved)");
        assertThat(result.get("NewReservationFit").get("Moves")).isEmpty();
        assertThat(result.get("OptimizedPlan")).isEmpty();

        // A standard room is free on those nights: N1 fits there, and nobody moves.
        JsonNode fits = run(SUITE_TAKEN.replace("\"MinimumStay\": 2,", "\"MinimumStay\": 2, "
                + "\"RestrictionsForInitialPlan\": true,").replace("\"RoomType\": \"Suite\"}]}", "\"RoomType\": \"Standard\"}]}"));
        assertThat(fits.get("Succeeded").booleanValue()).isTrue();
        assertThat(fits.get("NewReservationsFitInInitialPlan").booleanValue()).isTrue();
        assertThat(fits.get("OptimizedPlan")).isEqualTo(fits.get("InitialPlanWithNewReservations"));
        for (int i = 0; i < 3; i++) {
            assertThat(fits.get("OptimizedPlan").get(i).get("Reason").asString()).isIn("kept", "locked");
        }
        assertThat(fits.get("OptimizedPlan").get(3).get("AssignedRoom").asString()).isEqualTo("103");
        assertThat(fits.get("RoomChangeComparison").get("N1_web-7").get("Optimized").intValue()).isZero();
    }

    @Test
    void aOneNightNewReservationGetsItsSegment() {
        JsonNode result = run(SUITE_TAKEN.replaceAll("\"Length\": 2,\\s*\"RoomType\": \"Suite\"",
                "\"Length\": 1, \"RoomType\": \"Standard\""));

        assertThat(result.get("Succeeded").booleanValue()).isTrue();
        JsonNode rows = result.get("OptimizedPlan");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3).get("Name").asString()).isEqualTo("N1, split 1");
        assertThat(rows.get(3).get("Length").intValue()).isEqualTo(1);
        assertThat(result.get("InitialPlanWithNewReservations")).hasSize(4);
        JsonNode changes = result.get("RoomChangeComparison").get("N1_web-7");
        assertThat(changes.get("Initial").intValue()).isZero();
        assertThat(changes.get("Optimized").intValue()).isZero();
    }

    @Test
    void aNewReservationOutsideTheRequestWindowMustBeAssignedExternally() {
        JsonNode result = run(SUITE_TAKEN.replace("\"MinimumStay\": 2,", "\"MinimumStay\": 2, "
                + "\"RequestStartDate\": \"2027-03-03\","));

        assertThat(result.get("Succeeded").booleanValue()).isFalse();
        assertThat(result.get("Message").asString()).isEqualTo("Reservations:\nN1 (New booking)\nMust be assigned "
                + "rooms externally, or the optimization must be adjusted to include them.");
    }

    @Test
    void withoutACurrentPlanTheFitIsNotComputedButTheFullSolveRuns() {
        JsonNode result = run(SUITE_TAKEN.replaceAll("\"Length\": 3, \"AssignedRoom\": \"102\",\\s*"
                + "\"RoomType\": \"Standard\"},", "\"Length\": 3, \"RoomType\": \"Standard\"},"));

        assertThat(result.get("Succeeded").booleanValue()).isTrue();
        assertThat(result.get("NewReservationFit").get("Reason").asString())
                .isEqualTo("Not computed: there is no current plan, since G2 has no valid AssignedRoom");
        assertThat(result.get("InitialPlanWithNewReservations").isNull()).isTrue();
        assertThat(result.get("InitialOptimizationTime").doubleValue()).isZero();
        assertThat(result.get("OptimizedPlan")).hasSize(4);
        assertNoMovesApply(result.get("NewReservationFit"));
    }

    @Test
    void whenNoExistingStayHasARoomMovesDoNotApply() {
        JsonNode result = run(TWO_GUESTS.formatted("\"AssignedRoom\": \"None\"", "\"AssignedRoom\": \"None\"",
                "Standard"));

        assertThat(result.get("NewReservationFit").get("Reason").asString())
                .isEqualTo("Not computed: there is no current plan, since G1, G2 have no valid AssignedRoom");
        assertNoMovesApply(result.get("NewReservationFit"));
        assertThat(result.get("Succeeded").booleanValue()).isTrue();
    }

    @Test
    void aBookingThatCannotBeMadeHasNoMovesBound() {
        JsonNode result = run(TWO_GUESTS.formatted("\"AssignedRoom\": \"101\"", "\"AssignedRoom\": \"102\"",
                "Penthouse"));

        assertThat(result.get("Succeeded").booleanValue()).isFalse();
        assertNoMovesApply(result.get("NewReservationFit"));
    }

    /** Two standard rooms, two guests (their rooms: %1$s, %2$s) and a new booking of type %3$s. */
    private static final String TWO_GUESTS = """
            {"ProblemId": "two", "MinimumStay": 2,
             "Rooms": [{"RoomNumber": "101", "RoomType": "Standard"}, {"RoomNumber": "102", "RoomType": "Standard"}],
             "Reservations": [
               {"Name": "G1", "Arrival": "2027-03-01", "Length": 2, %1$s},
               {"Name": "G2", "Arrival": "2027-03-05", "Length": 2, %2$s}],
             "NewReservations": [{"Name": "N1", "Arrival": "2027-03-02", "Length": 2, "RoomType": "%3$s"}]}
            """;

    private static void assertNoMovesApply(JsonNode fit) {
        assertThat(fit.get("Fits").booleanValue()).isFalse();
        assertThat(fit.get("Moves")).isEmpty();
        assertThat(fit.get("MovesProvenMinimal").booleanValue()).isFalse();
        assertThat(fit.get("MovesBound").isNull()).isTrue();
    }

    @Test
    void aCurrentPlanThatDoubleBooksARoomIsReportedAndRepairedByTheFewestMoves() {
        JsonNode result = run(SUITE_TAKEN.replaceAll("\"Length\": 3, \"AssignedRoom\": \"102\",\\s*"
                + "\"RoomType\": \"Standard\"},", "\"Length\": 3, \"AssignedRoom\": \"101\"},"));
        JsonNode fit = result.get("NewReservationFit");

        assertThat(fit.get("Reason").asString()).startsWith("Does not fit: the current plan itself is invalid: "
                + "G1 and G2 are both in room 101 on 2027-03-01");
        assertThat(fit.get("Moves")).hasSize(2);
        assertThat(fit.get("MovesProvenMinimal").booleanValue()).isTrue();
    }
}
