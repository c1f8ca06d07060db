package org.bookingopt.core.restrictions;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The nights closed to arrival (no room can take a guest arriving that day) and closed to departure (no
 * room can let a guest leave that day) without leaving a gap shorter than the minimum stay. {@link #of}
 * gives CA₀ and CD₀ of SPEC §5.3, the sets re-optimization (§6) reads; {@link RedundantClosures} turns them
 * into the published ones.
 *
 * @param closedToArrival   closed-to-arrival nights, epoch days
 * @param closedToDeparture closed-to-departure nights, epoch days
 */
public record ArrivalDepartureClosures(NavigableSet<Integer> closedToArrival, NavigableSet<Integer> closedToDeparture) {

    public ArrivalDepartureClosures {
        closedToArrival = Collections.unmodifiableNavigableSet(new TreeSet<>(closedToArrival));
        closedToDeparture = Collections.unmodifiableNavigableSet(new TreeSet<>(closedToDeparture));
    }

    /** CA₀ and CD₀ of SPEC §5.3. */
    static ArrivalDepartureClosures of(Inventory inventory) {
        NavigableSet<Integer> arrivals = new TreeSet<>();
        NavigableSet<Integer> departures = new TreeSet<>();
        for (int night = inventory.start(); night < inventory.end(); night++) {
            boolean arrivalAllowed = false;
            boolean departureAllowed = night == inventory.end() - 1; // (D3): the schedule's last night
            for (RoomTimeline room : inventory.rooms()) {
                int previousDeparture = room.previousDeparture(night);
                int currentArrival = room.currentArrival(night);
                // (A2) = (D2): a minimum stay that started when the gap opened could end today, and a
                // minimum stay starting today ends before the room's next guest arrives.
                boolean minimumStaysFitBothWays = night - previousDeparture >= inventory.minimumStayStar(previousDeparture)
                        && currentArrival - night >= inventory.minimumStay(night);
                // (A1): a guest leaves this morning and the room is free tonight; the gap length is not checked.
                boolean turnover = previousDeparture == night && currentArrival > night;
                // (D1): a guest arrives today after at least one free night.
                boolean arrivalAfterGap = currentArrival == night && previousDeparture < night;
                arrivalAllowed |= turnover || minimumStaysFitBothWays;
                departureAllowed |= arrivalAfterGap || minimumStaysFitBothWays;
            }
            if (!arrivalAllowed) {
                arrivals.add(night);
            }
            if (!departureAllowed) {
                departures.add(night);
            }
        }
        return new ArrivalDepartureClosures(arrivals, departures);
    }
}
