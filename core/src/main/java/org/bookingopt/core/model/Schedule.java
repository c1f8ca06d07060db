package org.bookingopt.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The derived quantities of SPEC §3, all in epoch days: the schedule's nights [start, end), the per-night
 * minimum stay m(x), occupancy, fully booked nights and the absolute maximum stay per night.
 */
public final class Schedule {
    private final Problem problem;
    private final int start;
    private final int end;
    private final int firstArrival;
    private final int maxEnd;
    private final int[] minimumStay;   // m(x) for x in [start, end], index x - start
    private final int[] occupancy;     // for x in [start, end)
    private final int roomCount;

    /**
     * @param stays every stay that occupies rooms (existing, plus new ones or their pieces where they count)
     */
    public Schedule(Problem problem, List<Reservation> stays) {
        this.problem = problem;
        this.roomCount = problem.rooms().size();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        List<Reservation> all = new java.util.ArrayList<>(stays);
        for (Reservation r : all) {
            first = Math.min(first, (int) r.arrivalDay());
            last = Math.max(last, (int) r.departureDay());
        }
        this.firstArrival = first;
        this.maxEnd = last;
        this.start = problem.requestStart() == null ? first
                : Math.min(first, (int) problem.requestStart().toEpochDay());
        this.end = problem.requestEnd() == null ? last : Math.max(last, (int) problem.requestEnd().toEpochDay());
        this.minimumStay = new int[end - start + 1];
        for (int x = start; x <= end; x++) {
            minimumStay[x - start] = problem.minimumStayOn(LocalDate.ofEpochDay(x));
        }
        this.occupancy = new int[end - start];
        for (Reservation r : all) {
            for (long x = r.arrivalDay(); x < r.departureDay(); x++) {
                occupancy[(int) x - start]++;
            }
        }
    }

    /** S: the first night of the schedule. */
    public int start() {
        return start;
    }

    /** E: the last departure date (not a night). */
    public int end() {
        return end;
    }

    public int nights() {
        return end - start;
    }

    public int firstArrival() {
        return firstArrival;
    }

    public int maxEnd() {
        return maxEnd;
    }

    /** M, the global minimum stay. */
    public int globalMinimumStay() {
        return problem.minimumStay();
    }

    /** m(x) of SPEC §3.2, for any date (computed from the rules outside [S, E]). */
    public int minimumStay(int day) {
        if (day >= start && day <= end) {
            return minimumStay[day - start];
        }
        return problem.minimumStayOn(LocalDate.ofEpochDay(day));
    }

    /** m*(p) of SPEC §5: m(p) inside [S, E] or under a date range, else M. */
    public int minimumStayStar(int day) {
        if ((day >= start && day <= end) || problem.hasDateRangeMinimumStay(LocalDate.ofEpochDay(day))) {
            return minimumStay(day);
        }
        return problem.minimumStay();
    }

    public int occupancy(int night) {
        return occupancy[night - start];
    }

    /** A night of FB₀: every room is taken. */
    public boolean isFullyBooked(int night) {
        return night >= start && night < end && occupancy[night - start] >= roomCount;
    }

    /** AbsMax(x) of SPEC §3.5: the longest stay from x that crosses no fully booked night and ends by E. */
    public int absoluteMaximumStay(int night) {
        if (isFullyBooked(night)) {
            return 0;
        }
        int f = night + 1;
        while (f < end && !isFullyBooked(f)) {
            f++;
        }
        return f - night;
    }

    public static LocalDate date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
