package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.bookingopt.core.plan.Pin;
import org.bookingopt.core.plan.Stay;

/**
 * The fewest moved stays: which free stays of a {@link WindowProblem} must leave their current room so that
 * every free stay has a room. Only the hard constraints of SPEC §4.2 (types, pins, no double booking), no
 * costs: a free stay may take a room of an accepted type in which no fixed stay overlaps it, and in every
 * room the free stays present on any one day hold it at most once (checked on arrival days, where every set
 * of overlapping intervals has a common day). The objective counts the free stays with a current room that
 * do not keep it; as a tie-breaker worth less than one move in all, it also counts the room changes between
 * consecutive pieces of a new reservation, so the plan it hands on is not split needlessly.
 *
 * <p>{@code relaxed}: stays held for the window ({@link Pin#KEPT}) do not block rooms, only locked and
 * request-window stays do. Every plan of the whole problem, cut down to the free stays, is then a plan of
 * this model with no more moves, so its optimum is a lower bound on the moves of the whole problem.
 */
final class MovesModel implements AutoCloseable {
    record Result(SolverStatus status, int[] layerOfStay, int moves, int bound) {
    }

    private final WindowProblem window;
    private final int[] currentRoom;   // by sub-problem stay: its current room, or -1 (pieces)
    private final boolean relaxed;
    private final String solverId;
    private final MPSolver solver;
    private final MPVariable[][] x;    // [sub stay][layer], null where not allowed
    private int movable;
    private double tieBreakers;        // the most the tie-breaking terms can add up to (< 1)

    MovesModel(WindowProblem window, int[] currentRoom, boolean relaxed, String solverId) {
        this.window = window;
        this.currentRoom = currentRoom;
        this.relaxed = relaxed;
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
            if (s.isPinned() && !(relaxed && s.pin() == Pin.KEPT)) {
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
        addRoomChangeTieBreaker(objective);
        objective.setMinimization();
    }

    /** change[p,q] ≥ x[p,l] − x[q,l] for consecutive pieces p, q, each worth less than 1 / (2 · pairs). */
    private void addRoomChangeTieBreaker(MPObjective objective) {
        List<Stay> pieces = window.sub.stays().stream().filter(s -> s.isTest() && !s.isPinned())
                .sorted(Comparator.comparingInt(Stay::splitGroup).thenComparingInt(Stay::arrival)).toList();
        List<Stay[]> pairs = new ArrayList<>();
        for (int i = 1; i < pieces.size(); i++) {
            if (pieces.get(i).splitGroup() == pieces.get(i - 1).splitGroup()
                    && pieces.get(i).arrival() == pieces.get(i - 1).departure()) {
                pairs.add(new Stay[] {pieces.get(i - 1), pieces.get(i)});
            }
        }
        double weight = 1.0 / (2 * pairs.size() + 2);
        tieBreakers = weight * pairs.size();
        for (Stay[] pair : pairs) {
            MPVariable change = solver.makeNumVar(0, 1, "chg_" + pair[0].index());
            objective.setCoefficient(change, weight);
            for (int l = 0; l < window.layers.size(); l++) {
                if (x[pair[0].index()][l] != null) {
                    MPConstraint c = solver.makeConstraint(0, MPSolver.infinity(), "chg_" + pair[0].index() + "_" + l);
                    c.setCoefficient(change, 1);
                    c.setCoefficient(x[pair[0].index()][l], -1);
                    if (x[pair[1].index()][l] != null) {
                        c.setCoefficient(x[pair[1].index()][l], 1);
                    }
                }
            }
        }
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
        int moves = 0;
        for (Stay s : window.sub.stays()) {
            layerOfStay[s.index()] = s.isPinned() ? layerOf(s.pinnedRoom()) : -1;
            for (int l = 0; l < window.layers.size(); l++) {
                if (x[s.index()][l] != null && x[s.index()][l].solutionValue() > 0.5) {
                    layerOfStay[s.index()] = l;
                }
            }
            if (!s.isPinned() && currentRoom[s.index()] >= 0
                    && window.layers.get(layerOfStay[s.index()]).rooms()[0] != currentRoom[s.index()]) {
                moves++;
            }
        }
        // moves + tie-breakers ≥ movable + bound, and the tie-breakers add less than one.
        int bound = result == MPSolver.ResultStatus.OPTIMAL ? moves
                : (int) Math.ceil(movable + solver.objective().bestBound() - tieBreakers - 1e-6);
        return new Result(result == MPSolver.ResultStatus.OPTIMAL ? SolverStatus.OPTIMAL : SolverStatus.FEASIBLE,
                layerOfStay, moves, Math.max(0, Math.min(bound, moves)));
    }
}
