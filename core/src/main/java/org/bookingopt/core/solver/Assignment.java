package org.bookingopt.core.solver;

import java.time.Duration;

import org.bookingopt.core.plan.Objective;
import org.bookingopt.core.plan.RoomPlan;

/**
 * What a solver found.
 *
 * @param status           see {@link SolverStatus}
 * @param plan             the best plan, or {@code null} when INFEASIBLE or TIMEOUT
 * @param objective        its cost, or {@code null} without a plan
 * @param bestBound        proven lower bound on the total cost (NaN if none)
 * @param infeasibleReason why no plan exists (INFEASIBLE), naming nights, types, counts; else null
 * @param timeToFirstPlan  from the start of the solve to the first plan, or null
 * @param timeToProof      from the start of the solve to the proof (OPTIMAL/INFEASIBLE), or null
 */
public record Assignment(SolverStatus status, RoomPlan plan, Objective objective, double bestBound,
                         String infeasibleReason, Duration timeToFirstPlan, Duration timeToProof) {

    public boolean hasPlan() {
        return plan != null;
    }

    /** Absolute gap between the plan's cost and the bound (0 when optimal). */
    public double gap() {
        return objective == null || Double.isNaN(bestBound) ? Double.NaN : Math.max(0, objective.total() - bestBound);
    }
}
