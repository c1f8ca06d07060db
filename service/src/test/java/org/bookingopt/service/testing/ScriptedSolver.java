package org.bookingopt.service.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.solver.Assignment;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomAssignmentSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.solver.SolverStatus;

/**
 * The real solver, except for problems whose {@code ProblemId} starts with {@code hold} (a solve that finds
 * nothing until it is cancelled or its time limit passes, like a large problem) or {@code crash} (the solver
 * throws). Lets tests catch a job while it runs and see that a cancel reaches the solve.
 */
public final class ScriptedSolver implements RoomAssignmentSolver {
    private final RoomAssignmentSolver real;
    private final Set<String> holding = ConcurrentHashMap.newKeySet();
    private final Set<String> stoppedByCancel = ConcurrentHashMap.newKeySet();

    public ScriptedSolver(RoomAssignmentSolver real) {
        this.real = real;
    }

    @Override
    public Assignment solve(AssignmentProblem problem, SolverSettings settings, ProgressListener progress,
                            Cancellation cancellation) {
        String id = String.valueOf(problem.problem().problemId());
        if (id.startsWith("crash")) {
            throw new IllegalStateException("scripted crash of " + id);
        }
        if (!id.startsWith("hold")) {
            return real.solve(problem, settings, progress, cancellation);
        }
        CountDownLatch stop = new CountDownLatch(1);
        AutoCloseable hook = cancellation.onCancel(stop::countDown);
        holding.add(id);
        try {
            progress.onProgress(0.5, "assign");
            if (stop.await(settings.timeLimit().toMillis(), TimeUnit.MILLISECONDS)) {
                stoppedByCancel.add(id);
            }
            return new Assignment(SolverStatus.TIMEOUT, null, null, Double.NaN, null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            holding.remove(id);
            try {
                hook.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A {@code hold} problem's solve is running now. */
    public boolean isHolding(String problemId) {
        return holding.contains(problemId);
    }

    /** A {@code hold} problem's solve ended because it was cancelled. */
    public boolean wasStoppedByCancel(String problemId) {
        return stoppedByCancel.contains(problemId);
    }
}
