package org.bookingopt.core.json;

import java.time.LocalDate;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Pin;
import org.bookingopt.core.plan.PlanExplanation;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes plans as lists of SPEC §9.2 assignment objects. */
public final class PlanRows {
    private PlanRows() {
    }

    /**
     * @param withIds  {@code Id} as sent ({@code OptimizedPlan}) or {@code null} ({@code InitialPlan},
     *                 {@code ReOptimizedPlans})
     * @param reasons  whether to add the BookingOpt-only {@code Reason} code and its {@code ReasonDetail}
     */
    public static ArrayNode of(AssignmentProblem problem, RoomPlan plan, boolean withIds, boolean reasons) {
        ArrayNode rows = Json.NODES.arrayNode();
        PlanExplanation explanation = reasons ? new PlanExplanation(problem, plan, problem.currentRooms()) : null;
        for (Stay s : problem.stays()) {
            int room = plan.room(s.index());
            rows.add(reasons ? row(problem, s, room, withIds, reason(problem, s, room), explanation.of(s))
                    : row(problem, s, room, withIds, null, null));
        }
        return rows;
    }

    /** A row; {@code reason} and {@code detail} (BookingOpt only) are left out when null. */
    public static ObjectNode row(AssignmentProblem problem, Stay s, int room, boolean withId, String reason,
                                 String detail) {
        ObjectNode row = Json.NODES.objectNode();
        row.put("Name", s.reservation().name());
        if (withId) {
            row.set("Id", Json.MAPPER.valueToTree(s.reservation().id()));
        } else {
            row.putNull("Id");
        }
        row.put("IsLocked", s.reservation().locked() && !s.isTest());
        row.set("AssignedRoom", ResultDocument.roomNumber(problem.rooms().get(room).number()));
        row.put("RoomType", "");
        row.put("Arrival", LocalDate.ofEpochDay(s.arrival()).toString());
        row.put("Length", s.length());
        if (s.reservation().adjacencyGroup() == null) {
            row.putNull("AdjacencyGroup");
        } else {
            row.set("AdjacencyGroup", Json.MAPPER.valueToTree(s.reservation().adjacencyGroup().value()));
        }
        row.put("TestStay", s.isTest());
        if (s.splitGroup() >= 0) {
            row.put("SplitGroup", s.splitGroup());
        } else {
            row.putNull("SplitGroup");
        }
        if (reason != null) {
            row.put("Reason", reason);
        }
        if (detail != null) {
            row.put("ReasonDetail", detail);
        }
        return row;
    }

    /**
     * The {@code Reason} code of a row (SPEC §9.2): the pin; else {@code kept} or {@code moved} against the
     * stay's current room; {@code assigned} for a stay that had no valid room.
     */
    public static String reason(AssignmentProblem problem, Stay s, int room) {
        if (s.pin() != Pin.NONE) {
            return s.pin().reason();
        }
        int current = problem.roomIndex(s.reservation().assignedRoom());
        return current < 0 ? "assigned" : current == room ? "kept" : "moved";
    }
}
