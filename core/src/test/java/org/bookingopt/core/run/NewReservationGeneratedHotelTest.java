package org.bookingopt.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.model.Reservation;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.testing.PlanRowsReader;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Quick answers on a generated hotel too large for the whole-hotel room model (so the fit and the moves
 * work on windows and neighbourhoods): every answer is consistent, every plan valid, locked stays stay.
 */
class NewReservationGeneratedHotelTest {
    private static final SolverSettings SETTINGS = new SolverSettings(Duration.ofSeconds(20), 1);

    @Test
    void eachNewReservationOfABusyTypedHotelGetsAConsistentAnswer() {
        GeneratorSettings settings = new GeneratorSettings(40, 45, 0.92, 3, 11, 3, 0.05, 0.03, 0.15, true, 25,
                GeneratorSettings.DEFAULT_START);
        Problem hotel = ProblemReader.read(HotelGenerator.generate(settings).toJsonString()).problem();
        int fits = 0;
        int moves = 0;
        for (Reservation request : hotel.newReservations()) {
            Problem alone = new Problem(hotel.problemId(), hotel.reservations(), List.of(request), hotel.rooms(),
                    hotel.minimumStay(), hotel.minimumStayByDay(), hotel.minimumStayByDate(), false,
                    hotel.requestStart(), hotel.requestEnd(), hotel.options());
            JsonNode result = NewReservationRun.quickAnswer(new ParsedProblem(alone, List.of()), SETTINGS,
                    Cancellation.none()).json();
            JsonNode fit = result.get("NewReservationFit");
            String at = request.name() + " " + request.arrival() + " x" + request.length();
            if (!NewReservationRun.preCheck(alone).isEmpty()) {
                assertThat(result.get("NewReservationInfeasible").booleanValue()).as(at).isTrue();
                continue;
            }
            AssignmentProblem full = AssignmentProblem.withNewReservations(alone, false);
            RoomPlan current = full.currentRooms();
            if (!result.get("Succeeded").booleanValue()) {
                assertThat(fit.get("Fits").booleanValue()).as(at).isFalse();
                assertThat(fit.get("Reason").asString()).as(at).contains("cannot make room");
                continue;
            }
            RoomPlan plan = PlanRowsReader.read(full, result.get("OptimizedPlan"));
            assertThat(PlanChecker.violations(full, plan)).as(at).isEmpty();
            int moved = 0;
            for (Stay s : full.stays()) {
                if (!s.isTest() && plan.room(s.index()) != current.room(s.index())) {
                    moved++;
                    assertThat(s.reservation().locked()).as(at).isFalse();
                }
            }
            assertThat(fit.get("Moves")).as(at).hasSize(moved);
            assertThat(fit.get("MovesBound").intValue()).as(at).isLessThanOrEqualTo(moved);
            if (fit.get("Fits").booleanValue()) {
                assertThat(moved).as(at).isZero();
                assertThat(PlanRowsReader.read(full, result.get("InitialPlanWithNewReservations"))).as(at)
                        .isEqualTo(plan);
                fits++;
            } else {
                assertThat(moved).as(at).isPositive();
                assertThat(fit.get("Reason").asString()).as(at).startsWith("Does not fit the current plan: ")
                        .contains(" needs a room of type ");
                moves++;
            }
        }
        assertThat(fits).isGreaterThan(3);
        assertThat(moves).isGreaterThan(3);
    }
}
