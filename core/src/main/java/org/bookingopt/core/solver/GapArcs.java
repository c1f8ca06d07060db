package org.bookingopt.core.solver;

import org.bookingopt.core.model.Schedule;
import org.bookingopt.core.plan.GapCost;

/**
 * Which gaps the flow models give their own arc. A gap of g nights after a departure on d costs
 * {@link GapCost#units} in units of 2^-20; from some length on that rounds to 0, and every longer gap is
 * free too. So a room that waits at least that long goes through a chain of zero-cost "waiting" nodes
 * instead of one arc per (departure, arrival) pair: the models grow with days × 50, not days².
 */
final class GapArcs {
    private GapArcs() {
    }

    /** The shortest gap after a departure on {@code departure} whose rounded cost is 0. */
    static int freeFrom(Schedule schedule, int departure) {
        int k = schedule.minimumStay(departure);
        int g = 1;
        while (GapCost.units(g, k) > 0) {
            g++;
        }
        return g;
    }

    static long cost(Schedule schedule, int departure, int arrival) {
        return GapCost.units(arrival - departure, schedule.minimumStay(departure));
    }
}
