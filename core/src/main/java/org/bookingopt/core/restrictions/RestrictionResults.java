package org.bookingopt.core.restrictions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.PlanRows;
import org.bookingopt.core.json.ResultDocument;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes restrictions, impact and quality into the result object (SPEC §9.1): date keys ascending,
 * every number an integer (Q26).
 */
public final class RestrictionResults {
    /** The BookingOpt-only key of the channel export, appended after the SPEC keys. */
    public static final String CHANNEL_RESTRICTIONS = "ChannelRestrictions";

    private RestrictionResults() {
    }

    /** {@code ClosedArrivals}, {@code ClosedDepartures} (date → 1), {@code MinStays}, {@code MaxStays}. */
    public static void writeRestrictions(ResultDocument result, StayRestrictions restrictions) {
        result.set("ClosedArrivals", ResultDocument.dateMap(flags(restrictions.closedArrivals())));
        result.set("ClosedDepartures", ResultDocument.dateMap(flags(restrictions.closedDepartures())));
        result.set("MinStays", ResultDocument.dateMap(restrictions.minStays().asMap()));
        result.set("MaxStays", ResultDocument.dateMap(restrictions.maxStays()));
    }

    /** {@code StaysAvoidedByCa/Cd/Max}: date → [{Arrival, Length}], non-empty lists only. */
    public static void writeImpact(ResultDocument result, StaysAvoided avoided) {
        result.set("StaysAvoidedByCa", stays(avoided.byClosedArrival()));
        result.set("StaysAvoidedByCd", stays(avoided.byClosedDeparture()));
        result.set("StaysAvoidedByMax", stays(avoided.byMaximumStay()));
    }

    /**
     * {@code InitialPlan}, {@code InitialMinStays} and {@code QualityComparison} (SPEC §7.2), when every
     * stay's {@code AssignedRoom} is a valid room; otherwise the keys keep their defaults.
     *
     * @param optimized the restrictions of the plan the result publishes
     */
    public static void writeComparison(ResultDocument result, AssignmentProblem problem, RoomPlan optimizedPlan,
                                       StayRestrictions optimized) {
        RoomPlan initialPlan = problem.currentPlan();
        if (initialPlan == null) {
            return;
        }
        // MinStays never depends on re-optimization, so the optimized restrictions serve an unchanged plan.
        StayRestrictions initial = initialPlan.equals(optimizedPlan) ? optimized
                : StayRestrictions.derive(problem, initialPlan);
        result.set("InitialPlan", PlanRows.of(problem, initialPlan, false, false));
        writeQualityComparison(result, initial, optimized);
    }

    /**
     * {@code InitialMinStays} and {@code QualityComparison} (SPEC §7.2, §8.6) of a current and an optimized
     * plan's restrictions.
     */
    public static void writeQualityComparison(ResultDocument result, StayRestrictions initial,
                                              StayRestrictions optimized) {
        result.set("InitialMinStays", ResultDocument.dateMap(initial.minStays().asMap()));
        ObjectNode histogram = Json.NODES.objectNode();
        QualityComparison.of(initial, optimized).buckets().forEach((minimum, counts) -> {
            ObjectNode bucket = histogram.putObject(Integer.toString(minimum));
            bucket.put("Initial", counts.initial());
            bucket.put("Optimized", counts.optimized());
        });
        result.set("QualityComparison", histogram);
    }

    /** Appends {@code ChannelRestrictions} after the SPEC keys. */
    public static void appendChannelRestrictions(ResultDocument result, ChannelRestrictions channel) {
        result.append(CHANNEL_RESTRICTIONS, channelRows(channel));
    }

    /** The channel rows as JSON; {@code RoomType} is {@code null} on the rows pooling every type. */
    public static ArrayNode channelRows(ChannelRestrictions channel) {
        ArrayNode rows = Json.NODES.arrayNode();
        for (ChannelRestrictions.Row row : channel.rows()) {
            ChannelRestrictions.Night night = row.restrictions();
            ObjectNode json = rows.addObject();
            json.put("RoomType", row.roomType());
            json.put("From", date(row.firstNight()));
            json.put("To", date(row.lastNight()));
            json.put("MinStayOnArrival", night.minStayOnArrival());
            json.put("MinStayThrough", night.minStayThrough());
            json.put("MaxStay", night.maxStay());
            json.put("ClosedToArrival", night.closedToArrival());
            json.put("ClosedToDeparture", night.closedToDeparture());
            json.put("FullyBooked", night.fullyBooked());
        }
        return rows;
    }

    private static Map<Integer, Integer> flags(Iterable<Integer> nights) {
        Map<Integer, Integer> map = new TreeMap<>();
        nights.forEach(night -> map.put(night, 1));
        return map;
    }

    private static ObjectNode stays(NavigableMap<Integer, List<Integer>> lengthsByArrival) {
        ObjectNode map = Json.NODES.objectNode();
        lengthsByArrival.forEach((arrival, lengths) -> {
            ArrayNode list = map.putArray(date(arrival));
            for (int length : lengths) {
                ObjectNode stay = list.addObject();
                stay.put("Arrival", date(arrival));
                stay.put("Length", length);
            }
        });
        return map;
    }

    private static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }
}
