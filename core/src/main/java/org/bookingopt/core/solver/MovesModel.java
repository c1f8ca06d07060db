package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.bookingopt.core.plan.Stay;

/**
 * The fewest moved stays: which free stays of a {@link WindowProblem} must leave their current room so that
 * every free stay has a room. Only the hard constraints of SPEC §4.2 (types, pins, no double booking), no
 * costs: a free stay may take a room of an accepted type in which no fixed stay overlaps it, and in every
 * room the free stays present on any one day hold it at most once (checked on arrival days, where every set
 * of overlapping intervals has a common day). The objective counts the free stays with a current room that
 * do not keep it.
 */
final class MovesModel implements AutoCloseable {
    record Result(SolverStatus status, int[] layerOfStay, int moves, int bound) {
    }

    private final WindowProblem window;
    private final int[] currentRoom;   // by sub-problem stay: its current room, or -1 (pieces)
    private final String solverId;
    private final MPSolver solver;
    private final MPVariable[][] x;    // [sub stay][layer], null where not allowed
    private int movable;

    MovesModel(WindowProblem window, int[] currentRoom, String solverId) {
        this.window = window;
        this.currentRoom = currentRoom;
        this.solverId = solverId;
        this.solver = OrTools.createSolver(solverId);
        this.x = new MPVariable[window.sub.stays().size()][window.layers.size()];
        build();
    }

    private void build() {
        List<Stay> stays = window.sub.stays();
        List<List<Stay>> fixedIn = new ArrayList<>();
        for (int l = 0; l < window.layers.size(); l++) {
            fixedIn.add(new ArrayList<>());
        }
        for (Stay s : stays) {
            if (s.isPinned()) {
                int l = layerOf(s.pinnedRoom());
                if (l >= 0) {
                    fixedIn.get(l).add(s);
                }
            }
        }
        MPObjective objective = solver.objective();
        for (Stay s : stays) {
            if (s.isPinned()) {
                continue;
            }
            MPConstraint once = solver.makeConstraint(1, 1, "once_" + s.index());
            if (currentRoom[s.index()] >= 0) {
                movable++;
            }
            for (int l = 0; l < window.layers.size(); l++) {
                int room = window.layers.get(l).rooms()[0];
                if (!window.sub.stayFitsRoom(s, room) || fixedIn.get(l).stream().anyMatch(s::overlaps)) {
                    continue;
                }
                x[s.index()][l] = solver.makeBoolVar("x_" + s.index() + "_" + l);
                once.setCoefficient(x[s.index()][l], 1);
                if (room == currentRoom[s.index()]) {
                    objective.setCoefficient(x[s.index()][l], -1); // a kept stay saves one move
                }
            }
        }
        for (int l = 0; l < window.layers.size(); l++) {
            TreeSet<Integer> days = new TreeSet<>();
            for (Stay s : stays) {
                if (x[s.index()][l] != null) {
                    days.add(s.arrival());
                }
            }
            for (int day : days) {
                List<MPVariable> present = new ArrayList<>();
                for (Stay s : stays) {
                    if (x[s.index()][l] != null && s.arrival() <= day && day < s.departure()) {
                        present.add(x[s.index()][l]);
                    }
                }
                if (present.size() >= 2) {
                    MPConstraint c = solver.makeConstraint(0, 1, "room_" + l + "_" + day);
                    present.forEach(v -> c.setCoefficient(v, 1));
                }
            }
        }
        objective.setMinimization();
    }

    private int layerOf(int room) {
        for (int l = 0; l < window.layers.size(); l++) {
            if (window.layers.get(l).rooms()[0] == room) {
                return l;
            }
        }
        return -1;
    }

    /** Frees the native solver now rather than when the garbage collector gets to it. */
    @Override
    public void close() {
        solver.delete();
    }

    Result solve(Duration timeLimit, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return new Result(SolverStatus.TIMEOUT, null, -1, 0);
        }
        MPSolver.ResultStatus result = OrTools.solveExactly(solver, solverId, timeLimit, 1, cancellation);
        if (result == MPSolver.ResultStatus.INFEASIBLE) {
            return new Result(SolverStatus.INFEASIBLE, null, -1, -1);
        }
        if (result != MPSolver.ResultStatus.OPTIMAL && result != MPSolver.ResultStatus.FEASIBLE) {
            return new Result(SolverStatus.TIMEOUT, null, -1, 0);
        }
        int[] layerOfStay = new int[x.length];
        for (Stay s : window.sub.stays()) {
            layerOfStay[s.index()] = s.isPinned() ? layerOf(s.pinnedRoom()) : -1;
            for (int l = 0; l < window.layers.size(); l++) {
                if (x[s.index()][l] != null && x[s.index()][l].solutionValue() > 0.5) {
                    layerOfStay[s.index()] = l;
                }
            }
        }
        int moves = (int) Math.round(movable + solver.objective().value());
        int bound = result == MPSolver.ResultStatus.OPTIMAL ? moves
                : (int) Math.ceil(movable + solver.objective().bestBound() - 1e-6);
        return new Result(result == MPSolver.ResultStatus.OPTIMAL ? SolverStatus.OPTIMAL : SolverStatus.FEASIBLE,
                layerOfStay, moves, Math.max(0, bound));
    }
}
