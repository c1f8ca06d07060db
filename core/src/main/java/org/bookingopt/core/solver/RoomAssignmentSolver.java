package org.bookingopt.core.solver;

import org.bookingopt.core.plan.AssignmentProblem;

/** Assigns every stay to a room, minimising SPEC §4.3 "Our objective". */
public interface RoomAssignmentSolver {
    Assignment solve(AssignmentProblem problem, SolverSettings settings, ProgressListener progress,
                     Cancellation cancellation);
}
