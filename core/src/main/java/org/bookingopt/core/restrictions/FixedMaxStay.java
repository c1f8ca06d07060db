package org.bookingopt.core.restrictions;

/**
 * FixedMax(x), SPEC §5.1: the longest stay from night x that fits into one room of the plan as it stands,
 * i.e. the longest gap starting at x in a room free on x (0 when every room is taken).
 */
final class FixedMaxStay {
    private FixedMaxStay() {
    }

    static NightlyValues of(Inventory inventory) {
        return NightlyValues.compute(inventory.start(), inventory.end(), night -> on(inventory, night));
    }

    private static int on(Inventory inventory, int night) {
        int longest = 0;
        boolean someRoomPastItsLastStay = false;
        for (RoomTimeline room : inventory.rooms()) {
            if (room.isFreeOn(night)) {
                longest = Math.max(longest, room.nextArrival(night) - night);
            }
            someRoomPastItsLastStay |= !room.isEmpty() && night >= room.lastDeparture();
        }
        int toScheduleEnd = inventory.end() - night;
        if (night >= inventory.maxEnd()) {
            // Only when the request window stretches E beyond the last departure: nothing is booked here.
            return toScheduleEnd;
        }
        // A room whose stays are over is free up to Z; the schedule ends at E, though. A completely empty
        // room alone does not trigger this cap, so FixedMax can exceed E − x (Q36, kept for the fixtures).
        return someRoomPastItsLastStay ? Math.min(longest, toScheduleEnd) : longest;
    }
}
