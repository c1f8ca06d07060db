package org.bookingopt.core.run;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ResultDocument;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Stay;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.CapacityCheck;
import org.bookingopt.core.solver.CoreFinder;
import org.bookingopt.core.solver.InfeasibleCore;
import org.bookingopt.core.solver.SolverSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code InfeasibleCore} key of a failed result (BookingOpt only) and its lines in the command line's
 * output: the stays that cannot all be seated, the nights and room types they compete for, and whether the
 * set is proven minimal.
 */
public final class CoreReport {
    private static final Duration MIN_BUDGET = Duration.ofSeconds(2);
    private static final Duration MAX_BUDGET = Duration.ofSeconds(10);

    private CoreReport() {
    }

    /**
     * Sets {@code InfeasibleCore} when a core of the problem is found in time: a tenth of the run's time
     * limit, at least 2 s and at most 10 s.
     */
    static void write(ResultDocument result, AssignmentProblem problem, SolverSettings settings,
                      Cancellation cancellation) {
        Duration budget = settings.timeLimit().dividedBy(10);
        budget = budget.compareTo(MIN_BUDGET) < 0 ? MIN_BUDGET : budget.compareTo(MAX_BUDGET) > 0 ? MAX_BUDGET : budget;
        CoreFinder.find(problem, budget, cancellation).ifPresent(core -> result.set("InfeasibleCore", json(core)));
    }

    /**
     * {@code {"Stays": [{Name, Id, Arrival, Nights, AllowedTypes, Locked, Room, LockReason}], "Nights",
     * "RoomTypes", "Rooms", "Minimal"}}.
     */
    public static ObjectNode json(InfeasibleCore core) {
        AssignmentProblem problem = core.problem();
        ObjectNode node = Json.NODES.objectNode();
        ArrayNode stays = node.putArray("Stays");
        Set<String> types = new LinkedHashSet<>();
        for (InfeasibleCore.Member m : core.members()) {
            Stay s = m.stay();
            ObjectNode row = stays.addObject();
            row.put("Name", s.reservation().name());
            row.set("Id", Json.MAPPER.valueToTree(s.reservation().id()));
            row.put("Arrival", LocalDate.ofEpochDay(s.arrival()).toString());
            row.put("Nights", s.length());
            ArrayNode allowed = row.putArray("AllowedTypes");
            List<String> names = CapacityCheck.typeNames(problem, s);
            names.forEach(allowed::add);
            row.put("Locked", m.held());
            if (m.held()) {
                row.set("Room", ResultDocument.roomNumber(problem.rooms().get(s.pinnedRoom()).number()));
                row.put("LockReason", s.pin().reason());
                types.add(problem.types().get(problem.typeOf(s.pinnedRoom())));
            } else {
                row.putNull("Room");
                row.putNull("LockReason");
                types.addAll(names);
            }
        }
        ArrayNode nights = node.putArray("Nights");
        TreeSet<Integer> rooms = new TreeSet<>();
        for (int night : core.nights()) {
            nights.add(LocalDate.ofEpochDay(night).toString());
            rooms.addAll(core.roomsUsableOn(night));
        }
        ArrayNode typeArray = node.putArray("RoomTypes");
        types.forEach(typeArray::add);
        ArrayNode roomArray = node.putArray("Rooms");
        rooms.forEach(r -> roomArray.add(ResultDocument.roomNumber(problem.rooms().get(r).number())));
        node.put("Minimal", core.minimal());
        return node;
    }

    /** Text lines for the command line: a headline, then one line per stay. */
    public static List<String> lines(JsonNode core) {
        List<String> lines = new ArrayList<>();
        JsonNode stays = core.get("Stays");
        List<String> nights = new ArrayList<>();
        core.get("Nights").forEach(n -> nights.add(n.asString()));
        List<String> rooms = new ArrayList<>();
        core.get("Rooms").forEach(r -> rooms.add(r.asString()));
        List<String> types = new ArrayList<>();
        core.get("RoomTypes").forEach(t -> types.add(t.asString()));
        lines.add(stays.size() + (stays.size() == 1 ? " stay" : " stays") + " cannot all be seated"
                + (nights.isEmpty() ? "" : " on " + String.join(", ", nights))
                + ": " + (rooms.isEmpty() ? "no room" : rooms.size() == 1 ? "1 room" : rooms.size() + " rooms")
                + " of type " + String.join(" or ", types)
                + (rooms.isEmpty() ? "" : " (" + String.join(", ", rooms) + ")")
                + (core.get("Minimal").booleanValue() ? "; proven minimal: without any one of them the rest fit"
                : "; not proven minimal"));
        for (JsonNode s : stays) {
            List<String> allowed = new ArrayList<>();
            s.get("AllowedTypes").forEach(t -> allowed.add(t.asString()));
            lines.add("  " + s.get("Name").asString() + " (Id " + s.get("Id").asString() + "), "
                    + s.get("Arrival").asString() + ", " + s.get("Nights").intValue()
                    + (s.get("Nights").intValue() == 1 ? " night, " : " nights, ")
                    + (s.get("Locked").booleanValue() ? s.get("LockReason").asString() + " in room "
                    + s.get("Room").asString() : "type " + String.join(" or ", allowed)));
        }
        return lines;
    }
}
