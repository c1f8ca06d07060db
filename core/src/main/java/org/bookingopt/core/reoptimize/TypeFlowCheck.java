package org.bookingopt.core.reoptimize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Stay;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.OrTools;

/**
 * A proof of infeasibility for test stays: the room flow of {@code shared/design/room-flow.md} with one
 * layer per room type, as a linear program. Rooms of a type flow from arrival pools through stays to
 * departure pools, and from a departure on d to an arrival on a only where the gap [d, a) is sellable
 * ({@link GapTiling}); leading and trailing gaps are free. Locked stays are only held to their room's
 * type, adjacency is left out and the stays' type choices are fractional, so every witness plan is a
 * solution: when the program has none, the test stay is infeasible.
 *
 * <p>The model is built once per plan. The test stay is a set of arcs from every arrival pool and into
 * every departure pool, all with upper bound 0; a test opens the arcs of its own arrival and departure
 * and the simplex re-solves from the previous basis (GLOP, bounds changes only), so a test costs a few
 * pivots rather than a new model.
 */
final class TypeFlowCheck implements AutoCloseable {
    private final MPSolver solver;
    private final int start;
    private final int types;
    private final MPVariable[][] testArrival;   // [type][day - start]
    private final MPVariable[][] testDeparture; // [type][day - start]
    private final MPConstraint testOnce;

    TypeFlowCheck(AssignmentProblem problem, GapTiling tiling) {
        OrTools.load();
        this.solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no GLOP solver");
        }
        solver.setNumThreads(1);
        this.start = tiling.start();
        int end = tiling.end();
        int days = end - start + 1;
        this.types = problem.types().size();
        int[] capacity = new int[types];
        for (int r = 0; r < problem.roomCount(); r++) {
            capacity[problem.typeOf(r)]++;
        }
        double inf = MPSolver.infinity();
        MPConstraint[][] arrivalPool = new MPConstraint[types][days];   // in - out = 0
        MPConstraint[][] departurePool = new MPConstraint[types][days]; // in - out >= 0 (rest to the sink)
        testArrival = new MPVariable[types][days];
        testDeparture = new MPVariable[types][days];
        testOnce = solver.makeConstraint(0, 0, "test_once");
        for (int t = 0; t < types; t++) {
            MPConstraint source = solver.makeConstraint(0, capacity[t], "rooms_" + t);
            MPConstraint testBalance = solver.makeConstraint(0, 0, "test_" + t);
            for (int day = start; day <= end; day++) {
                int i = day - start;
                arrivalPool[t][i] = solver.makeConstraint(0, 0, "A_" + t + "_" + day);
                departurePool[t][i] = solver.makeConstraint(0, inf, "D_" + t + "_" + day);
                MPVariable first = solver.makeNumVar(0, capacity[t], "src_" + t + "_" + day);
                source.setCoefficient(first, 1);
                arrivalPool[t][i].setCoefficient(first, 1);
                testArrival[t][i] = solver.makeNumVar(0, 0, "ta_" + t + "_" + day);
                arrivalPool[t][i].setCoefficient(testArrival[t][i], -1);
                testOnce.setCoefficient(testArrival[t][i], 1);
                testBalance.setCoefficient(testArrival[t][i], 1);
                testDeparture[t][i] = solver.makeNumVar(0, 0, "td_" + t + "_" + day);
                departurePool[t][i].setCoefficient(testDeparture[t][i], 1);
                testBalance.setCoefficient(testDeparture[t][i], -1);
            }
            for (int d = start + 1; d < end; d++) {
                for (int a = d; a < end; a++) {
                    if (tiling.accepts(d, a)) {
                        MPVariable gap = solver.makeNumVar(0, capacity[t], "g_" + t + "_" + d + "_" + a);
                        departurePool[t][d - start].setCoefficient(gap, -1);
                        arrivalPool[t][a - start].setCoefficient(gap, 1);
                    }
                }
            }
        }
        for (Stay s : problem.stays()) {
            List<Integer> layers = new ArrayList<>();
            if (s.isPinned()) {
                layers.add(problem.typeOf(s.pinnedRoom()));
            } else {
                for (int t : s.allowedTypes()) {
                    if (t < types && capacity[t] > 0 && !layers.contains(t)) {
                        layers.add(t);
                    }
                }
            }
            if (layers.isEmpty()) {
                solver.makeConstraint(1, 0, "no_room_" + s.index()); // cannot be: the main solve placed it
                continue;
            }
            MPConstraint once = layers.size() > 1 ? solver.makeConstraint(1, 1, "once_" + s.index()) : null;
            for (int t : layers) {
                MPVariable y = solver.makeNumVar(layers.size() > 1 ? 0 : 1, 1, "y_" + s.index() + "_" + t);
                if (once != null) {
                    once.setCoefficient(y, 1);
                }
                arrivalPool[t][s.arrival() - start].setCoefficient(y, -1);
                departurePool[t][s.departure() - start].setCoefficient(y, 1);
            }
        }
    }

    /** The model's size, for the benchmark's notes. */
    int variables() {
        return solver.numVariables();
    }

    enum Answer { POSSIBLE, INFEASIBLE, UNKNOWN }

    /** Whether the flow can carry the stays plus T; INFEASIBLE is a proof that no witness plan exists. */
    Answer check(TestStay test, Duration limit, Cancellation cancellation) {
        int a = test.arrival() - start;
        int d = test.departure() - start;
        for (int t = 0; t < types; t++) {
            testArrival[t][a].setUb(1);
            testDeparture[t][d].setUb(1);
        }
        testOnce.setBounds(1, 1);
        try (AutoCloseable ignored = cancellation.onCancel(solver::interruptSolve)) {
            solver.setTimeLimit(Math.max(1, limit.toMillis()));
            MPSolver.ResultStatus status = solver.solve();
            return switch (status) {
                case OPTIMAL, FEASIBLE -> Answer.POSSIBLE;
                case INFEASIBLE -> Answer.INFEASIBLE;
                default -> Answer.UNKNOWN;
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            for (int t = 0; t < types; t++) {
                testArrival[t][a].setUb(0);
                testDeparture[t][d].setUb(0);
            }
            testOnce.setBounds(0, 0);
        }
    }

    @Override
    public void close() {
        solver.delete();
    }
}
