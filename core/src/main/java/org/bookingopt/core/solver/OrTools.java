package org.bookingopt.core.solver;

import java.time.Duration;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;

/** Loads the OR-Tools native libraries once per process. */
public final class OrTools {
    private static volatile boolean loaded;

    private OrTools() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OrTools.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    /**
     * Solves a MILP to a zero relative gap within the time limit; a cancel interrupts it. SCIP runs one
     * thread, since more would switch it to its non-deterministic concurrent mode.
     */
    static MPSolver.ResultStatus solveExactly(MPSolver solver, String solverId, Duration timeLimit, int threads,
                                              Cancellation cancellation) {
        solver.setTimeLimit(Math.max(1, timeLimit.toMillis()));
        solver.setNumThreads(solverId.equals("SCIP") ? 1 : threads);
        MPSolverParameters params = new MPSolverParameters();
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        try (AutoCloseable ignored = cancellation.onCancel(solver::interruptSolve)) {
            return solver.solve(params);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh MILP solver of that OR-Tools id ("SCIP", …), the native libraries loaded. */
    static MPSolver createSolver(String solverId) {
        load();
        MPSolver solver = MPSolver.createSolver(solverId);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + solverId + " solver");
        }
        return solver;
    }
}
