package org.bookingopt.core.testing;

import java.time.LocalDate;
import java.util.Arrays;

import org.bookingopt.core.model.RoomNumber;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

import tools.jackson.databind.JsonNode;

/**
 * Reads a feasibility-mode plan list (SPEC §8.4: existing reservations in input order, then the merged
 * segments of the new reservations) back into a plan of the split problem, to check and cost it.
 */
public final class PlanRowsReader {
    private PlanRowsReader() {
    }

    /** @throws AssertionError when a row names no room, or some stay is not covered by exactly one row */
    public static RoomPlan read(AssignmentProblem problem, JsonNode rows) {
        int[] rooms = new int[problem.stays().size()];
        Arrays.fill(rooms, -1);
        int existing = problem.problem().reservations().size();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            JsonNode roomNode = row.get("AssignedRoom");
            int room = problem.roomIndex(new RoomNumber(roomNode.asString(), roomNode.isNumber()));
            if (room < 0) {
                throw new AssertionError("row " + i + " names no room: " + row);
            }
            if (row.get("SplitGroup").isNull()) {
                if (i >= existing) {
                    throw new AssertionError("row " + i + " is not a segment but comes after the reservations");
                }
                rooms[i] = room;
                continue;
            }
            int group = row.get("SplitGroup").intValue();
            int from = (int) LocalDate.parse(row.get("Arrival").asString()).toEpochDay();
            int to = from + row.get("Length").intValue();
            for (Stay s : problem.stays()) {
                if (s.splitGroup() == group && s.arrival() >= from && s.arrival() < to) {
                    if (rooms[s.index()] >= 0) {
                        throw new AssertionError("piece " + s.index() + " is in two segments");
                    }
                    rooms[s.index()] = room;
                }
            }
        }
        for (int s = 0; s < rooms.length; s++) {
            if (rooms[s] < 0) {
                throw new AssertionError("stay " + s + " is in no row");
            }
        }
        return new RoomPlan(rooms);
    }
}
