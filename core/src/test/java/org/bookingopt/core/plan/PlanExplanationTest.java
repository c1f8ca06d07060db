package org.bookingopt.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.bookingopt.core.json.ProblemReader;
import org.junit.jupiter.api.Test;

/** {@code ReasonDetail}: what each stay's room does, from the plan against the current rooms. */
class PlanExplanationTest {
    // Rooms 101 and 102 are side by side. A and B are locked in 101 around a 1-night gap on 03-03, which C
    // fills by moving over from 102; group g (E, F) sits in 101 and 102 once E leaves 103; G had no room.
    private static final AssignmentProblem PROBLEM = AssignmentProblem.standard(ProblemReader.read("""
            {"ProblemId": "explain", "MinimumStay": 3, "Rooms": [
              {"RoomNumber": "101", "RoomType": null, "AdjacentRooms": ["102"]},
              {"RoomNumber": "102", "RoomType": null, "AdjacentRooms": ["101"]},
              {"RoomNumber": "103", "RoomType": null, "AdjacentRooms": []}],
             "Reservations": [
              {"Name": "A", "Arrival": "2027-03-01", "Length": 2, "AssignedRoom": "101", "IsLocked": true},
              {"Name": "B", "Arrival": "2027-03-04", "Length": 2, "AssignedRoom": "101", "IsLocked": true},
              {"Name": "C", "Arrival": "2027-03-03", "Length": 1, "AssignedRoom": "102"},
              {"Name": "D", "Arrival": "2027-03-20", "Length": 2, "AssignedRoom": "103"},
              {"Name": "E", "Arrival": "2027-03-10", "Length": 2, "AssignedRoom": "103", "AdjacencyGroup": "g"},
              {"Name": "F", "Arrival": "2027-03-10", "Length": 2, "AssignedRoom": "101", "AdjacencyGroup": "g"},
              {"Name": "G", "Arrival": "2027-03-06", "Length": 1, "AssignedRoom": "None"}]}
            """).problem());
    private static final RoomPlan PLAN = new RoomPlan(new int[] {0, 0, 0, 2, 1, 0, 0});
    private static final PlanExplanation EXPLANATION = new PlanExplanation(PROBLEM, PLAN, PROBLEM.currentRooms());

    @Test
    void aLockedStaySaysWhereItIsLocked() {
        assertThat(EXPLANATION.of(PROBLEM.stay(0))).isEqualTo("locked in room 101");
    }

    @Test
    void aMovedStayNamesTheShortGapItRemoves() {
        assertThat(EXPLANATION.of(PROBLEM.stay(2)))
                .isEqualTo("moved from room 102 to room 101: removes a 1-night gap in room 101 on 2027-03-03");
    }

    @Test
    void aMovedGroupMemberNamesItsNeighboursNowAndBefore() {
        assertThat(EXPLANATION.of(PROBLEM.stay(4))).isEqualTo("moved from room 103 to room 102: gap cost of room "
                + "103 and room 102: 0.03125 -> 0; group g: adjacent to room 101 (in room 103: none)");
    }

    @Test
    void aKeptStayWithoutShortGapsIsInItsBestRoom() {
        assertThat(EXPLANATION.of(PROBLEM.stay(3)))
                .isEqualTo("kept: already in its best room, room 103 (no short gap next to it)");
        assertThat(EXPLANATION.of(PROBLEM.stay(5))).isEqualTo("kept: already in its best room, room 101 "
                + "(no short gap next to it); group g: adjacent to room 102");
    }

    @Test
    void aStayWithoutACurrentRoomNamesItsNeighbours() {
        assertThat(EXPLANATION.of(PROBLEM.stay(6))).isEqualTo("assigned to room 101: right after reservation B");
    }

    @Test
    void aMovedStaySaysWhoTakesItsOldRoomAndAGroupMemberLeftAlone() {
        RoomPlan apart = new RoomPlan(new int[] {0, 0, 0, 2, 1, 2, 0}); // F takes 103 from E
        PlanExplanation explanation = new PlanExplanation(PROBLEM, apart, PROBLEM.currentRooms());

        assertThat(explanation.of(PROBLEM.stay(4))).isEqualTo("moved from room 103 to room 102: room 103 goes to "
                + "reservation F; group g: no other member next to room 102 (in room 103: none)");
    }
}
