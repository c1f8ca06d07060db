package org.bookingopt.core.restrictions;

import java.util.Arrays;
import java.util.List;

import org.bookingopt.core.plan.Stay;

/**
 * One room's stays as SPEC §5 reads them: its arrivals and its departures, each sorted, each closed by the
 * sentinel Z = E + M + 1, the "next arrival" of a room with no further stays.
 */
final class RoomTimeline {
    private final int[] arrivals;
    private final int[] departures;
    private final int sentinel;
    private final int noDepartureYet;

    /**
     * @param stays          the stays the plan put in this room
     * @param sentinel       Z
     * @param noDepartureYet what {@link #previousDeparture} answers before the room's first departure: S − M,
     *                       as if the room had been free for a minimum stay before the schedule
     */
    RoomTimeline(List<Stay> stays, int sentinel, int noDepartureYet) {
        this.arrivals = closedBy(stays.stream().mapToInt(Stay::arrival).sorted().toArray(), sentinel);
        this.departures = closedBy(stays.stream().mapToInt(Stay::departure).sorted().toArray(), sentinel);
        this.sentinel = sentinel;
        this.noDepartureYet = noDepartureYet;
    }

    private static int[] closedBy(int[] days, int sentinel) {
        int[] closed = Arrays.copyOf(days, days.length + 1);
        closed[days.length] = sentinel;
        return closed;
    }

    boolean isEmpty() {
        return arrivals.length == 1;
    }

    /** The first arrival, or Z for an empty room. */
    int firstArrival() {
        return arrivals[0];
    }

    /** The last departure; only meaningful for a room with stays. */
    int lastDeparture() {
        return departures[departures.length - 2];
    }

    /** nextArr(x): the earliest arrival on or after x, or Z. For a free room, where its current gap ends. */
    int nextArrival(int night) {
        return arrivals[firstIndexAtLeast(arrivals, night)];
    }

    /** prevDep(x): the latest departure on or before x, or S − M when none. */
    int previousDeparture(int night) {
        int i = firstIndexAtLeast(departures, night + 1) - 1;
        return i < 0 ? noDepartureYet : departures[i];
    }

    /**
     * curArr(x): the arrival of the earliest stay still in the room after night x, or Z. At most x when
     * the room is occupied on x, the end of its gap when it is free.
     */
    int currentArrival(int night) {
        return arrivals[firstIndexAtLeast(departures, night + 1)];
    }

    boolean isFreeOn(int night) {
        return currentArrival(night) > night;
    }

    /** Whether a stay leaves this room on the morning of {@code day}. */
    boolean hasDepartureOn(int day) {
        int i = firstIndexAtLeast(departures, day);
        return departures[i] == day && day != sentinel;
    }

    /** The first index whose day is at least {@code day}; the sentinel bounds the search for days up to Z. */
    private static int firstIndexAtLeast(int[] days, int day) {
        int low = 0;
        int high = days.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (days[mid] >= day) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
