package org.bookingopt.core.restrictions;

import java.util.Arrays;

/**
 * MinStays(x), SPEC §5.4: the minimum stay of any stay covering night x, i.e. the smallest MinStart(y)
 * whose minimum-length stay from y still covers x. This is the per-date {@code MinStays} value.
 */
final class MinimumStayThrough {
    private MinimumStayThrough() {
    }

    static NightlyValues of(NightlyValues minimumStayOnArrival) {
        int first = minimumStayOnArrival.first();
        int end = minimumStayOnArrival.end();
        int[] through = new int[end - first];
        Arrays.fill(through, Integer.MAX_VALUE);
        for (int arrival = first; arrival < end; arrival++) {
            int minimum = minimumStayOnArrival.get(arrival);
            for (int night = arrival; night < Math.min(end, arrival + minimum); night++) {
                through[night - first] = Math.min(through[night - first], minimum);
            }
        }
        // Every MinStart is at least 1, so each night is covered at least by its own arrivals.
        return NightlyValues.compute(first, end, night -> through[night - first]);
    }
}
