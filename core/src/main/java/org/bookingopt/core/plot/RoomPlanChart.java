package org.bookingopt.core.plot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bookingopt.core.json.PlanRows;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.model.RoomNumber;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.GapCost;
import org.bookingopt.core.plan.RoomPlan;

import tools.jackson.databind.JsonNode;

/**
 * One plan as a chart: the hotel's rooms, a bar per stay, the minimum stay of every date (to find the
 * orphan nights) and the restrictions drawn above the grid. Dates are epoch days.
 *
 * @param title         what the panel shows, e.g. "Optimized plan"
 * @param rooms         the hotel's rooms in input order
 * @param start         first night drawn (S)
 * @param end           the day after the last night drawn (E)
 * @param minimumStays  m(x) for x in [start, end] (SPEC §3.2)
 * @param bars          one per plan row, in row order
 * @param restrictions  the lines drawn above the grid
 */
public record RoomPlanChart(String title, List<Room> rooms, int start, int end, List<Integer> minimumStays,
                            List<Bar> bars, ChartRestrictions restrictions) {

    /** A room, labelled with its number and grouped with the other rooms of its type. */
    public record Room(String number, String type) {
    }

    /**
     * A stay's bar: nights [arrival, departure) in room {@code room} (index into {@link #rooms()}).
     *
     * @param label   the reservation's name, drawn on the bar when it fits
     * @param moved   whether the stay is in another room than in the initial plan (before/after charts)
     * @param details a sentence about the stay (guest, dates, room, why), the bar's tooltip in SVG
     */
    public record Bar(int room, int arrival, int departure, String label, BarKind kind, boolean moved,
                      String details) {
        public int nights() {
            return departure - arrival;
        }

        Bar asMoved() {
            return new Bar(room, arrival, departure, label, kind, true, details + " · moved");
        }
    }

    /** Free nights [from, to) between two stays in a room, fewer than the minimum stay of {@code from}. */
    public record Gap(int room, int from, int to, int minimumStay) {
        public int nights() {
            return to - from;
        }
    }

    /** Which plan of a result to draw. */
    public enum Plan {
        INITIAL("InitialPlan", "Initial plan"),
        OPTIMIZED("OptimizedPlan", "Optimized plan");

        private final String key;
        private final String title;

        Plan(String key, String title) {
            this.key = key;
            this.title = title;
        }

        /** The result object's key of this plan. */
        public String key() {
            return key;
        }

        public String title() {
            return title;
        }
    }

    public RoomPlanChart {
        rooms = List.copyOf(rooms);
        minimumStays = List.copyOf(minimumStays);
        bars = List.copyOf(bars);
        if (end <= start) {
            throw new IllegalArgumentException("a chart needs at least one night");
        }
        if (minimumStays.size() != end - start + 1) {
            throw new IllegalArgumentException("one minimum stay per day from start to end is needed");
        }
        for (Bar bar : bars) {
            if (bar.room() < 0 || bar.room() >= rooms.size() || bar.arrival() < start || bar.departure() > end
                    || bar.departure() <= bar.arrival()) {
                throw new IllegalArgumentException("stay outside the chart: " + bar);
            }
        }
    }

    /** A plan of an assignment problem, e.g. a solver's or {@link AssignmentProblem#currentPlan()}. */
    public static RoomPlanChart of(AssignmentProblem problem, RoomPlan plan, ChartRestrictions restrictions,
                                   String title) {
        return fromRows(problem.problem(), PlanRows.of(problem, plan, true, true), problem.schedule().start(),
                problem.schedule().end(), restrictions, title);
    }

    /**
     * A plan of a result object (SPEC §9.1) for its problem: the rows of {@code InitialPlan} or
     * {@code OptimizedPlan} (any mode: split segments of new reservations are rows too), with the
     * restrictions the result publishes for that plan.
     *
     * @throws IllegalArgumentException when the result has no such plan (a failed run, no current plan)
     */
    public static RoomPlanChart fromResult(Problem problem, JsonNode result, Plan which) {
        JsonNode rows = result.get(which.key());
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            throw new IllegalArgumentException("the result has no " + which.key());
        }
        ChartRestrictions restrictions = which == Plan.OPTIMIZED ? ChartRestrictions.fromResult(result)
                : ChartRestrictions.initialFromResult(result);
        return fromRows(problem, rows, day(result.get("ScheduleStart")), day(result.get("ScheduleEnd")),
                restrictions, which.title());
    }

    /**
     * @param scheduleStart S, or {@code null} to start at the first arrival
     * @param scheduleEnd   E, or {@code null} to end at the last departure
     */
    static RoomPlanChart fromRows(Problem problem, JsonNode rows, Integer scheduleStart, Integer scheduleEnd,
                                  ChartRestrictions restrictions, String title) {
        List<Room> rooms = problem.rooms().stream().map(r -> new Room(r.number().text(), r.type())).toList();
        Map<RoomNumber, Integer> roomIndex = new HashMap<>();
        Map<String, Integer> roomIndexByText = new HashMap<>();
        for (int r = problem.rooms().size() - 1; r >= 0; r--) {
            roomIndex.put(problem.rooms().get(r).number(), r);
            roomIndexByText.put(problem.rooms().get(r).number().text(), r);
        }
        Set<String> groups = groupsOfTwoOrMore(rows);
        int start = scheduleStart == null ? Integer.MAX_VALUE : scheduleStart;
        int end = scheduleEnd == null ? Integer.MIN_VALUE : scheduleEnd;
        List<Bar> bars = new ArrayList<>();
        for (JsonNode row : rows) {
            JsonNode roomNode = row.path("AssignedRoom");
            String roomText = roomNode.isNumber() ? roomNode.asString() : roomNode.asString("");
            Integer room = roomIndex.get(new RoomNumber(roomText, roomNode.isNumber()));
            if (room == null) {
                room = roomIndexByText.get(roomText);
            }
            if (room == null) {
                throw new IllegalArgumentException("plan row " + row + " names no room of the hotel");
            }
            int arrival = (int) LocalDate.parse(row.path("Arrival").asString()).toEpochDay();
            int departure = arrival + row.path("Length").asInt();
            start = Math.min(start, arrival);
            end = Math.max(end, departure);
            JsonNode group = row.path("AdjacencyGroup");
            BarKind kind = BarKind.of(row.path("IsLocked").asBoolean(false),
                    !group.isMissingNode() && !group.isNull() && groups.contains(group.toString()),
                    row.path("TestStay").asBoolean(false));
            String name = row.path("Name").asString("");
            bars.add(new Bar(room, arrival, departure, name, kind, false,
                    details(row, name, arrival, departure, rooms.get(room))));
        }
        List<Integer> minimumStays = new ArrayList<>();
        for (int day = start; day <= end; day++) {
            minimumStays.add(problem.minimumStayOn(LocalDate.ofEpochDay(day)));
        }
        return new RoomPlanChart(title, rooms, start, end, minimumStays, bars, restrictions);
    }

    /**
     * Labels (as JSON text, so {@code 0} and {@code "0"} differ) carried by two or more reservations; the
     * segments of one split new reservation count once (SPEC §4.5).
     */
    private static Set<String> groupsOfTwoOrMore(JsonNode rows) {
        Map<String, Set<String>> owners = new HashMap<>();
        int index = 0;
        for (JsonNode row : rows) {
            JsonNode group = row.path("AdjacencyGroup");
            JsonNode split = row.path("SplitGroup");
            String owner = split.isNumber() ? "split " + split.asString() : "row " + index;
            if (!group.isMissingNode() && !group.isNull()) {
                owners.computeIfAbsent(group.toString(), k -> new LinkedHashSet<>()).add(owner);
            }
            index++;
        }
        Set<String> groups = new LinkedHashSet<>();
        owners.forEach((label, who) -> {
            if (who.size() >= 2) {
                groups.add(label);
            }
        });
        return groups;
    }

    private static String details(JsonNode row, String name, int arrival, int departure, Room room) {
        StringBuilder text = new StringBuilder(name.isEmpty() ? "(no name)" : name);
        JsonNode id = row.path("Id");
        if (!id.isMissingNode() && !id.isNull() && !id.asString().equals("-1")) {
            text.append(" (Id ").append(id.asString()).append(')');
        }
        text.append(" · ").append(LocalDate.ofEpochDay(arrival)).append(" → ").append(LocalDate.ofEpochDay(departure))
                .append(", ").append(departure - arrival).append(departure - arrival == 1 ? " night" : " nights")
                .append(" · room ").append(room.number()).append(" (").append(room.type()).append(')');
        JsonNode group = row.path("AdjacencyGroup");
        if (!group.isMissingNode() && !group.isNull()) {
            text.append(" · group ").append(group.isString() ? group.stringValue() : group.toString());
        }
        if (row.path("IsLocked").asBoolean(false)) {
            text.append(" · locked");
        }
        if (row.path("TestStay").asBoolean(false)) {
            text.append(" · new reservation");
        }
        String reason = row.path("Reason").asString("");
        if (!reason.isEmpty() && !reason.equals("locked")) {
            text.append(" · ").append(reason);
        }
        return text.toString();
    }

    private static Integer day(JsonNode date) {
        return date == null || !date.isString() || date.stringValue().isEmpty() ? null
                : (int) LocalDate.parse(date.stringValue()).toEpochDay();
    }

    /** The same chart under another title. */
    public RoomPlanChart withTitle(String newTitle) {
        return new RoomPlanChart(newTitle, rooms, start, end, minimumStays, bars, restrictions);
    }

    RoomPlanChart withBars(List<Bar> newBars) {
        return new RoomPlanChart(title, rooms, start, end, minimumStays, newBars, restrictions);
    }

    public int nights() {
        return end - start;
    }

    /** m(day), for a day in [start, end]. */
    public int minimumStay(int day) {
        return minimumStays.get(day - start);
    }

    /** The room types in order of first appearance, the order of the chart's bands. */
    public List<String> types() {
        return rooms.stream().map(Room::type).distinct().toList();
    }

    /** Room indices top to bottom: grouped by type (bands in {@link #types()} order), input order within. */
    public List<Integer> roomOrder() {
        List<String> types = types();
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < rooms.size(); r++) {
            order.add(r);
        }
        order.sort(Comparator.comparingInt((Integer r) -> types.indexOf(rooms.get(r).type())));
        return order;
    }

    /**
     * The interior gaps shorter than the minimum stay of their first night, room by room: the orphan nights
     * of SPEC §4.3 that the objective counts.
     */
    public List<Gap> orphanGaps() {
        List<List<Bar>> byRoom = new ArrayList<>();
        rooms.forEach(r -> byRoom.add(new ArrayList<>()));
        bars.forEach(b -> byRoom.get(b.room()).add(b));
        List<Gap> gaps = new ArrayList<>();
        for (int r = 0; r < byRoom.size(); r++) {
            List<Bar> timeline = byRoom.get(r);
            timeline.sort(Comparator.comparingInt(Bar::arrival).thenComparingInt(Bar::departure));
            int departure = Integer.MIN_VALUE;
            for (Bar bar : timeline) {
                if (departure != Integer.MIN_VALUE && GapCost.isOrphan(bar.arrival() - departure, minimumStay(departure))) {
                    gaps.add(new Gap(r, departure, bar.arrival(), minimumStay(departure)));
                }
                departure = Math.max(departure, bar.departure());
            }
        }
        return gaps;
    }

    public int orphanNights() {
        return orphanGaps().stream().mapToInt(Gap::nights).sum();
    }
}
