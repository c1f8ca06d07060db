package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bookingopt.core.model.Schedule;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.GapCost;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * The exact room assignment of SPEC §4, in three steps (see {@code shared/design/room-flow.md}):
 * <ol>
 *   <li>the <b>relaxation</b>: the room-flow model with one layer per room type, locked stays only held to
 *       their room's type and adjacency ignored. Its optimum is a lower bound on every plan;</li>
 *   <li>the <b>decomposition</b> of that flow into real rooms, honouring locks and seating groups. When it
 *       succeeds at the bound, the plan is proven optimal: the usual case, and fast;</li>
 *   <li>otherwise the <b>exact model</b>: the same flow with one layer per room (room identity, locks and
 *       adjacency exact), warm-started from the decomposed plan, until proven or out of time.</li>
 * </ol>
 * All costs are compared in units of 2^-20 (SPEC §4.3); OPTIMAL means the plan's cost in those units equals
 * the proven bound.
 */
public final class RoomFlowSolver implements RoomAssignmentSolver {
    private static final System.Logger LOG = System.getLogger(RoomFlowSolver.class.getName());
    /** The MILP solver bundled with OR-Tools that the models use. */
    public static final String DEFAULT_MILP = "SCIP";
    /** The LP solver for the relaxation's first try. */
    static final String LP_SOLVER = "GLOP";
    /** Stays × rooms above which the room-level model of the whole hotel is not attempted. */
    static final long EXACT_MODEL_LIMIT = 5_000;

    private final String milpSolver;

    public RoomFlowSolver() {
        this(DEFAULT_MILP);
    }

    public RoomFlowSolver(String milpSolver) {
        this.milpSolver = milpSolver;
    }

    @Override
    public Assignment solve(AssignmentProblem problem, SolverSettings settings, ProgressListener progress,
                            Cancellation cancellation) {
        long started = System.nanoTime();
        long deadline = started + settings.timeLimit().toNanos();
        progress.onProgress(0.0, "assign");

        List<LayeredFlowModel.Layer> typeLayers = typeLayers(problem);
        LayeredFlowModel.Solution relaxed = null;
        int relaxationSize;
        // The relaxation is nearly a network flow: its LP optimum is usually integral, and then it is the
        // MILP's optimum too. GLOP solves the LP several times faster than SCIP the MILP (and deterministically);
        // SCIP runs only when the LP's answer is fractional.
        double lpBoundUnits = Double.NaN;
        try (LayeredFlowModel lp = new LayeredFlowModel(problem, typeLayers, false, LP_SOLVER)) {
            progress.onProgress(0.05, "assign");
            LayeredFlowModel.Solution solved = lp.solve(remaining(deadline), 1, cancellation);
            relaxationSize = lp.numVariables();
            if (solved.status() == SolverStatus.INFEASIBLE) {
                relaxed = solved;
            } else if (solved.status() == SolverStatus.OPTIMAL) {
                lpBoundUnits = solved.boundUnits();
                if (lp.integral()) {
                    relaxed = solved;
                }
            }
        }
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("relaxation LP in %s", elapsed(started)));
        if (relaxed == null && !cancellation.isCancelled()) {
            try (LayeredFlowModel relaxation = new LayeredFlowModel(problem, typeLayers, false, milpSolver)) {
                progress.onProgress(0.1, "assign");
                relaxed = relaxation.solve(remaining(deadline), settings.threads(), cancellation);
            }
        }
        progress.onProgress(0.5, "assign");
        if (relaxed == null || cancellation.isCancelled()) {
            // Stopped during the relaxation: no time for the decomposition, answer with what there is.
            return new Assignment(SolverStatus.TIMEOUT, null, null, Double.NaN, null, null, null);
        }
        if (relaxed.status() == SolverStatus.INFEASIBLE) {
            return new Assignment(SolverStatus.INFEASIBLE, null, null, Double.NaN,
                    "no assignment respects every stay's room types and pins on all nights at once",
                    null, elapsed(started));
        }
        if (relaxed.layerOfStay() == null) {
            RoomPlan current = problem.currentPlan();
            if (current != null && PlanChecker.violations(problem, current).isEmpty()) {
                // Out of time in the MILP: the LP's optimum, when there is one, still bounds every plan.
                return Double.isNaN(lpBoundUnits)
                        ? new Assignment(SolverStatus.FEASIBLE, current, PlanEvaluator.evaluate(problem, current),
                                Double.NaN, null, null, null)
                        : result(problem, SolverStatus.FEASIBLE, current, Math.ceil(lpBoundUnits - 1e-6), null, null);
            }
            return new Assignment(SolverStatus.TIMEOUT, null, null, Double.NaN, null, null, null);
        }
        double boundUnits = Math.ceil(relaxed.boundUnits() - 1e-6);

