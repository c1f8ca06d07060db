package org.bookingopt.core.restrictions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * MaxStays, SPEC §5.5: the maximum stay covering a night, published sparsely, roughly on the nights where
 * that value changes. It reads CompMax, the maximum stay per arrival night (FixedMax, raised where
 * re-optimization proved a longer stay, Q22).
 */
final class MaximumStayThrough {
    private static final int NONE = -1;

    private MaximumStayThrough() {
    }

    static NavigableMap<Integer, Integer> of(Inventory inventory, NightlyValues computedMaximum) {
        int start = inventory.start();
        int end = inventory.end();
        int[] cover = new int[end - start];
        Arrays.fill(cover, NONE);
        // Step 1: while some room has been free since before the schedule, any length could pass through.
        for (int night = start; night <= inventory.dayRoomsFirstFilled(); night++) {
            cover[night - start] = end - start;
        }
        // Step 2: each arrival night's maximum covers the nights such a stay spans; ties keep the old value.
        for (int arrival = start; arrival < end; arrival++) {
            int maximum = computedMaximum.get(arrival);
            for (int night = arrival; night < Math.min(end, arrival + maximum); night++) {
                cover[night - start] = Math.max(cover[night - start], maximum);
            }
        }
        return pruned(inventory, computedMaximum, cover);
    }

    /**
     * Step 3: keep a night only if its value is news: it differs from the previous covered night's or it is
     * the night's own maximum. Nights whose own maximum already reaches E, and S itself, are never published.
     * For the first covered night "previous" wraps around to the last one (Q23, kept for parity). The wrap
     * never decides anything: the first covered night is either S (dropped) or covered by its own maximum
     * only (nothing earlier is covered), so its value equals its own maximum and it is kept either way.
     */
    private static NavigableMap<Integer, Integer> pruned(Inventory inventory, NightlyValues computedMaximum,
                                                         int[] cover) {
        int start = inventory.start();
        List<Integer> covered = new ArrayList<>();
        for (int night = start; night < inventory.end(); night++) {
            if (cover[night - start] != NONE) {
                covered.add(night);
            }
        }
        NavigableMap<Integer, Integer> kept = new TreeMap<>();
        for (int i = 0; i < covered.size(); i++) {
            int night = covered.get(i);
            int own = computedMaximum.get(night);
            if (night + own >= inventory.end() || night <= start) {
                continue;
            }
            int previous = covered.get(i == 0 ? covered.size() - 1 : i - 1);
            int value = cover[night - start];
            if (value == own || value != cover[previous - start]) {
                kept.put(night, value);
            }
        }
        return Collections.unmodifiableNavigableMap(kept);
    }
}
