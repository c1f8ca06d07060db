package org.bookingopt.core.reoptimize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.OrTools;

/**
 * The room-level question for one test stay, as a CP-SAT model: the test stay and the movable stays of a
 * time window get a room each (one Boolean per stay and room); every other stay keeps its room in the base
 * plan. A room's nights are occupied by at most one stay; for every run of free nights [d, a) that could
 * open between two stays and is not sellable ({@link GapTiling}), a clause forbids it; each adjacency group
 * keeps at most its current number of members without a neighbour. Over the whole schedule (every unpinned
 * stay movable) this is exactly SPEC §6.3, so "infeasible" is a proof; over a window it is a repair that
 * may miss plans.
 */
final class RoomLevelRepair {
    enum Outcome { FOUND, INFEASIBLE, UNKNOWN }

    record Result(Outcome outcome, RoomPlan plan) {
    }

    private RoomLevelRepair() {
    }

    /**
     * @param withTest the problem with the test stay last
     * @param base     rooms of every other stay: a valid plan under the rule
     * @param window   nights [lo, hi): unpinned stays overlapping it may move; null for every unpinned stay, and
     *                 then the answer INFEASIBLE is a proof
     * @param moving   the rooms whose stays in the window may move, and only among them (null: every room)
     * @param limit    wall-clock cap, a safety net behind {@code work}
     * @param work     CP-SAT's deterministic time limit (its own unit of work, independent of the machine's
     *                 load), so a solve ends with the same answer however busy the machine is
     */
    static Result solve(AssignmentProblem withTest, TestStayRule rule, RoomPlan base, int[] window, boolean[] moving,
                        Duration limit, double work, Cancellation cancellation) {
        OrTools.load();
        GapTiling tiling = rule.tiling();
        int start = tiling.start();
        int nights = tiling.end() - start;
        int rooms = withTest.roomCount();
        int test = withTest.stays().size() - 1;
        boolean[] movable = new boolean[withTest.stays().size()];
        for (Stay s : withTest.stays()) {
            movable[s.index()] = s.index() == test || (!s.isPinned()
                    && (window == null || (s.arrival() < window[1] && s.departure() > window[0]))
                    && (moving == null || moving[base.room(s.index())]));
        }
        // Fixed occupancy per room and night.
        boolean[][] fixed = new boolean[rooms][nights];
        int[] fixedRoom = new int[withTest.stays().size()];
        for (Stay s : withTest.stays()) {
            fixedRoom[s.index()] = movable[s.index()] ? -1 : base.room(s.index());
            if (!movable[s.index()]) {
                for (int n = s.arrival(); n < s.departure(); n++) {
                    fixed[fixedRoom[s.index()]][n - start] = true;
                }
            }
        }
        CpModel model = new CpModel();
        Map<Integer, Map<Integer, BoolVar>> x = new HashMap<>(); // stay → room → var
        List<List<List<BoolVar>>> onNight = new ArrayList<>();    // room → night → vars
        for (int r = 0; r < rooms; r++) {
            List<List<BoolVar>> perNight = new ArrayList<>();
            for (int n = 0; n < nights; n++) {
                perNight.add(new ArrayList<>());
            }
            onNight.add(perNight);
        }
        for (Stay s : withTest.stays()) {
            if (!movable[s.index()]) {
                continue;
            }
            Map<Integer, BoolVar> vars = new HashMap<>();
            List<Literal> choices = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                if ((moving != null && !moving[r]) || !withTest.stayFitsRoom(s, r) || takenDuring(fixed[r], s, start)) {
                    continue;
                }
                BoolVar v = model.newBoolVar("x_" + s.index() + "_" + r);
                vars.put(r, v);
                choices.add(v);
                for (int n = s.arrival(); n < s.departure(); n++) {
                    onNight.get(r).get(n - start).add(v);
                }
                if (s.index() != test && base.room(s.index()) == r) {
                    model.addHint(v, true);
                }
            }
            if (choices.isEmpty()) {
                return window == null ? new Result(Outcome.INFEASIBLE, null) : new Result(Outcome.UNKNOWN, null);
            }
            model.addExactlyOne(choices);
            x.put(s.index(), vars);
        }
        // occ[r][n]: null when the night is fixed (see fixed[][]), else a Boolean = Σ vars.
        BoolVar[][] occ = new BoolVar[rooms][nights];
        for (int r = 0; r < rooms; r++) {
            for (int n = 0; n < nights; n++) {
                List<BoolVar> vars = onNight.get(r).get(n);
                if (!vars.isEmpty()) {
                    occ[r][n] = model.newBoolVar("o_" + r + "_" + n);
                    model.addEquality(LinearExpr.sum(vars.toArray(new BoolVar[0])), occ[r][n]);
                }
            }
            forbidUnsellableGaps(model, tiling, start, fixed[r], occ[r]);
        }
        addAdjacency(model, withTest, rule, movable, fixedRoom, x);
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(Math.max(0.01, limit.toMillis() / 1000.0));
        if (work > 0) {
            solver.getParameters().setMaxDeterministicTime(work);
        }
        if (window != null) {
            // A windowed solve searches for a plan near the hinted witness and can prove nothing, so the
            // effort CP-SAT spends on proofs is skipped: probing, symmetry detection and the LP relaxation.
            // On the benchmark hotels this found the same plans at well under half the time per solve
            // (docs/BENCHMARKS.md).
            solver.getParameters().setCpModelProbingLevel(0).setSymmetryLevel(0).setLinearizationLevel(0);
        }
        CpSolverStatus status;
        try (AutoCloseable ignored = cancellation.onCancel(solver::stopSearch)) {
            status = solver.solve(model);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            int[] roomOf = new int[withTest.stays().size()];
            for (Stay s : withTest.stays()) {
                roomOf[s.index()] = fixedRoom[s.index()];
                if (movable[s.index()]) {
                    for (Map.Entry<Integer, BoolVar> e : x.get(s.index()).entrySet()) {
                        if (solver.booleanValue(e.getValue())) {
                            roomOf[s.index()] = e.getKey();
                        }
                    }
                }
            }
            return new Result(Outcome.FOUND, new RoomPlan(roomOf));
        }
        if (status == CpSolverStatus.INFEASIBLE && window == null) {
            return new Result(Outcome.INFEASIBLE, null);
        }
        return new Result(Outcome.UNKNOWN, null);
    }

    private static boolean takenDuring(boolean[] fixedNights, Stay s, int start) {
        for (int n = s.arrival(); n < s.departure(); n++) {
            if (fixedNights[n - start]) {
                return true;
            }
        }
        return false;
    }

    /**
     * For every interior run of free nights [d, a) that can occur in this room (night d−1 and night a can be
     * occupied, nights d … a−1 can be free) and involves a decision, and that is not sellable: the clause
     * "night d−1 free, or one of d … a−1 occupied, or night a free".
     */
    private static void forbidUnsellableGaps(CpModel model, GapTiling tiling, int start, boolean[] fixed,
                                             BoolVar[] occ) {
        int nights = fixed.length;
        for (int i = 1; i < nights; i++) { // gap starts at night start + i, after night i - 1
            if (!fixed[i - 1] && occ[i - 1] == null) {
                continue; // night before can never be occupied
            }
            if (fixed[i]) {
                continue;
            }
            boolean decided = occ[i - 1] != null;
            for (int j = i; j < nights && !fixed[j]; j++) { // nights i … j free, the next arrival on j + 1
                decided |= occ[j] != null;
                int next = j + 1;
                if (next >= nights) {
                    break; // runs to E: a trailing gap, always sellable
                }
                boolean nextDecided = occ[next] != null;
                if (!fixed[next] && !nextDecided) {
                    continue;
                }
                if ((!decided && !nextDecided) || tiling.accepts(start + i, start + next)) {
                    continue;
                }
                List<Literal> clause = new ArrayList<>();
                if (occ[i - 1] != null) {
                    clause.add(occ[i - 1].not());
                }
                for (int k = i; k <= j; k++) {
                    if (occ[k] != null) {
                        clause.add(occ[k]);
                    }
                }
                if (occ[next] != null) {
                    clause.add(occ[next].not());
                }
                model.addBoolOr(clause);
            }
        }
    }

    /**
     * Each group with a movable member keeps at most its current number of members without a neighbour:
     * sat[s] ≤ Σ_r z[s,r], z[s,r] ≤ x[s,r] and z[s,r] ≤ (a fixed member next to r) + Σ movable members' x next
     * to r.
     */
    private static void addAdjacency(CpModel model, AssignmentProblem withTest, TestStayRule rule, boolean[] movable,
                                     int[] fixedRoom, Map<Integer, Map<Integer, BoolVar>> x) {
        int groups = withTest.groups().size();
        List<List<Stay>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (Stay s : withTest.stays()) {
            if (s.group() >= 0) {
                members.get(s.group()).add(s);
            }
        }
        for (int g = 0; g < groups; g++) {
            List<Stay> group = members.get(g);
            if (group.stream().noneMatch(s -> movable[s.index()])) {
                continue; // unchanged
            }
            LinearExprBuilder satisfied = LinearExpr.newBuilder();
            for (Stay s : group) {
                Map<Integer, BoolVar> own = movable[s.index()] ? x.get(s.index()) : new HashMap<>();
                if (!movable[s.index()]) {
                    own.put(fixedRoom[s.index()], null); // a fixed member: its room, no decision
                }
                LinearExprBuilder any = LinearExpr.newBuilder();
                for (Map.Entry<Integer, BoolVar> here : own.entrySet()) {
                    int room = here.getKey();
                    boolean fixedNeighbour = false;
                    LinearExprBuilder near = LinearExpr.newBuilder();
                    for (Stay other : group) {
                        if (other.index() == s.index()) {
                            continue;
                        }
                        if (!movable[other.index()]) {
                            fixedNeighbour |= withTest.adjacent(room, fixedRoom[other.index()]);
                        } else {
                            for (Map.Entry<Integer, BoolVar> there : x.get(other.index()).entrySet()) {
                                if (withTest.adjacent(room, there.getKey())) {
                                    near.add(there.getValue());
                                }
                            }
                        }
                    }
                    BoolVar z = model.newBoolVar("z_" + s.index() + "_" + room);
                    if (here.getValue() != null) {
                        model.addImplication(z, here.getValue());
                    }
                    if (!fixedNeighbour) {
                        model.addLessOrEqual(z, near);
                    }
                    any.add(z);
                }
                BoolVar sat = model.newBoolVar("sat_" + s.index());
                model.addLessOrEqual(sat, any);
                satisfied.add(sat);
            }
            // members − satisfied ≤ allowed
            model.addGreaterOrEqual(satisfied, group.size() - rule.unsatisfiedAllowed(g));
        }
    }
}
