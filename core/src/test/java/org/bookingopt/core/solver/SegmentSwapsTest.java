package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;
import org.junit.jupiter.api.Test;

class SegmentSwapsTest {
    /** Rooms "1" … "n", each next to the numbers before and after it. */
    private static String roomsInARow(int n) {
        StringBuilder json = new StringBuilder("[");
        for (int r = 1; r <= n; r++) {
            String before = r > 1 ? "\"" + (r - 1) + "\"" : "";
            String after = r < n ? "\"" + (r + 1) + "\"" : "";
            String both = before.isEmpty() || after.isEmpty() ? before + after : before + ", " + after;
            json.append(r > 1 ? ", " : "").append("{\"RoomNumber\": \"").append(r)
                    .append("\", \"AdjacentRooms\": [").append(both).append("]}");
        }
        return json.append("]").toString();
    }

    /**
     * Rooms 1–6 in a row; the two members of group G in rooms 1 and 6, locked stays in rooms 2 and 5 over
     * their nights. Neither member can move next to the other, but both can move to rooms 3 and 4 together.
     */
    private static final String HOTEL = """
            {"ProblemId": "pair", "MinimumStay": 3,
             "Reservations": [
               {"Name": "A", "Arrival": "2021-03-05", "Length": 3, "AdjacencyGroup": "G"},
               {"Name": "B", "Arrival": "2021-03-05", "Length": 3, "AdjacencyGroup": "G"},
               {"Name": "P1", "Arrival": "2021-03-01", "Length": 10, "AssignedRoom": "2", "IsLocked": true},
               {"Name": "P2", "Arrival": "2021-03-01", "Length": 10, "AssignedRoom": "5", "IsLocked": true}],
             "Rooms": %s}""".formatted(roomsInARow(6));

    @Test
    void twoExchangesAtOnceSeatAGroupThatNoSingleExchangeCan() {
        AssignmentProblem problem = AssignmentProblem.standard(ProblemReader.read(HOTEL).problem());
        RoomPlan apart = new RoomPlan(new int[] {0, 5, 1, 4});
        assertThat(PlanChecker.violations(problem, apart)).isEmpty();
        assertThat(PlanEvaluator.unsatisfiedMembers(problem, apart)).hasSize(2);

        RoomPlan seated = SegmentSwaps.seatGroups(problem, apart, true, Long.MAX_VALUE, Cancellation.none());

        assertThat(PlanChecker.violations(problem, seated)).isEmpty();
        assertThat(PlanEvaluator.unsatisfiedMembers(problem, seated)).isEmpty();
        assertThat(seated.room(2)).isEqualTo(1);
        assertThat(seated.room(3)).isEqualTo(4);
        assertThat(PlanEvaluator.evaluate(problem, seated).gaps()).isZero();
    }

    /**
     * Rooms 1–9 in a row; group G of three: L locked in room 2, B and C side by side in rooms 8 and 9. Moving B
     * or C next to L seats L but leaves the other alone; moving both seats everyone.
     */
    private static final String LOCKED_MEMBER = """
            {"ProblemId": "around", "MinimumStay": 3,
             "Reservations": [
               {"Name": "L", "Arrival": "2021-03-05", "Length": 3, "AdjacencyGroup": "G",
                "AssignedRoom": "2", "IsLocked": true},
               {"Name": "B", "Arrival": "2021-03-05", "Length": 3, "AdjacencyGroup": "G"},
               {"Name": "C", "Arrival": "2021-03-05", "Length": 3, "AdjacencyGroup": "G"},
               {"Name": "X", "Arrival": "2021-03-01", "Length": 12}],
             "Rooms": %s}""".formatted(roomsInARow(9));

    @Test
    void twoPartnersMoveAroundALockedMemberLeftAlone() {
        AssignmentProblem problem = AssignmentProblem.standard(ProblemReader.read(LOCKED_MEMBER).problem());
        RoomPlan apart = new RoomPlan(new int[] {1, 7, 8, 2});
        assertThat(PlanChecker.violations(problem, apart)).isEmpty();
        assertThat(PlanEvaluator.unsatisfiedMembers(problem, apart)).hasSize(1);

        RoomPlan seated = SegmentSwaps.seatGroups(problem, apart, true, Long.MAX_VALUE, Cancellation.none());

        assertThat(PlanChecker.violations(problem, seated)).isEmpty();
        assertThat(PlanEvaluator.unsatisfiedMembers(problem, seated)).isEmpty();
        assertThat(seated.room(0)).isEqualTo(1);
        assertThat(PlanEvaluator.evaluate(problem, seated).gaps()).isZero();
    }

    /**
     * Two rooms, each with a two-night gap (cost 4 each at minimum stay 3): A then B in room 1, C then D in room
     * 2. Trading the rooms' tails from 5 March on gives C → B (no gap) and A → D (four nights, cost 0.5).
     */
    private static final String TWO_GAPS = """
            {"ProblemId": "tails", "MinimumStay": 3,
             "Reservations": [
               {"Name": "A", "Arrival": "2021-03-01", "Length": 2},
               {"Name": "B", "Arrival": "2021-03-05", "Length": 5},
               {"Name": "C", "Arrival": "2021-03-01", "Length": 4},
               {"Name": "D", "Arrival": "2021-03-07", "Length": 3}],
             "Rooms": [{"RoomNumber": "1"}, {"RoomNumber": "2"}]}""";

    @Test
    void anExchangeBetweenTwoRoomsMakesTheirGapsCheaper() {
        AssignmentProblem problem = AssignmentProblem.standard(ProblemReader.read(TWO_GAPS).problem());
        RoomPlan plan = new RoomPlan(new int[] {0, 0, 1, 1});
        assertThat(PlanEvaluator.evaluate(problem, plan).gaps()).isEqualTo(8.0);

        RoomPlan cheaper = SegmentSwaps.cheaperGaps(problem, plan, Long.MAX_VALUE, Cancellation.none());

        assertThat(PlanChecker.violations(problem, cheaper)).isEmpty();
        assertThat(PlanEvaluator.evaluate(problem, cheaper).gaps()).isEqualTo(0.5);
        assertThat(cheaper.room(1)).isEqualTo(cheaper.room(2)); // C then B
    }

    @Test
    void cheaperGapsKeepPlansValidAndLocksInPlaceAndNeverCostMore() {
        for (long seed = 1; seed <= 3; seed++) {
            GeneratorSettings d = GeneratorSettings.of(40, 45, 0.85, 3, seed);
            GeneratorSettings withPlan = new GeneratorSettings(d.rooms(), d.days(), d.occupancy(), d.types(), d.seed(),
                    d.minimumStay(), d.groupShare(), d.lockedShare(), d.flexibleShare(), true, 0, d.start());
            String json = HotelGenerator.generate(withPlan).toJsonString();
            AssignmentProblem problem = AssignmentProblem.standard(ProblemReader.read(json).problem());
            RoomPlan current = problem.currentPlan();
            assertThat(PlanChecker.violations(problem, current)).isEmpty();

            RoomPlan cheaper = SegmentSwaps.cheaperGaps(problem, current, Long.MAX_VALUE, Cancellation.none());

            assertThat(PlanChecker.violations(problem, cheaper)).isEmpty();
            for (Stay s : problem.stays()) {
                if (s.isPinned()) {
                    assertThat(cheaper.room(s.index())).isEqualTo(s.pinnedRoom());
                }
            }
            assertThat(PlanEvaluator.evaluate(problem, cheaper).total())
                    .isLessThan(PlanEvaluator.evaluate(problem, current).total());
        }
    }
}
