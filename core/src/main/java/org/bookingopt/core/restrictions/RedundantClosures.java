package org.bookingopt.core.restrictions;

import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Redundancy removal, SPEC §5.7: drops closures a channel does not need because the stay they would block
 * is impossible anyway, around fully booked nights and where no minimum stay fits before one.
 */
final class RedundantClosures {
    private RedundantClosures() {
    }

    /** The final closures: CA and CD after §5.7. */
    static ArrivalDepartureClosures removeFrom(ArrivalDepartureClosures before, Inventory inventory,
                                               NightlyValues minimumStayOnArrival, NightlyValues minimumStayThrough) {
        NavigableSet<Integer> arrivals = new TreeSet<>(before.closedToArrival());
        NavigableSet<Integer> departures = new TreeSet<>(before.closedToDeparture());
        // 1. No minimum stay fits before the next full night: the arrival is impossible anyway. This compares
        //    the minimum stay covering the night, not the one starting on it (Q24, kept).
        arrivals.removeIf(night -> minimumStayThrough.get(night) > inventory.absoluteMaximumStay(night));
        // 2. Nothing arrives or departs on a full night (nor on E), and after one the minimum stay from
        //    the next night decides which departures are possible at all.
        for (int full = inventory.start(); full <= Math.min(inventory.end(), inventory.maxEnd()); full++) {
            if (!inventory.endsAbsoluteMaximum(full)) {
                continue;
            }
            arrivals.remove(full);
            departures.remove(full);
            int next = full + 1;
            if (next < inventory.end()) {
                departures.subSet(next, true, full + minimumStayOnArrival.get(next), true).clear();
            }
        }
        return new ArrivalDepartureClosures(arrivals, departures);
    }
}
