package org.bookingopt.core.restrictions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import org.bookingopt.core.model.Schedule;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * The rooms a set of restrictions is about, with the stays a plan put in them: the whole hotel (the
 * reference keys of SPEC §9.1) or the rooms of one type (the channel export). The schedule window, the
 * minimum stays m(x) and the problem constants FirstArr and MaxEnd are the hotel's either way; whether a
 * night is fully booked, and so the absolute maximum stay, depends on these rooms only.
 */
public final class Inventory {
    private final Schedule schedule;
    private final List<RoomTimeline> rooms;
    private final int[] occupancy;
    private final int firstDepartureDay;

    private Inventory(Schedule schedule, List<List<Stay>> staysByRoom) {
        this.schedule = schedule;
        int sentinel = schedule.end() + schedule.globalMinimumStay() + 1;
        int noDepartureYet = schedule.start() - schedule.globalMinimumStay();
        this.rooms = staysByRoom.stream().map(s -> new RoomTimeline(s, sentinel, noDepartureYet)).toList();
        this.occupancy = new int[schedule.nights()];
        int earliestDeparture = Integer.MAX_VALUE;
        for (List<Stay> stays : staysByRoom) {
            for (Stay s : stays) {
                for (int night = s.arrival(); night < s.departure(); night++) {
                    occupancy[night - schedule.start()]++;
                }
                earliestDeparture = Math.min(earliestDeparture, s.departure());
            }
        }
        this.firstDepartureDay = Math.min(schedule.maxEnd(), earliestDeparture);
    }

    /** Every room of the hotel: what the reference keys describe. */
    public static Inventory wholeHotel(AssignmentProblem problem, RoomPlan plan) {
        return of(problem, plan, room -> true);
    }

    /** The rooms of one type (index into {@link AssignmentProblem#types()}), for the channel export. */
    public static Inventory roomType(AssignmentProblem problem, RoomPlan plan, int type) {
        return of(problem, plan, room -> problem.typeOf(room) == type);
    }

    private static Inventory of(AssignmentProblem problem, RoomPlan plan, IntPredicate includesRoom) {
        List<List<Stay>> byRoom = new ArrayList<>();
        int[] position = new int[problem.roomCount()];
        for (int room = 0; room < problem.roomCount(); room++) {
            position[room] = includesRoom.test(room) ? byRoom.size() : -1;
            if (position[room] >= 0) {
                byRoom.add(new ArrayList<>());
            }
        }
        for (Stay s : problem.stays()) {
            int at = position[plan.room(s.index())];
            if (at >= 0) {
                byRoom.get(at).add(s);
            }
        }
        return new Inventory(problem.schedule(), byRoom);
    }

    List<RoomTimeline> rooms() {
        return rooms;
    }

    /** S. */
    public int start() {
        return schedule.start();
    }

    /** E: the last departure date, not a night. */
    public int end() {
        return schedule.end();
    }

    public int firstArrival() {
        return schedule.firstArrival();
    }

    public int maxEnd() {
        return schedule.maxEnd();
    }

    /** M. */
    public int globalMinimumStay() {
        return schedule.globalMinimumStay();
    }

    /** m(x). */
    public int minimumStay(int day) {
        return schedule.minimumStay(day);
    }

    /** m*(p): m(p) where it is configured, M before the schedule (SPEC §5). */
    int minimumStayStar(int day) {
        return schedule.minimumStayStar(day);
    }

    /** FB₀: every room of this inventory is taken on the night. */
    public boolean isFullyBooked(int night) {
        return night >= start() && night < end() && occupancy[night - start()] >= rooms.size();
    }

    /** FB_restr = FB₀ ∪ {E}: where an absolute maximum stay must end (SPEC §3.4, Q25). */
    public boolean endsAbsoluteMaximum(int day) {
        return day == end() || isFullyBooked(day);
    }

    /** AbsMax(x) of SPEC §3.5 for these rooms: 0 on a full night, else the distance to the next FB_restr day. */
    public int absoluteMaximumStay(int night) {
        if (isFullyBooked(night)) {
            return 0;
        }
        int stop = night + 1;
        while (!endsAbsoluteMaximum(stop)) {
            stop++;
        }
        return stop - night;
    }

    /** FirstDepartureDay = min(MaxEnd, the plan's earliest departure in these rooms). */
    public int firstDepartureDay() {
        return firstDepartureDay;
    }

    /**
     * DayRoomsFirstFilled: the last night before every room has had its first arrival (an empty room
     * counts as filled at E), or −1 when that night is before S. Until then some room has been free since
     * before the schedule, so any length could still be sold through those nights (SPEC §5.5 step 1).
     */
    public int dayRoomsFirstFilled() {
        int last = Integer.MIN_VALUE;
        for (RoomTimeline room : rooms) {
            last = Math.max(last, (room.isEmpty() ? end() : room.firstArrival()) - 1);
        }
        return last < start() ? -1 : last;
    }
}
