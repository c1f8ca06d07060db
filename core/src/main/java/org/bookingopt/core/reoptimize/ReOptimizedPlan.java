package org.bookingopt.core.reoptimize;

import org.bookingopt.core.plan.RoomPlan;

/**
 * One feasible test (SPEC §6.4): the test stay and a witness plan holding it.
 *
 * @param test the test stay T
 * @param plan rooms of every stay, then of T (the last entry)
 */
public record ReOptimizedPlan(TestStay test, RoomPlan plan) {
    /** T's room. */
    public int testRoom() {
        return plan.room(plan.size() - 1);
    }
}
