package org.bookingopt.core.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.PlanRows;
import org.bookingopt.core.model.Reservation;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Pin;
import org.bookingopt.core.plan.PlanExplanation;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pieces of a new reservation merged back into runs of consecutive nights in one room (SPEC §8.4):
 * a segment ends where the room changes, and the last one is always emitted (Q13).
 */
final class SplitSegments {
    /** The {@code Reason} code of a new reservation's segment. */
    static final String REASON = "new reservation";

    /**
     * @param group  the split group, 1-based (SPEC §8.2)
     * @param pieces the segment's pieces, in date order
     */
    record Segment(int group, Reservation reservation, int room, List<Stay> pieces) {
        int arrival() {
            return pieces.get(0).arrival();
        }

        int nights() {
            return pieces.size();
        }
    }

    private SplitSegments() {
    }

    /** The segments of split group {@code group} (1-based) in the plan, in date order. */
    static List<Segment> of(AssignmentProblem problem, RoomPlan plan, int group) {
        List<Stay> pieces = problem.stays().stream().filter(s -> s.splitGroup() == group)
                .sorted(Comparator.comparingInt(Stay::arrival)).toList();
        List<Segment> segments = new ArrayList<>();
        List<Stay> run = new ArrayList<>();
        for (Stay piece : pieces) {
            if (!run.isEmpty() && plan.room(piece.index()) != plan.room(run.get(0).index())) {
                segments.add(new Segment(group, run.get(0).reservation(), plan.room(run.get(0).index()), run));
                run = new ArrayList<>();
            }
            run.add(piece);
        }
        if (!run.isEmpty()) {
            segments.add(new Segment(group, run.get(0).reservation(), plan.room(run.get(0).index()), run));
        }
        return segments;
    }

    /**
     * Why a new stay leaves the previous segment's room: who holds that room on the first night of this
     * segment, or, if nobody does, that the change costs less than the gaps it avoids.
     */
    static String whyTheRoomChanges(AssignmentProblem problem, RoomPlan plan, Segment previous, Segment next) {
        int night = next.arrival();
        String room = "room " + problem.rooms().get(previous.room()).number();
        for (Stay s : problem.stays()) {
            if (plan.room(s.index()) == previous.room() && s.arrival() <= night && night < s.departure()) {
                String holder = (s.isTest() ? "new reservation " : "reservation ") + s.reservation().name();
                String why = s.pin() == Pin.KEPT ? " in the current plan"
                        : s.isPinned() ? " (" + s.pin().reason() + ")" : "";
                return "moved from " + room + ", which " + holder + " holds on " + LocalDate.ofEpochDay(night) + why;
            }
        }
        return "moved from " + room + ", free on " + LocalDate.ofEpochDay(night)
                + ": the room change costs less than the gaps it avoids";
    }

    /** Room changes of new reservation {@code group} in the plan: its segments − 1 (Q42). */
    static int roomChanges(AssignmentProblem problem, RoomPlan plan, int group) {
        return of(problem, plan, group).size() - 1;
    }

    /**
     * The plan as SPEC §8.4 lists it: every existing reservation in input order, then the segments of each
     * new reservation, named {@code "<Name>, split <k>"}.
     */
    static ArrayNode rows(AssignmentProblem problem, RoomPlan plan) {
        ArrayNode rows = Json.NODES.arrayNode();
        PlanExplanation explanation = new PlanExplanation(problem, plan, problem.currentRooms());
        for (Stay s : problem.stays()) {
            if (!s.isTest()) {
                int room = plan.room(s.index());
                rows.add(PlanRows.row(problem, s, room, true, PlanRows.reason(problem, s, room), explanation.of(s)));
            }
        }
        for (int k = 1; k <= problem.problem().newReservations().size(); k++) {
            Segment previous = null;
            for (Segment segment : of(problem, plan, k)) {
                Reservation r = segment.reservation();
                Reservation named = new Reservation(r.name() + ", split " + k, r.id(),
                        LocalDate.ofEpochDay(segment.arrival()), segment.nights(), null, false, r.roomType(),
                        r.allowableRoomTypes(), r.typeOrder(), r.adjacencyGroup());
                Stay merged = new Stay(-1, named, segment.arrival(), segment.arrival() + segment.nights(),
                        segment.pieces().get(0).allowedTypes(), -1, Pin.NONE, segment.pieces().get(0).group(), k);
                String detail = previous == null ? "new reservation: room " + problem.rooms().get(segment.room())
                        .number().text() + (segment.nights() == 1 ? " for 1 night" : " for " + segment.nights() + " nights")
                        + " from " + LocalDate.ofEpochDay(segment.arrival())
                        : whyTheRoomChanges(problem, plan, previous, segment);
                rows.add(PlanRows.row(problem, merged, segment.room(), true, REASON, detail));
                previous = segment;
            }
        }
        return rows;
    }
}
