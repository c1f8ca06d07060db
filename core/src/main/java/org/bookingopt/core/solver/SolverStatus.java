package org.bookingopt.core.solver;

/** Outcome of an assignment solve, reported as {@code SolverStatus} (SPEC §9.1). */
public enum SolverStatus {
    /** The plan is proven optimal: its cost is within 2^-20 of the proven lower bound. */
    OPTIMAL,
    /** A plan, not proven optimal when the time limit or cancellation stopped the search. */
    FEASIBLE,
    /** Proven: no plan satisfies the hard constraints. */
    INFEASIBLE,
    /** Stopped before any plan was found. */
    TIMEOUT
}
