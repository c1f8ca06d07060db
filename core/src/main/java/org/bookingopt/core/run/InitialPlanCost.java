package org.bookingopt.core.run;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ResultDocument;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Objective;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;

/**
 * The cost of the plan the client sent (every stay's {@code AssignedRoom}), beside the optimized plan's:
 * {@code InitialObjective} ({@code Total}, {@code Gaps}, {@code Adjacency}, {@code Splits}, as
 * {@code Objective}) and {@code InitialOrphanNights} (as {@code OrphanNights}), appended after the SPEC keys.
 * Only when the current plan is complete, the same condition as {@code InitialPlan} (SPEC §7.2), so
 * "before → after" always compares two whole plans.
 */
final class InitialPlanCost {
    private InitialPlanCost() {
    }

    static void append(ResultDocument result, AssignmentProblem problem) {
        RoomPlan current = problem.currentPlan();
        if (current == null) {
            return;
        }
        Objective before = PlanEvaluator.evaluate(problem, current);
        result.append("InitialObjective", Optimizer.objectiveJson(before));
        result.append("InitialOrphanNights", Json.NODES.numberNode((long) before.orphanNights()));
    }
}
