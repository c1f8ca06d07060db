package org.bookingopt.core.json;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bookingopt.core.model.Room;
import org.bookingopt.core.model.RoomNumber;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result object of SPEC §9.1, built field by field. Every key exists from the start with its default,
 * in the order SPEC §9.1 gives, so old clients always find the keys they read and the order never
 * depends on which phase filled what.
 */
public final class ResultDocument {
    private final ObjectNode node = Json.NODES.objectNode();

    public ResultDocument(Object problemId) {
        node.put("ProcessingDate", LocalDate.now(ZoneOffset.UTC).toString());
        node.put("InitialOptimizationTime", 0.0);
        node.put("TotalTime", 0.0);
        node.set("ProblemId", Json.MAPPER.valueToTree(problemId));
        node.put("Message", "");
        node.put("Succeeded", false);
        node.put("NewReservationInfeasible", false);
        for (String key : List.of("ClosedArrivals", "ClosedDepartures", "MinStays", "MaxStays")) {
            node.putObject(key);
        }
        node.putArray("OptimizedPlan");
        node.putArray("InitialPlanWithNewReservations");
        node.put("NewReservationsFitInInitialPlan", false);
        node.putObject("NonAdjacentAssignments");
        node.putArray("InitialPlan");
        node.putObject("InitialMinStays");
        node.putObject("QualityComparison");
        node.putObject("RoomChangeComparison");
        node.putArray("ReOptimizedPlans");
        node.put("ScheduleStart", "");
        node.put("ScheduleEnd", "");
        node.putArray("Rooms");
        node.putObject("StaysAvoidedByCa");
        node.putObject("StaysAvoidedByCd");
        node.putObject("StaysAvoidedByMax");
        node.put("CurrentScheduleInfeasible", false);
        // BookingOpt-only keys (SPEC §9.1), after every key old clients know.
        node.putArray("Warnings");
        node.putObject("NonAdjacentReservations");
        node.putArray("MaxStayBudgetExhausted");
        node.putNull("NewReservationFit");
        node.putNull("SolverStatus");
        node.putNull("Objective");
        node.putNull("BestBound");
        node.putNull("OrphanNights");
        node.putNull("InfeasibleCore");
    }

    /** Sets a key that already exists (its position stays); fails loudly on a typo. */
    public ResultDocument set(String key, JsonNode value) {
        if (!node.has(key)) {
            throw new IllegalArgumentException("not a result key: " + key);
        }
        node.set(key, value);
        return this;
    }

    /** Adds a key after all SPEC keys (e.g. {@code ChannelRestrictions}). */
    public ResultDocument append(String key, JsonNode value) {
        node.set(key, value);
        return this;
    }

    public ResultDocument set(String key, String value) {
        return set(key, Json.NODES.stringNode(value));
    }

    public ResultDocument set(String key, boolean value) {
        return set(key, Json.NODES.booleanNode(value));
    }

    public ResultDocument set(String key, double value) {
        return set(key, Json.NODES.numberNode(value));
    }

    public ResultDocument set(String key, long value) {
        return set(key, Json.NODES.numberNode(value));
    }

    public ResultDocument schedule(int start, int end) {
        set("ScheduleStart", LocalDate.ofEpochDay(start).toString());
        return set("ScheduleEnd", LocalDate.ofEpochDay(end).toString());
    }

    public ResultDocument rooms(List<Room> rooms) {
        ArrayNode array = Json.NODES.arrayNode();
        for (Room room : rooms) {
            ObjectNode r = array.addObject();
            r.put("RoomType", room.type());
            r.set("RoomNumber", roomNumber(room.number()));
            ArrayNode adjacent = r.putArray("AdjacentRooms");
            room.adjacentRooms().forEach(n -> adjacent.add(roomNumber(n)));
        }
        return set("Rooms", array);
    }

    public ResultDocument warnings(Collection<String> warnings) {
        ArrayNode array = Json.NODES.arrayNode();
        warnings.forEach(array::add);
        return set("Warnings", array);
    }

    /** Adds one note to {@code Warnings}. */
    public ResultDocument warning(String warning) {
        ((ArrayNode) node.get("Warnings")).add(warning);
        return this;
    }

    /** A map from epoch day to number, emitted in ascending date order with date-string keys. */
    public static ObjectNode dateMap(Map<Integer, ? extends Number> values) {
        ObjectNode map = Json.NODES.objectNode();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Number v = e.getValue();
            map.set(LocalDate.ofEpochDay(e.getKey()).toString(),
                    v instanceof Double d ? Json.NODES.numberNode(d) : Json.NODES.numberNode(v.longValue()));
        });
        return map;
    }

    public static JsonNode roomNumber(RoomNumber number) {
        if (number == null) {
            return Json.NODES.nullNode();
        }
        if (number.numeric()) {
            return Json.MAPPER.readTree(number.text());
        }
        return Json.NODES.stringNode(number.text());
    }

    public ObjectNode toJson() {
        return node;
    }
}
