package org.bookingopt.core.restrictions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The impact of the published restrictions, SPEC §7.1: per arrival night, the stay lengths that the room
 * plan could hold but that a closure or a maximum stay keeps a guest from booking. These are the
 * {@code StaysAvoidedByCa}, {@code StaysAvoidedByCd} and {@code StaysAvoidedByMax} keys.
 *
 * @param byClosedArrival   arrival night → lengths only the arrival closure blocks
 * @param byClosedDeparture arrival night → lengths whose departure day is closed to departure
 * @param byMaximumStay     arrival night → the first length above the published maximum stay (one at most)
 */
public record StaysAvoided(NavigableMap<Integer, List<Integer>> byClosedArrival,
                           NavigableMap<Integer, List<Integer>> byClosedDeparture,
                           NavigableMap<Integer, List<Integer>> byMaximumStay) {

    public StaysAvoided {
        byClosedArrival = frozen(byClosedArrival);
        byClosedDeparture = frozen(byClosedDeparture);
        byMaximumStay = frozen(byMaximumStay);
    }

    private static NavigableMap<Integer, List<Integer>> frozen(NavigableMap<Integer, List<Integer>> map) {
        NavigableMap<Integer, List<Integer>> copy = new TreeMap<>();
        map.forEach((night, lengths) -> copy.put(night, List.copyOf(lengths)));
        return Collections.unmodifiableNavigableMap(copy);
    }

    /**
     * The impact of the final closures and the pruned {@code MaxStays} (the published values), on the
     * nights [FirstArr, MaxEnd) that are not in FB_restr. The two loops are deliberately asymmetric and
     * read MaxStays on the departure day, a night the guest does not stay (Q37, kept).
     */
    public static StaysAvoided of(StayRestrictions restrictions) {
        Inventory hotel = restrictions.inventory();
        NavigableMap<Integer, List<Integer>> byArrival = new TreeMap<>();
        NavigableMap<Integer, List<Integer>> byDeparture = new TreeMap<>();
        NavigableMap<Integer, List<Integer>> byMaximum = new TreeMap<>();
        NavigableMap<Integer, Integer> maxStays = restrictions.maxStays();
        for (int night = hotel.firstArrival(); night < hotel.maxEnd(); night++) {
            if (hotel.endsAbsoluteMaximum(night)) {
                continue;
            }
            int absMax = restrictions.absMax().get(night);
            int cap = maxStays.getOrDefault(night, absMax);
            int minimum = restrictions.minStart().get(night);
            if (restrictions.closedArrivals().contains(night)) {
                // Lengths the plan holds (up to CompMax) that pass every other restriction.
                for (int length = minimum; length <= restrictions.compMax().get(night); length++) {
                    cap = Math.min(cap, maxStays.getOrDefault(night + length, cap));
                    if (length <= cap && !restrictions.closedDepartures().contains(night + length)) {
                        add(byArrival, night, length);
                    }
                }
                continue;
            }
            for (int length = minimum; length <= absMax; length++) {
                boolean overMaximum = length > cap;
                if (overMaximum) {
                    add(byMaximum, night, length);
                }
                cap = Math.min(cap, maxStays.getOrDefault(night + length, cap));
                if (restrictions.closedDepartures().contains(night + length)) {
                    add(byDeparture, night, length);
                }
                if (overMaximum) {
                    break; // only the first length above the maximum is recorded
                }
            }
        }
        return new StaysAvoided(byArrival, byDeparture, byMaximum);
    }

    private static void add(NavigableMap<Integer, List<Integer>> map, int night, int length) {
        map.computeIfAbsent(night, n -> new ArrayList<>()).add(length);
    }
}
