package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.TreeMap;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.bookingopt.core.model.Schedule;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Stay;

/**
 * Chooses, inside the relaxation's flow, the path each room with two or more pinned stays takes from one pinned
 * stay to the next, and the flow unit that brings it to its first one. A small MILP over the flow's support
 * only: per window between consecutive pins of a room, a unit path from the earlier pin's departure pool to
 * the later pin's arrival pool through the type's stays and gap arcs; arcs are shared within the flow's counts
 * and a stay within one room. Without this the day-by-day decomposition sends a room to its next pinned stay
 * by whatever the flow leaves over, which on 150 × 90 typed hotels missed one lock in six and cost half the
 * gap to the bound.
 *
 * <p>A window or entry that has no path costs a slack variable (the decomposition then does its best there),
 * so the model is always feasible; when every slack is 0 the decomposition can follow the flow exactly.
 */
final class LockRouter {
    /** The decomposition's "free pool": units whose gap is already free, or that were never used. */
    static final int POOL = Integer.MIN_VALUE;
    /** Model size above which routing is skipped (600 × 365 typed hotels reached tens of GB without a cap). */
    static final int MAX_VARIABLES = 400_000;

    /**
     * @param roomOfStay  stays (not pinned themselves) that a pinned room's path takes, → that room; else -1
     * @param entryOf     first pinned stay of a room → departure day of the unit class it takes (or POOL)
     * @param routedPins  pinned stays whose room reaches them along the flow (a path or an entry was found)
     * @param brokenPaths windows and entries without a path in the flow
     */
    record Routes(int[] roomOfStay, Map<Integer, Integer> entryOf, Set<Integer> routedPins, int brokenPaths,
                  int paths) {
        static Routes none(int stays) {
            int[] rooms = new int[stays];
            Arrays.fill(rooms, -1);
            return new Routes(rooms, Map.of(), Set.of(), 0, 0);
        }
    }

    private final AssignmentProblem problem;
    private final String solverId;
    private final MPSolver solver;
    private final MPObjective objective;
    private final Map<Integer, MPConstraint> stayOnce = new HashMap<>();
    private final Map<String, MPConstraint> capacity = new HashMap<>();
    private final List<Path> paths = new ArrayList<>();

    private record Path(int room, Stay to, MPVariable broken, Map<Stay, MPVariable> stays,
                        Map<Integer, MPVariable> entries) {
    }

    private LockRouter(AssignmentProblem problem, String solverId) {
        this.problem = problem;
        this.solverId = solverId;
        this.solver = OrTools.createSolver(solverId);
        this.objective = solver.objective();
    }