        // The routes are a refinement: at most a fifth of the time limit, the rest stays for repair.
        long routing = System.nanoTime();
        LockRouter.Routes routes = LockRouter.route(problem, typeLayers, relaxed, milpSolver,
                min(remaining(deadline), settings.timeLimit().dividedBy(5)), cancellation);
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("lock routes in %s", elapsed(routing)));
        Decomposition decomposition = decomposition(problem, typeLayers, relaxed, routes, milpSolver,
                settings.threads(), deadline, cancellation);
        RoomPlan decomposed = withCheaperGaps(problem, decomposition.plan(), boundUnits, deadline, cancellation);
        List<String> violations = PlanChecker.violations(problem, decomposed);
        double relaxedBound = boundUnits;
        LayeredFlowModel.Solution relaxation = relaxed;
        int variables = relaxationSize;
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(
                "relaxation %s in %s: bound %.6f, %d vars; lock paths: %d of %d broken;"
                        + " decomposition: %d violations%s, cost %.6f",
                relaxation.status(), elapsed(started), Math.scalb(relaxedBound, -GapCost.FRACTION_BITS),
                variables, routes.brokenPaths(), routes.paths(), violations.size(),
                violations.isEmpty() ? "" : " (first: " + violations.get(0) + ")",
                Math.scalb(costUnits(problem, decomposed), -GapCost.FRACTION_BITS)));
        RoomPlan best = violations.isEmpty() ? decomposed : null;
        // The hotel's current plan, when it is a valid one, is a plan too: never answer "no plan" with it.
        RoomPlan current = problem.currentPlan();
        if (current != null && PlanChecker.violations(problem, current).isEmpty()
                && (best == null || costUnits(problem, current) < costUnits(problem, best))) {
            best = current;
        }
        Duration firstPlan = best == null ? null
                : best == decomposed ? Duration.ofNanos(decomposition.validSince() - started) : elapsed(started);
        progress.onProgress(0.6, "assign");
        if (best != null && costUnits(problem, best) <= boundUnits) {
            return result(problem, SolverStatus.OPTIMAL, best, boundUnits, firstPlan, elapsed(started));
        }
        if (cancellation.isCancelled() || System.nanoTime() >= deadline) {
            return best == null ? new Assignment(SolverStatus.TIMEOUT, null, null, Double.NaN, null, null, null)
                    : result(problem, SolverStatus.FEASIBLE, best, boundUnits, firstPlan, null);
        }

        if (problem.stays().size() * (long) problem.roomCount() > EXACT_MODEL_LIMIT) {
            // Too large for the room-level model: repair and improve a few rooms at a time.
            NeighbourhoodSearch search = new NeighbourhoodSearch(problem, milpSolver, relaxed);
            RoomPlan repaired = search.improve(decomposed, boundUnits, deadline, cancellation,
                    (f, phase) -> progress.onProgress(0.6 + 0.35 * Math.min(1, f), phase));
            if (PlanChecker.violations(problem, repaired).isEmpty()
                    && (best == null || costUnits(problem, repaired) < costUnits(problem, best))) {
                best = repaired;
                if (firstPlan == null) {
                    firstPlan = Duration.ofNanos(search.firstValidAt() - started);
                }
            }
        } else {
            LayeredFlowModel.Solution solved;
            try (LayeredFlowModel exact = new LayeredFlowModel(problem, roomLayers(problem), true, milpSolver)) {
                if (best != null) {
                    exact.hint(best);
                }
                solved = exact.solve(remaining(deadline), settings.threads(), cancellation);
            }
            if (solved.status() == SolverStatus.INFEASIBLE) {
                return new Assignment(SolverStatus.INFEASIBLE, null, null, Double.NaN,
                        "no assignment respects every stay's room types, locked rooms and pins at once",
                        null, elapsed(started));
            }
            if (solved.layerOfStay() != null) {
                boundUnits = Math.max(boundUnits, Math.ceil(solved.boundUnits() - 1e-6));
                RoomPlan exactPlan = planOf(problem, solved.layerOfStay());
                if (best == null || costUnits(problem, exactPlan) < costUnits(problem, best)) {
                    best = exactPlan;
                    if (firstPlan == null) {
                        firstPlan = elapsed(started);
                    }
                }
            }
        }
        progress.onProgress(0.95, "assign");
        if (best == null) {
            return new Assignment(SolverStatus.TIMEOUT, null, null, Double.NaN, null, null, null);
        }
        boolean proven = costUnits(problem, best) <= boundUnits;
        return result(problem, proven ? SolverStatus.OPTIMAL : SolverStatus.FEASIBLE, best, boundUnits,
                firstPlan, proven ? elapsed(started) : null);
    }

    private static Assignment result(AssignmentProblem problem, SolverStatus status, RoomPlan plan,
                                     double boundUnits, Duration firstPlan, Duration proof) {
        var objective = PlanEvaluator.evaluate(problem, plan);
        double bound = Math.min(objective.total(), Math.scalb(boundUnits, -GapCost.FRACTION_BITS));
        return new Assignment(status, plan, objective, bound, null, firstPlan, proof);
    }

    /**
     * With adjacency groups, the plan seated from the bound ({@link #seatedFromTheBound}) when its decomposition
     * is valid: it starts at the bound and pays gap cost only where a member cannot be seated otherwise. On
     * every typed ladder hotel it beat the other two (150 × 90: 303.73 = the bound against 305.60 before pair
     * exchanges; 300 × 180: 0 members alone against 13 and 4; 600 × 365: 63 alone against 82).
     *
     * <p>Otherwise two decompositions: along the lock paths the router found in the flow, and the greedy one
     * (which seats groups more freely where locks are few); in each, lone group members then move next to
     * their group where that pays. The better plan's remaining lone members a few rooms re-solved around them
     * may seat ({@link GroupSeating}).
     */
    private static Decomposition decomposition(AssignmentProblem problem, List<LayeredFlowModel.Layer> typeLayers,
                                          LayeredFlowModel.Solution relaxed, LockRouter.Routes routes,
                                          String milpSolver, int threads, long deadline,
                                          Cancellation cancellation) {
        if (!problem.groups().isEmpty() && problem.stays().stream().noneMatch(Stay::isTest)) {
            Decomposition seated = seatedFromTheBound(problem, typeLayers, relaxed, routes, milpSolver, threads,
                    deadline, cancellation);
            if (seated != null) {
                return seated;
            }
        }
        RoomPlan best = null;
        long took = 0; // the longest decomposition so far: another one starts only if twice that is left
        for (LockRouter.Routes r : List.of(routes, LockRouter.Routes.none(problem.stays().size()))) {
            if (best != null && (cancellation.isCancelled() || deadline - System.nanoTime() < 2 * took)) {
                break; // no time for another
            }
            long begun = System.nanoTime();
            RoomPlan plan = SegmentSwaps.seatGroups(problem, FlowDecomposer.decompose(problem, typeLayers, relaxed, r),
                    deadline, cancellation);
            took = Math.max(took, System.nanoTime() - begun);
            logStep(r == routes ? "routed decomposition" : "greedy decomposition", problem, plan);
            if (best == null || better(problem, plan, best)) {
                best = plan;
            }
            if (routes.paths() == 0) {
                break; // no locks: both are the same
            }
        }
        if (PlanChecker.violations(problem, best).isEmpty()
                && !PlanEvaluator.unsatisfiedMembers(problem, best).isEmpty()) {
            best = new GroupSeating(problem, milpSolver, threads).seat(best, deadline, cancellation);
        }
        return new Decomposition(best, System.nanoTime());
    }

    /**
     * A decomposed plan, and since when a valid plan existed: the seating that follows a valid decomposition
     * only makes it cheaper, and stopping it (cancel, time) returns the plan seated so far.
     */
    private record Decomposition(RoomPlan plan, long validSince) {
    }

    /**
     * A valid plan above the bound with its gaps made cheaper by exchanges between rooms ({@link
     * SegmentSwaps#cheaperGaps}); any other plan as it is. They reach further than the search's windows (whose
     * edges fix the stays across them) and take back most of what seating the groups cost: 300 × 180 typed
     * 1,244.24 → 1,227.43 in 1.3 s, 600 × 365 typed 3,830.89 → 3,667.71 in about 19 s.
     */
    private static RoomPlan withCheaperGaps(AssignmentProblem problem, RoomPlan plan, double boundUnits,
                                            long deadline, Cancellation cancellation) {
        if (!PlanChecker.violations(problem, plan).isEmpty() || costUnits(problem, plan) <= boundUnits) {
            return plan;
        }
        RoomPlan cheaper = SegmentSwaps.cheaperGaps(problem, plan, deadline, cancellation);
        logStep("cheaper gaps", problem, cheaper);
        // Exchanges keep plans valid; checked anyway before the plan is given up.
        return PlanChecker.violations(problem, cheaper).isEmpty() ? cheaper : plan;
    }

    /**
     * The routed decomposition of the hotel without its groups follows the flow exactly (at the bound where
     * every lock was routed); then gap-free exchanges, exchanges that pay gap cost, and windows re-solved around
     * the members still alone. Null when that decomposition is not a valid plan.
     */
    private static Decomposition seatedFromTheBound(AssignmentProblem problem, List<LayeredFlowModel.Layer> typeLayers,
                                               LayeredFlowModel.Solution relaxed, LockRouter.Routes routes,
                                               String milpSolver, int threads, long deadline,
                                               Cancellation cancellation) {
        RoomPlan plan = FlowDecomposer.decompose(withoutGroups(problem), typeLayers, relaxed, routes);
        if (!PlanChecker.violations(problem, plan).isEmpty()) {
            return null;
        }
        long validSince = System.nanoTime();
        logStep("decomposition without groups", problem, plan);
        plan = SegmentSwaps.seatGroups(problem, plan, true, deadline, cancellation);
        logStep("gap-free exchanges", problem, plan);
        // Exchanges that pay gap cost seat dozens of members a second, windows about one: exchanges first, then
        // windows for the members they cannot seat (all the time but what a last round of exchanges needs, twice
        // what the first took), then exchanges again. The gap cost this adds, cheaper gaps and the neighbourhood
        // search take back; a lone member costs more (800 on the ladder) than any gap they close.
        long exchanges = System.nanoTime();
        plan = SegmentSwaps.seatGroups(problem, plan, deadline, cancellation);
        logStep("exchanges that pay", problem, plan);
        plan = new GroupSeating(problem, milpSolver, threads).seat(plan,
                deadline - 2 * (System.nanoTime() - exchanges), cancellation);
        logStep("seating windows", problem, plan);
        plan = SegmentSwaps.seatGroups(problem, plan, deadline, cancellation);
        logStep("seating from the bound", problem, plan);
        return new Decomposition(plan, validSince);
    }

    private static void logStep(String step, AssignmentProblem problem, RoomPlan plan) {
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("%s: cost %.6f, %d alone", step,
                Math.scalb(costUnits(problem, plan), -GapCost.FRACTION_BITS),
                PlanEvaluator.unsatisfiedMembers(problem, plan).size()));
    }

    /** The same stays with no adjacency groups: for a decomposition that only follows the flow. */
    static AssignmentProblem withoutGroups(AssignmentProblem problem) {
        List<Stay> stays = new ArrayList<>();
        for (Stay s : problem.stays()) {
            stays.add(new Stay(s.index(), s.reservation(), s.arrival(), s.departure(), s.allowedTypes(),
                    s.pinnedRoom(), s.pin(), -1, s.splitGroup()));
        }
        return problem.withStays(stays);
    }

    /** A valid plan beats an invalid one; then the lower cost wins. */
    private static boolean better(AssignmentProblem problem, RoomPlan plan, RoomPlan than) {
        boolean valid = PlanChecker.violations(problem, plan).isEmpty();
        boolean thanValid = PlanChecker.violations(problem, than).isEmpty();
        if (valid != thanValid) {
            return valid;
        }
        return costUnits(problem, plan) < costUnits(problem, than);
    }

    /** The plan's cost in units of 2^-20: the quantity the models minimise. */
    static double costUnits(AssignmentProblem problem, RoomPlan plan) {
        Schedule schedule = problem.schedule();
        double units = 0;
        for (List<Stay> timeline : PlanEvaluator.timelines(problem, plan)) {
            for (int i = 1; i < timeline.size(); i++) {
                units += GapArcs.cost(schedule, timeline.get(i - 1).departure(), timeline.get(i).arrival());
            }
        }
        double penalty = Math.scalb(PlanEvaluator.adjacencyPenalty(problem), GapCost.FRACTION_BITS);
        units += penalty * PlanEvaluator.unsatisfiedMembers(problem, plan).size();
        units += Math.scalb(PlanEvaluator.splitPenalty(problem, plan), GapCost.FRACTION_BITS);
        return units;
    }

    static List<LayeredFlowModel.Layer> typeLayers(AssignmentProblem problem) {
        List<LayeredFlowModel.Layer> layers = new ArrayList<>();
        for (int t = 0; t < problem.types().size(); t++) {
            List<Integer> rooms = new ArrayList<>();
            for (int r = 0; r < problem.roomCount(); r++) {
                if (problem.typeOf(r) == t) {
                    rooms.add(r);
                }
            }
            layers.add(new LayeredFlowModel.Layer(t, rooms.stream().mapToInt(Integer::intValue).toArray()));
        }
        return layers;
    }

    static List<LayeredFlowModel.Layer> roomLayers(AssignmentProblem problem) {
        List<LayeredFlowModel.Layer> layers = new ArrayList<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            layers.add(new LayeredFlowModel.Layer(problem.typeOf(r), new int[] {r}));
        }
        return layers;
    }

    private static RoomPlan planOf(AssignmentProblem problem, int[] layerOfStay) {
        int[] rooms = new int[layerOfStay.length];
        for (int s = 0; s < rooms.length; s++) {
            rooms[s] = layerOfStay[s]; // room layers: layer index = room index
        }
        return new RoomPlan(rooms);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
