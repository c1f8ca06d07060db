package org.bookingopt.core.restrictions;

/**
 * MinStart(x), SPEC §5.2: the minimum stay for guests arriving on night x. It is the configured m(x),
 * lowered where a departure on x opens a shorter gap: that gap can only be sold as a shorter stay.
 */
final class MinimumStayOnArrival {
    private MinimumStayOnArrival() {
    }

    static NightlyValues of(Inventory inventory) {
        return NightlyValues.compute(inventory.start(), inventory.end(), night -> on(inventory, night));
    }

    private static int on(Inventory inventory, int night) {
        int configured = inventory.minimumStay(night);
        if (night < inventory.firstDepartureDay()) {
            // Nobody has left yet, so no gap opened by a departure exists (Q35, kept).
            return configured;
        }
        // The schedule length only matters when the whole schedule is shorter than the minimum stay.
        int minimum = Math.min(configured, inventory.end() - inventory.start());
        for (RoomTimeline room : inventory.rooms()) {
            if (room.hasDepartureOn(night)) {
                int gap = room.nextArrival(night) - night;
                if (gap > 0) { // a back-to-back turnover opens no gap
                    minimum = Math.min(minimum, gap);
                }
            }
        }
        return minimum;
    }
}
