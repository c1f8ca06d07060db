package org.bookingopt.core.plot;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The per-date restrictions drawn above a plan (SPEC §5): closed to departure, closed to arrival, minimum
 * stay and maximum stay, by epoch day. Read from a result object's date maps, so a chart needs nothing but
 * the problem and its result.
 *
 * @param closedDepartures nights closed to departure ({@code ClosedDepartures})
 * @param closedArrivals   nights closed to arrival ({@code ClosedArrivals})
 * @param minStays         minimum stay through a night ({@code MinStays}, one value per night)
 * @param maxStays         maximum stay through a night ({@code MaxStays}, sparse)
 * @param lines            which of the four lines are known and drawn, in {@link Line} order
 */
public record ChartRestrictions(NavigableSet<Integer> closedDepartures, NavigableSet<Integer> closedArrivals,
                                NavigableMap<Integer, Integer> minStays, NavigableMap<Integer, Integer> maxStays,
                                Set<Line> lines) {

    /** The lines above the grid, top to bottom, as the previous system drew them. */
    public enum Line {
        CLOSED_TO_DEPARTURE("CD", "Closed to departure"),
        CLOSED_TO_ARRIVAL("CA", "Closed to arrival"),
        MIN_STAY("Min", "Min stay"),
        MAX_STAY("Max", "Max stay");

        private final String shortLabel;
        private final String label;

        Line(String shortLabel, String label) {
            this.shortLabel = shortLabel;
            this.label = label;
        }

        public String shortLabel() {
            return shortLabel;
        }

        public String label() {
            return label;
        }
    }

    public ChartRestrictions {
        closedDepartures = Collections.unmodifiableNavigableSet(new TreeSet<>(closedDepartures));
        closedArrivals = Collections.unmodifiableNavigableSet(new TreeSet<>(closedArrivals));
        minStays = Collections.unmodifiableNavigableMap(new TreeMap<>(minStays));
        maxStays = Collections.unmodifiableNavigableMap(new TreeMap<>(maxStays));
        lines = lines.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(lines));
    }

    /** No restriction lines: the chart shows the plan only. */
    public static ChartRestrictions none() {
        return new ChartRestrictions(new TreeSet<>(), new TreeSet<>(), new TreeMap<>(), new TreeMap<>(), Set.of());
    }

    /** All four lines, from known values. */
    public static ChartRestrictions of(Set<Integer> closedDepartures, Set<Integer> closedArrivals,
                                       Map<Integer, Integer> minStays, Map<Integer, Integer> maxStays) {
        return new ChartRestrictions(new TreeSet<>(closedDepartures), new TreeSet<>(closedArrivals),
                new TreeMap<>(minStays), new TreeMap<>(maxStays), EnumSet.allOf(Line.class));
    }

    /**
     * The restrictions a result object publishes ({@code ClosedDepartures}, {@code ClosedArrivals},
     * {@code MinStays}, {@code MaxStays}). A result without any (a failed run) gives {@link #none()}:
     * {@code MinStays} has a value on every night whenever restrictions were derived.
     */
    public static ChartRestrictions fromResult(JsonNode result) {
        NavigableMap<Integer, Integer> minStays = values(result.get("MinStays"));
        NavigableMap<Integer, Integer> maxStays = values(result.get("MaxStays"));
        NavigableSet<Integer> closedDepartures = new TreeSet<>(values(result.get("ClosedDepartures")).keySet());
        NavigableSet<Integer> closedArrivals = new TreeSet<>(values(result.get("ClosedArrivals")).keySet());
        if (minStays.isEmpty() && maxStays.isEmpty() && closedDepartures.isEmpty() && closedArrivals.isEmpty()) {
            return none();
        }
        return of(closedDepartures, closedArrivals, minStays, maxStays);
    }

    /**
     * What a result says about the restrictions of its {@code InitialPlan}: only the minimum stays
     * ({@code InitialMinStays}, SPEC §7.2); closures and maximum stays of the initial plan are not published.
     */
    public static ChartRestrictions initialFromResult(JsonNode result) {
        NavigableMap<Integer, Integer> minStays = values(result.get("InitialMinStays"));
        if (minStays.isEmpty()) {
            return none();
        }
        return new ChartRestrictions(new TreeSet<>(), new TreeSet<>(), minStays, new TreeMap<>(),
                EnumSet.of(Line.MIN_STAY));
    }

    public boolean shows(Line line) {
        return lines.contains(line);
    }

    /** A date map of the result ({@code "2021-03-07": 5}) by epoch day; values rounded down (5.0 is 5). */
    private static NavigableMap<Integer, Integer> values(JsonNode map) {
        NavigableMap<Integer, Integer> values = new TreeMap<>();
        if (map == null || !map.isObject()) {
            return values;
        }
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            int day = (int) LocalDate.parse(e.getKey()).toEpochDay();
            values.put(day, e.getValue().isNumber() ? (int) Math.floor(e.getValue().doubleValue()) : 1);
        }
        return values;
    }
}