    /**
     * Solved as an LP first (GLOP): paths through a flow with counts are usually integral there, and then the
     * LP's answer is the MILP's. Otherwise with the MILP solver.
     */
    static Routes route(AssignmentProblem problem, List<LayeredFlowModel.Layer> layers,
                        LayeredFlowModel.Solution relaxed, String solverId, Duration timeLimit,
                        Cancellation cancellation) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        Routes routes = route(problem, layers, relaxed, RoomFlowSolver.LP_SOLVER, true, timeLimit, cancellation);
        if (routes != null) {
            return routes;
        }
        return route(problem, layers, relaxed, solverId, false,
                Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())), cancellation);
    }

    /** @return the routes, or null when {@code integralOnly} and the solver's answer is fractional */
    private static Routes route(AssignmentProblem problem, List<LayeredFlowModel.Layer> layers,
                                LayeredFlowModel.Solution relaxed, String solverId, boolean integralOnly,
                                Duration timeLimit, Cancellation cancellation) {
        Map<Integer, List<Stay>> pinsOfRoom = pinsOfRoom(problem);
        if (pinsOfRoom.isEmpty()) {
            return Routes.none(problem.stays().size());
        }
        LockRouter router = new LockRouter(problem, solverId);
        Map<Integer, LayerSupport> supports = new HashMap<>();
        try {
            for (var e : pinsOfRoom.entrySet()) {
                List<Stay> pins = e.getValue();
                int layer = relaxed.layerOfStay()[pins.get(0).index()];
                LayerSupport support = supports.computeIfAbsent(layer, l -> new LayerSupport(problem, relaxed, l));
                router.addEntry(e.getKey(), pins.get(0), support);
                for (int i = 1; i < pins.size(); i++) {
                    router.addWindow(e.getKey(), pins.get(i - 1), pins.get(i), support);
                }
                if (router.solver.numVariables() > MAX_VARIABLES) {
                    // Too many locks to route in one model: route them one at a time, negotiating shared counts.
                    return NegotiatedRouter.route(problem, layers, relaxed,
                            System.nanoTime() + timeLimit.toNanos(), cancellation);
                }
            }
            return router.solve(timeLimit, integralOnly, cancellation);
        } finally {
            router.solver.delete();
        }
    }

    /** Each room with pinned stays → those stays by arrival; rooms in order. */
    static Map<Integer, List<Stay>> pinsOfRoom(AssignmentProblem problem) {
        Map<Integer, List<Stay>> pinsOfRoom = new TreeMap<>();
        for (Stay s : problem.stays()) {
            if (s.isPinned()) {
                pinsOfRoom.computeIfAbsent(s.pinnedRoom(), r -> new ArrayList<>()).add(s);
            }
        }
        pinsOfRoom.values().forEach(pins -> pins.sort(Comparator.comparingInt(Stay::arrival)));
        return pinsOfRoom;
    }

    /** The relaxation's flow of one layer: gap arcs with their counts, the free pool's count per day. */
    private static final class LayerSupport {
        final int layer;
        final Map<Long, Integer> direct;
        final Map<Integer, Integer> pool = new HashMap<>();
        final List<Stay> stays = new ArrayList<>();

        LayerSupport(AssignmentProblem problem, LayeredFlowModel.Solution relaxed, int layer) {
            this.layer = layer;
            LayeredFlowModel.LayerFlow flow = relaxed.flows().get(layer);
            this.direct = flow.direct();
            flow.waitExit().forEach((x, n) -> pool.merge(x, n, Integer::sum));
            flow.fromSource().forEach((x, n) -> pool.merge(x, n, Integer::sum));
            for (Stay s : problem.stays()) {
                if (relaxed.layerOfStay()[s.index()] == layer && !s.isPinned()) {
                    stays.add(s);
                }
            }
        }
    }

    /** One unit into the first pinned stay's arrival pool: a gap arc into it, or the free pool. */
    private void addEntry(int room, Stay first, LayerSupport support) {
        MPVariable broken = brokenVariable(room, first);
        MPConstraint one = solver.makeConstraint(1, 1);
        one.setCoefficient(broken, 1);
        Map<Integer, MPVariable> entries = new HashMap<>();
        int a = first.arrival();
        support.direct.forEach((key, n) -> {
            int d = (int) (key >> 32);
            if ((int) (long) key == a) {
                MPVariable v = solver.makeBoolVar("");
                entries.put(d, v);
                one.setCoefficient(v, 1);
                capacity("g" + support.layer + "_" + d + "_" + a, n).setCoefficient(v, 1);
            }
        });
        if (support.pool.getOrDefault(a, 0) > 0) {
            MPVariable v = solver.makeBoolVar("");
            entries.put(POOL, v);
            one.setCoefficient(v, 1);
            capacity("p" + support.layer + "_" + a, support.pool.get(a)).setCoefficient(v, 1);
        }
        paths.add(new Path(room, first, broken, Map.of(), entries));
    }

    /**
     * A unit path from D[from.departure] to A[to.arrival] inside the window: stays of the layer that fit in
     * it, gap arcs with flow, and waiting (a unit whose gap has become free can take any free-pool count).
     */
    private void addWindow(int room, Stay from, Stay to, LayerSupport support) {
        Schedule schedule = problem.schedule();
        int start = from.departure();
        int end = to.arrival();
        MPVariable broken = brokenVariable(room, to);
        Map<Long, MPConstraint> nodes = new HashMap<>();
        Map<Stay, MPVariable> stays = new HashMap<>();
        // A long window is crossed by waiting: only stays near its ends can matter (the room reaches the free
        // pool after one of them, or leaves it for one), which keeps the model small on long horizons.
        int near = 2 * GapArcs.freeFrom(schedule, start);
        for (Stay s : support.stays) {
            if (s.arrival() >= start && s.departure() <= end
                    && (s.arrival() < start + near || s.departure() > end - near)) {
                MPVariable v = solver.makeBoolVar("");
                stays.put(s, v);
                arc(nodes, v, node('A', s.arrival()), node('D', s.departure()));
                stayOnce.computeIfAbsent(s.index(), i -> solver.makeConstraint(0, 1)).setCoefficient(v, 1);
            }
        }
        support.direct.forEach((key, n) -> {
            int d = (int) (key >> 32);
            int a = (int) (long) key;
            if (d >= start && a <= end) {
                MPVariable v = solver.makeBoolVar("");
                arc(nodes, v, node('D', d), node('A', a));
                capacity("g" + support.layer + "_" + d + "_" + a, n).setCoefficient(v, 1);
            }
        });
        // Waiting: D[d] → W[d + free] (uncounted: a unit that is not taken simply stays free), W[x] → W[x+1],
        // W[x] → A[x] taking one of the free pool's units that day.
        int firstWait = Integer.MAX_VALUE;
        for (int d = start; d <= end; d++) {
            int w = d + GapArcs.freeFrom(schedule, d);
            if (w <= end) {
                MPVariable v = solver.makeBoolVar("");
                arc(nodes, v, node('D', d), node('W', w));
                firstWait = Math.min(firstWait, w);
            }
        }
        for (int x = firstWait; x <= end; x++) {
            if (x < end) {
                arc(nodes, solver.makeBoolVar(""), node('W', x), node('W', x + 1));
            }
            if (support.pool.getOrDefault(x, 0) > 0) {
                MPVariable v = solver.makeBoolVar("");
                arc(nodes, v, node('W', x), node('A', x));
                capacity("p" + support.layer + "_" + x, support.pool.get(x)).setCoefficient(v, 1);
            }
        }
        // in − out = 0 everywhere but the ends: −(1 − broken) at D[start], +(1 − broken) at A[end].
        for (var e : nodes.entrySet()) {
            MPConstraint c = e.getValue();
            if (e.getKey() == node('D', start)) {
                c.setCoefficient(broken, -1);
                c.setBounds(-1, -1);
            } else if (e.getKey() == node('A', end)) {
                c.setCoefficient(broken, 1);
                c.setBounds(1, 1);
            }
        }
        if (!nodes.containsKey(node('D', start)) || !nodes.containsKey(node('A', end))) {
            broken.setBounds(1, 1); // no arc leaves the earlier pin or reaches the later one
        }
        paths.add(new Path(room, to, broken, stays, Map.of()));
    }

    private MPVariable brokenVariable(int room, Stay pin) {
        MPVariable broken = solver.makeBoolVar("broken_" + room + "_" + pin.index());
        objective.setCoefficient(broken, 1);
        return broken;
    }

    private static long node(char kind, int day) {
        return ((long) kind << 32) | (day & 0xffffffffL);
    }

    private void arc(Map<Long, MPConstraint> nodes, MPVariable v, long from, long to) {
        nodes.computeIfAbsent(from, k -> solver.makeConstraint(0, 0)).setCoefficient(v, -1);
        nodes.computeIfAbsent(to, k -> solver.makeConstraint(0, 0)).setCoefficient(v, 1);
    }

    private MPConstraint capacity(String key, int count) {
        return capacity.computeIfAbsent(key, k -> solver.makeConstraint(0, count));
    }

    private boolean integral() {
        for (MPVariable v : solver.variables()) {
            double x = v.solutionValue();
            if (Math.abs(x - Math.rint(x)) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    private Routes solve(Duration timeLimit, boolean integralOnly, Cancellation cancellation) {
        objective.setMinimization();
        MPSolver.ResultStatus status = OrTools.solveExactly(solver, solverId, timeLimit, 1, cancellation);
        int[] roomOfStay = new int[problem.stays().size()];
        Arrays.fill(roomOfStay, -1);
        boolean solved = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        if (integralOnly && !(status == MPSolver.ResultStatus.OPTIMAL && integral())) {
            return cancellation.isCancelled() ? new Routes(roomOfStay, Map.of(), Set.of(), paths.size(), paths.size())
                    : null;
        }
        if (!solved) {
            return new Routes(roomOfStay, Map.of(), Set.of(), paths.size(), paths.size());
        }
        Map<Integer, Integer> entryOf = new HashMap<>();
        Set<Integer> routed = new HashSet<>();
        int broken = 0;
        for (Path p : paths) {
            if (p.broken().solutionValue() > 0.5) {
                broken++;
                continue;
            }
            routed.add(p.to().index());
            p.stays().forEach((s, v) -> {
                if (v.solutionValue() > 0.5) {
                    roomOfStay[s.index()] = p.room();
                }
            });
            p.entries().forEach((d, v) -> {
                if (v.solutionValue() > 0.5) {
                    entryOf.put(p.to().index(), d);
                }
            });
        }
        return new Routes(roomOfStay, entryOf, routed, broken, paths.size());
    }
}
