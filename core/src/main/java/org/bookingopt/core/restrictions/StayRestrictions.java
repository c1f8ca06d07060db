package org.bookingopt.core.restrictions;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;

/**
 * What a plan lets the hotel sell, night by night (SPEC §5): the four published maps and the per-night
 * values behind them that re-optimization (§6) and the impact analysis (§7) read. Nights are epoch days.
 *
 * @param inventory        the rooms and stays these restrictions describe
 * @param absMax           AbsMax(x), §3.5: longest stay from x crossing no full night of the inventory
 * @param fixedMax         FixedMax(x), §5.1: longest stay from x that fits the plan as it stands
 * @param minStart         MinStart(x), §5.2: minimum stay on arrival
 * @param initialClosures  CA₀ and CD₀, §5.3: closures before redundancy removal (read by §6)
 * @param compMax          CompMax(x), §5.5: FixedMax, raised where re-optimization proved more (Q22)
 * @param minStays         MinStays(x), §5.4: minimum stay through x, published for every night
 * @param maxStays         MaxStays, §5.5: maximum stay through a night, sparse
 * @param closures         CA and CD after redundancy removal (§5.7): {@code ClosedArrivals}/{@code ClosedDepartures}
 */
public record StayRestrictions(
        Inventory inventory,
        NightlyValues absMax,
        NightlyValues fixedMax,
        NightlyValues minStart,
        ArrivalDepartureClosures initialClosures,
        NightlyValues compMax,
        NightlyValues minStays,
        NavigableMap<Integer, Integer> maxStays,
        ArrivalDepartureClosures closures) {

    public StayRestrictions {
        maxStays = Collections.unmodifiableNavigableMap(new TreeMap<>(maxStays));
    }

    /** The restrictions of the whole hotel for {@code plan}, without re-optimization (CompMax = FixedMax). */
    public static StayRestrictions derive(AssignmentProblem problem, RoomPlan plan) {
        return derive(Inventory.wholeHotel(problem, plan));
    }

    /**
     * As {@link #derive(AssignmentProblem, RoomPlan)}, with the maximum stays re-optimization proved:
     * night → the longest stay from that night shown feasible (§6.4).
     */
    public static StayRestrictions derive(AssignmentProblem problem, RoomPlan plan,
                                          Map<Integer, Integer> provenMaxStays) {
        return derive(problem, plan).withProvenMaxStays(provenMaxStays);
    }

    /** The restrictions of any inventory (the whole hotel, or one room type), in the order of §5.6. */
    public static StayRestrictions derive(Inventory inventory) {
        NightlyValues absMax = NightlyValues.compute(inventory.start(), inventory.end(),
                inventory::absoluteMaximumStay);
        NightlyValues fixedMax = FixedMaxStay.of(inventory);
        NightlyValues minStart = MinimumStayOnArrival.of(inventory);
        ArrivalDepartureClosures initialClosures = ArrivalDepartureClosures.of(inventory);
        NightlyValues minStays = MinimumStayThrough.of(minStart);
        ArrivalDepartureClosures closures = RedundantClosures.removeFrom(initialClosures, inventory, minStart,
                minStays);
        return new StayRestrictions(inventory, absMax, fixedMax, minStart, initialClosures, fixedMax, minStays,
                MaximumStayThrough.of(inventory, fixedMax), closures);
    }

    /**
     * The same restrictions with CompMax raised to the lengths re-optimization proved (§6.2); only
     * {@code compMax} and {@code maxStays} change. Nights not listed keep FixedMax (Q22).
     *
     * @throws IllegalArgumentException for a night outside the schedule or a length below FixedMax: probing
     *                                  only ever raises the maximum (§11.3)
     */
    public StayRestrictions withProvenMaxStays(Map<Integer, Integer> provenMaxStays) {
        if (provenMaxStays.isEmpty()) {
            return this;
        }
        for (Map.Entry<Integer, Integer> e : provenMaxStays.entrySet()) {
            int night = e.getKey();
            if (night < fixedMax.first() || night >= fixedMax.end()) {
                throw new IllegalArgumentException("night " + night + " is outside the schedule");
            }
            if (e.getValue() < fixedMax.get(night)) {
                throw new IllegalArgumentException("night " + night + ": a proven maximum stay of " + e.getValue()
                        + " is below the fixed plan's " + fixedMax.get(night));
            }
        }
        NightlyValues raised = NightlyValues.compute(fixedMax.first(), fixedMax.end(),
                night -> provenMaxStays.getOrDefault(night, fixedMax.get(night)));
        return new StayRestrictions(inventory, absMax, fixedMax, minStart, initialClosures, raised, minStays,
                MaximumStayThrough.of(inventory, raised), closures);
    }

    /** Final CA: the {@code ClosedArrivals} nights. */
    public NavigableSet<Integer> closedArrivals() {
        return closures.closedToArrival();
    }

    /** Final CD: the {@code ClosedDepartures} nights. */
    public NavigableSet<Integer> closedDepartures() {
        return closures.closedToDeparture();
    }
}
