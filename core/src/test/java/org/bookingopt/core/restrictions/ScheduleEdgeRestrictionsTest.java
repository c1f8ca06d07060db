package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.validation.InvalidProblemException;
import org.junit.jupiter.api.Test;

/** Rules of SPEC §5 and §7.2 that the fixtures never exercise: request windows, date ranges, (D3), buckets above M. */
class ScheduleEdgeRestrictionsTest {
    private static final int MAY_1 = Samples.night("2024-05-01");

    @Test
    void nightsAfterTheLastDepartureOfAStretchedScheduleSellUpToTheScheduleEnd() {
        StayRestrictions restrictions = restrictionsOf("""
                {"ProblemId": "window", "MinimumStay": 2, "RestrictionsForInitialPlan": true,
                 "RequestEndDate": "2024-05-10", "Rooms": [{"RoomNumber": "1"}, {"RoomNumber": "2"}],
                 "Reservations": [{"Name": "a", "Arrival": "2024-05-01", "Length": 4, "AssignedRoom": "1"}]}""");
        Inventory hotel = restrictions.inventory();
        assertThat(hotel.maxEnd()).isEqualTo(MAY_1 + 4);
        assertThat(hotel.end()).isEqualTo(MAY_1 + 9);
        for (int night = hotel.maxEnd(); night < hotel.end(); night++) {
            assertThat(restrictions.fixedMax().get(night)).as("night %d", night).isEqualTo(hotel.end() - night);
        }
        // Before MaxEnd the empty room 2 is free up to Z = E + M + 1 (Q36).
        assertThat(restrictions.fixedMax().get(MAY_1)).isEqualTo(hotel.end() + 2 + 1 - MAY_1);
    }

    @Test
    void theLastNightIsNeverClosedToDeparture() {
        String hotel = """
                {"ProblemId": "d3", "MinimumStay": 3, "RestrictionsForInitialPlan": true, %s
                 "Rooms": [{"RoomNumber": "1"}],
                 "Reservations": [
                   {"Name": "a", "Arrival": "2024-05-01", "Length": 2, "AssignedRoom": "1"},
                   {"Name": "b", "Arrival": "2024-05-04", "Length": 2, "AssignedRoom": "1"}]}""";
        // 05-05, b's second night: b arrived after a one-night gap, so nobody can leave that morning ...
        assertThat(restrictionsOf(hotel.formatted("\"RequestEndDate\": \"2024-05-08\","))
                .initialClosures().closedToDeparture()).contains(MAY_1 + 4);
        // ... unless it is the schedule's last night (D3).
        assertThat(restrictionsOf(hotel.formatted("")).initialClosures().closedToDeparture())
                .doesNotContain(MAY_1 + 4);
    }

    @Test
    void aLongDateRangeMinimumStayBeforeTheScheduleClosesArrivalsInARoomWithoutDepartures() {
        String open = """
                {"ProblemId": "mstar", "MinimumStay": 2, "RestrictionsForInitialPlan": true,
                 "RequestStartDate": "2024-05-01", "Rooms": [{"RoomNumber": "1"}],
                 %s
                 "Reservations": [{"Name": "a", "Arrival": "2024-05-06", "Length": 3, "AssignedRoom": "1"}]}""";
        // The room has had no departure: prevDep = S − M = 04-29, where m* is M = 2 unless a range sets it.
        StayRestrictions plain = restrictionsOf(open.formatted(""));
        StayRestrictions ranged = restrictionsOf(open.formatted("""
                "MinimumStayByDate": [{"Start": "2024-04-29", "End": "2024-04-29", "MinimumStay": 10}],"""));
        assertThat(plain.initialClosures().closedToArrival()).doesNotContain(MAY_1, MAY_1 + 1, MAY_1 + 2, MAY_1 + 3);
        assertThat(ranged.initialClosures().closedToArrival()).contains(MAY_1, MAY_1 + 1, MAY_1 + 2, MAY_1 + 3);
    }

    @Test
    void qualityComparisonAppendsABucketForAMinimumStayAboveM() {
        StayRestrictions restrictions = restrictionsOf("""
                {"ProblemId": "buckets", "MinimumStay": 2, "RestrictionsForInitialPlan": true,
                 "MinimumStayByDate": [{"Start": "2024-05-01", "End": "2024-05-09", "MinimumStay": 7}],
                 "Rooms": [{"RoomNumber": "1"}, {"RoomNumber": "2"}],
                 "Reservations": [{"Name": "a", "Arrival": "2024-05-01", "Length": 9, "AssignedRoom": "1"}]}""");
        // Nothing departs before the schedule ends, so every night keeps its configured minimum of 7.
        QualityComparison comparison = QualityComparison.of(restrictions, restrictions);
        assertThat(comparison.buckets().keySet()).containsExactly(1, 2, 7);
        assertThat(comparison.buckets().get(7)).isEqualTo(new QualityComparison.Counts(9, 9));
    }

    @Test
    void aRestrictionsOnlyInputWithoutValidRoomsIsRejectedListingEveryStay() {
        String input = """
                {"ProblemId": "rooms", "RestrictionsForInitialPlan": true, "Rooms": [{"RoomNumber": "1"}],
                 "Reservations": [
                   {"Name": "a", "Arrival": "2024-05-01", "Length": 2},
                   {"Name": "b", "Arrival": "2024-05-03", "Length": 2, "AssignedRoom": "9"},
                   {"Name": "c", "Arrival": "2024-05-05", "Length": 2, "AssignedRoom": "1"}]}""";
        assertThatThrownBy(() -> ProblemReader.read(input)).isInstanceOfSatisfying(InvalidProblemException.class,
                e -> assertThat(e.errors()).extracting(error -> error.path())
                        .containsExactly("Reservations[0].AssignedRoom", "Reservations[1].AssignedRoom"));
    }

    private static StayRestrictions restrictionsOf(String json) {
        AssignmentProblem problem = Samples.problem(Json.MAPPER.readTree(json));
        return StayRestrictions.derive(problem, problem.currentPlan());
    }
}
