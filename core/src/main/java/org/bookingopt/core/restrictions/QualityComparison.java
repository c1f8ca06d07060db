package org.bookingopt.core.restrictions;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code QualityComparison}, SPEC §7.2: how many nights publish each minimum stay (through the night)
 * under the current plan ("Initial") and under the optimized one ("Optimized"). Shorter minimum stays on
 * more nights mean more sellable stays.
 *
 * @param buckets minimum stay → night counts; 1 … M always present, others only when some night has them
 */
public record QualityComparison(Map<Integer, Counts> buckets) {

    /** @param initial nights of the current plan, @param optimized nights of the optimized plan */
    public record Counts(int initial, int optimized) {
    }

    public QualityComparison {
        buckets = Collections.unmodifiableMap(new TreeMap<>(buckets));
    }

    /**
     * Counts every schedule night except the fully booked ones (FB₀, our rule Q25 in every mode: nothing can
     * be sold on them, so their minimum stay says nothing about quality).
     */
    public static QualityComparison of(StayRestrictions initial, StayRestrictions optimized) {
        Inventory hotel = optimized.inventory();
        Map<Integer, int[]> counts = new TreeMap<>();
        for (int minimum = 1; minimum <= hotel.globalMinimumStay(); minimum++) {
            counts.put(minimum, new int[2]);
        }
        for (int night = initial.minStays().first(); night < initial.minStays().end(); night++) {
            if (hotel.isFullyBooked(night)) {
                continue;
            }
            counts.computeIfAbsent(initial.minStays().get(night), m -> new int[2])[0]++;
            counts.computeIfAbsent(optimized.minStays().get(night), m -> new int[2])[1]++;
        }
        Map<Integer, Counts> buckets = new TreeMap<>();
        counts.forEach((minimum, c) -> buckets.put(minimum, new Counts(c[0], c[1])));
        return new QualityComparison(buckets);
    }
}
