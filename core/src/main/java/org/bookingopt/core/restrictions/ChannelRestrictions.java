package org.bookingopt.core.restrictions;

import java.util.ArrayList;
import java.util.List;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;

/**
 * The restrictions in the shape channel managers take (issue 4, item 5): per room type and date range,
 * minimum stay on arrival and through, maximum stay, closed to arrival (CTA) and to departure (CTD).
 * Consecutive nights with equal values share one row. The rows for all room types pooled come first: they
 * are the reference keys' view of SPEC §9.1; then, per room type in hotel order, SPEC §5 run on the rooms of
 * that type with the stays the plan put in them (a stay that accepts several types counts where it was
 * placed). See {@code docs/channel-restrictions.md}.
 *
 * @param rows pooled rows first, then each room type's, each in date order
 */
public record ChannelRestrictions(List<Row> rows) {

    /** The value of {@link Row#roomType()} on the rows that pool every room type. */
    public static final String ALL_ROOM_TYPES = null;

    public ChannelRestrictions {
        rows = List.copyOf(rows);
    }

    /**
     * What applies to one night.
     *
     * @param minStayOnArrival  minimum length of a stay arriving that night: MinStart(x), §5.2
     * @param minStayThrough    minimum length of any stay covering that night: MinStays(x), §5.4
     * @param maxStay           maximum length of a stay arriving that night: CompMax(x) capped at E − x (Q36),
     *                          or {@code null} on a fully booked night, where nothing can arrive (a 0 would read
     *                          as "no limit" in many channel managers)
     * @param closedToArrival   final CA (§5.7)
     * @param closedToDeparture final CD (§5.7)
     * @param fullyBooked       every room (of the type) is taken: the channel's availability closes the night
     */
    public record Night(int minStayOnArrival, int minStayThrough, Integer maxStay, boolean closedToArrival,
                        boolean closedToDeparture, boolean fullyBooked) {
    }

    /**
     * Nights [firstNight, lastNight], both included, with the same restrictions.
     *
     * @param roomType   the room type, or {@link #ALL_ROOM_TYPES} ({@code null}) for the pooled rows
     * @param firstNight epoch day of the first night
     * @param lastNight  epoch day of the last night (inclusive, as channel managers take ranges)
     */
    public record Row(String roomType, int firstNight, int lastNight, Night restrictions) {
        public boolean allRoomTypes() {
            return roomType == null;
        }
    }

    /**
     * @param pooled the whole hotel's restrictions of {@code plan}, possibly with re-optimized maximum stays;
     *               the per-type rows use each type's fixed-plan maximum (re-optimization is hotel-wide)
     */
    public static ChannelRestrictions of(AssignmentProblem problem, RoomPlan plan, StayRestrictions pooled) {
        List<Row> rows = new ArrayList<>(compressed(ALL_ROOM_TYPES, pooled));
        for (int type = 0; type < problem.types().size(); type++) {
            StayRestrictions ofType = StayRestrictions.derive(Inventory.roomType(problem, plan, type));
            rows.addAll(compressed(problem.types().get(type), ofType));
        }
        return new ChannelRestrictions(rows);
    }

    private static List<Row> compressed(String roomType, StayRestrictions restrictions) {
        List<Row> rows = new ArrayList<>();
        Inventory inventory = restrictions.inventory();
        for (int night = inventory.start(); night < inventory.end(); night++) {
            Night values = night(restrictions, night);
            Row last = rows.isEmpty() ? null : rows.getLast();
            if (last != null && last.restrictions().equals(values)) {
                rows.set(rows.size() - 1, new Row(roomType, last.firstNight(), night, values));
            } else {
                rows.add(new Row(roomType, night, night, values));
            }
        }
        return rows;
    }

    private static Night night(StayRestrictions restrictions, int night) {
        Inventory inventory = restrictions.inventory();
        boolean full = inventory.isFullyBooked(night);
        Integer maxStay = full ? null : Math.min(restrictions.compMax().get(night), inventory.end() - night);
        return new Night(restrictions.minStart().get(night), restrictions.minStays().get(night), maxStay,
                restrictions.closedArrivals().contains(night), restrictions.closedDepartures().contains(night),
                full);
    }
}
