package org.bookingopt.core.reoptimize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bookingopt.core.model.Reservation;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Pin;
import org.bookingopt.core.plan.Stay;

/**
 * The re-optimization test stay T = [arrival, arrival + length) of SPEC §6.3, named {@code Test_Max}
 * (§6.4). It may take a room of any type and belongs to no adjacency group.
 */
public record TestStay(int arrival, int length) {
    public static final String NAME = "Test_Max";

    public int departure() {
        return arrival + length;
    }

    /** The problem with T appended as the last stay (index = the problem's stay count). */
    public AssignmentProblem addTo(AssignmentProblem problem) {
        List<Stay> stays = new ArrayList<>(problem.stays());
        int[] everyType = new int[problem.types().size()];
        for (int t = 0; t < everyType.length; t++) {
            everyType[t] = t;
        }
        Reservation reservation = new Reservation(NAME, null, LocalDate.ofEpochDay(arrival), length, null, false,
                null, List.of(), List.of(), null);
        stays.add(new Stay(stays.size(), reservation, arrival, departure(), everyType, -1, Pin.NONE, -1, -1));
        return problem.withStays(stays);
    }
}
