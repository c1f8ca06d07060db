package org.bookingopt.core.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A hotel's planning problem, as parsed and validated from the client's JSON (SPEC §2).
 *
 * @param problemId                  echoed as {@code ProblemId}, any JSON scalar
 * @param reservations               existing stays, in input order
 * @param newReservations            stays asked about (feasibility mode when non-empty)
 * @param rooms                      the hotel's rooms, in input order
 * @param minimumStay                M, the global minimum stay
 * @param minimumStayByDay           weekday overrides of M
 * @param minimumStayByDate          date-range overrides, later entries win
 * @param restrictionsForInitialPlan no optimization: the assigned rooms are the plan
 * @param requestStart               start of the request window, or {@code null}
 * @param requestEnd                 end of the request window, or {@code null}
 * @param options                    BookingOpt-only options
 */
public record Problem(
        Object problemId,
        List<Reservation> reservations,
        List<Reservation> newReservations,
        List<Room> rooms,
        int minimumStay,
        Map<DayOfWeek, Integer> minimumStayByDay,
        List<DateRangeMinimumStay> minimumStayByDate,
        boolean restrictionsForInitialPlan,
        LocalDate requestStart,
        LocalDate requestEnd,
        RunOptions options) {

    public Problem {
        reservations = List.copyOf(reservations);
        newReservations = List.copyOf(newReservations);
        rooms = List.copyOf(rooms);
        minimumStayByDay = Map.copyOf(minimumStayByDay);
        minimumStayByDate = List.copyOf(minimumStayByDate);
    }

    public boolean isFeasibilityMode() {
        return !newReservations.isEmpty();
    }

    /** The minimum stay m(x) of night {@code date} (SPEC §3.2): date ranges, then weekdays, then M. */
    public int minimumStayOn(LocalDate date) {
        int value = minimumStayByDay.getOrDefault(date.getDayOfWeek(), minimumStay);
        for (DateRangeMinimumStay range : minimumStayByDate) {
            if (!date.isBefore(range.start()) && !date.isAfter(range.end())) {
                value = range.minimumStay();
            }
        }
        return value;
    }

    /** Whether some {@code MinimumStayByDate} entry covers {@code date} (used by m* of SPEC §5). */
    public boolean hasDateRangeMinimumStay(LocalDate date) {
        return minimumStayByDate.stream()
                .anyMatch(r -> !date.isBefore(r.start()) && !date.isAfter(r.end()));
    }

    public Problem withReservations(List<Reservation> newList) {
        return new Problem(problemId, newList, newReservations, rooms, minimumStay, minimumStayByDay,
                minimumStayByDate, restrictionsForInitialPlan, requestStart, requestEnd, options);
    }
}
