package org.bookingopt.core.run;

import org.bookingopt.core.plan.Objective;
import org.bookingopt.core.reoptimize.ReOptimization;
import org.bookingopt.core.solver.Assignment;
import org.bookingopt.core.solver.SolverStatus;

import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of one run.
 *
 * @param succeeded {@code Succeeded} of the result
 * @param status    the assignment solve's status, or {@code null} when no solve ran (restrictions only)
 * @param objective the plan's cost, or {@code null} without a plan
 * @param json      the bare result object of SPEC §9.1
 * @param solve     the assignment solve's details (times, bound), or {@code null} when none ran
 * @param reoptimization what re-optimizing the maximum stays found, or {@code null} when it did not run
 */
public record RunResult(boolean succeeded, SolverStatus status, Objective objective, ObjectNode json,
                        Assignment solve, ReOptimization reoptimization) {
    /** A run without re-optimization. */
    public RunResult(boolean succeeded, SolverStatus status, Objective objective, ObjectNode json, Assignment solve) {
        this(succeeded, status, objective, json, solve, null);
    }
}
