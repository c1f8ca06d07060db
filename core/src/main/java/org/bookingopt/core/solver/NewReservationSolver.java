package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.GapCost;
import org.bookingopt.core.plan.Pin;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * The two questions of feasibility mode (SPEC §8) that keep the current plan as the reference:
 * <ul>
 *   <li>the <b>fit</b> (SPEC §8.1 step 5): every existing stay where it is, only the one-night pieces of the
 *       new reservations placed, SPEC §4.3 objective with split penalties;</li>
 *   <li>the <b>fewest moves</b> (SPEC §9.1 {@code NewReservationFit}): lexicographically, the fewest
 *       existing stays that leave their current room, then the SPEC §4.3 objective. Two solves: a pure
 *       assignment model counts the moves, then the room-level flow model minimises the objective with at
 *       most that many moves.</li>
 * </ul>
 * Both only look at the window the new reservations can change ({@link WindowProblem}), so their size
 * depends on the new stays, not on the hotel. The fewest-moves search frees more and more existing stays
 * (from those holding the wanted rooms on the nights the new stays do not fit, to all) until the count meets
 * a lower bound: per night, the fewest stays that must change rooms for that night's stays to fit (a
 * min-cost matching), or the same model with the stays it does not free left out (a relaxation).
 */
public final class NewReservationSolver {
    /**
     * The fewest-moves answer.
     *
     * @param plan          a plan with the fewest moves found, best SPEC §4.3 cost among those searched; null
     *                      when no plan holds the new reservations
     * @param moves         existing stays not in their current room in {@code plan}
     * @param bound         proven lower bound on the number of moves
     * @param status        OPTIMAL when {@code moves == bound}; INFEASIBLE when no plan exists at all
     * @param costOptimal   whether {@code plan} is proven best by the SPEC §4.3 objective among the plans
     *                      with that many moves (of the stays in the final window)
     */
    public record Moves(RoomPlan plan, int moves, int bound, SolverStatus status, boolean costOptimal) {
        public boolean provenMinimal() {
            return status == SolverStatus.OPTIMAL;
        }
    }

    private static final int[] MARGINS = {0, 7, 28};
    /** Time the cost stage of the fewest-moves answer may take at most. */
    private static final Duration COST_STAGE = Duration.ofSeconds(2);

    private final String milpSolver;

    public NewReservationSolver() {
        this(RoomFlowSolver.DEFAULT_MILP);
    }

    public NewReservationSolver(String milpSolver) {
        this.milpSolver = milpSolver;
    }

    /**
     * The fit solve. {@code fitProblem} pins every stay except the pieces (see
     * {@link AssignmentProblem#withNewReservations}); a plan exists iff each night's pieces can be matched
     * to rooms left free by the pinned stays.
     */
    public Assignment fit(AssignmentProblem fitProblem, SolverSettings settings, Cancellation cancellation) {
        long started = System.nanoTime();
        int[] base = new int[fitProblem.stays().size()];
        boolean[] free = new boolean[base.length];
        for (Stay s : fitProblem.stays()) {
            if (s.isPinned()) {
                base[s.index()] = s.pinnedRoom();
            } else if (s.isTest()) {
                base[s.index()] = -1;
                free[s.index()] = true;
            } else {
                throw new IllegalArgumentException("the fit solve needs every existing stay pinned: stay #" + s.index());
            }
        }
        WindowProblem window = WindowProblem.around(fitProblem, new RoomPlan(base), free);
        LayeredFlowModel.Solution solved;
        try (LayeredFlowModel model = new LayeredFlowModel(window.sub, window.layers, true, milpSolver)) {
            solved = model.solve(settings.timeLimit(), settings.threads(), cancellation);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (solved.status() == SolverStatus.INFEASIBLE) {
            return new Assignment(SolverStatus.INFEASIBLE, null, null, Double.NaN, null, null, elapsed);
        }
        if (solved.layerOfStay() == null) {
            return new Assignment(SolverStatus.TIMEOUT, null, null, Double.NaN, null, null, null);
        }
        return assignment(window, window.lift(solved.layerOfStay()), solved.boundUnits(), elapsed);
    }

    /**
     * The fewest existing stays to move so that the new reservations fit, then the best plan with that many
     * moves.
     *
     * @param problem the full solve's problem (existing stays movable unless locked or outside the window)
     * @param current every existing stay's current room (all valid); pieces' entries are ignored
     * @param deadline {@link System#nanoTime()} by which to answer
     */
    public Moves fewestMoves(AssignmentProblem problem, RoomPlan current, long deadline, Cancellation cancellation) {
        int bound = perNightBound(problem, current);
        if (bound < 0) {
            return new Moves(null, -1, -1, SolverStatus.INFEASIBLE, false);
        }
        boolean[] mustMove = conflicting(problem, current);
        List<Predicate<Stay>> levels = searchLevels(problem, current);
        WindowProblem bestWindow = null;
        MovesModel.Result best = null;
        boolean infeasible = false;
        boolean[] previous = null;
        for (int i = 0; i < levels.size() && !cancellation.isCancelled(); i++) {
            boolean[] free = new boolean[problem.stays().size()];
            boolean everyStay = true;
            for (Stay s : problem.stays()) {
                free[s.index()] = s.isTest() || mustMove[s.index()] || (!s.isPinned() && levels.get(i).test(s));
                everyStay &= free[s.index()] || s.isPinned();
            }
            if (Arrays.equals(free, previous)) {
                continue;
            }
            previous = free;
            WindowProblem window = WindowProblem.around(problem, current, free);
            int[] currentRooms = currentRooms(window, current);
            MovesModel.Result result = solveMoves(window, currentRooms, false, deadline, cancellation);
            if (result.layerOfStay() != null && (best == null || result.moves() < best.moves())) {
                best = result;
                bestWindow = window;
            }
            if (everyStay) {
                infeasible = result.status() == SolverStatus.INFEASIBLE;
                if (result.status() != SolverStatus.TIMEOUT && !infeasible) {
                    bound = Math.max(bound, result.bound());
                }
            } else if (best == null || best.moves() > bound) {
                // The stays outside the window only block rooms: without them, a lower bound.
                MovesModel.Result relaxed = solveMoves(window, currentRooms, true, deadline, cancellation);
                infeasible = relaxed.status() == SolverStatus.INFEASIBLE;
                if (relaxed.status() != SolverStatus.TIMEOUT && !infeasible) {
                    bound = Math.max(bound, relaxed.bound());
                }
            }
            if ((best != null && best.moves() <= bound) || infeasible || everyStay
                    || System.nanoTime() >= deadline) {
                break;
            }
        }
        if (best == null) {
            return new Moves(null, -1, bound, infeasible ? SolverStatus.INFEASIBLE : SolverStatus.TIMEOUT, false);
        }
        RoomPlan plan = bestWindow.lift(best.layerOfStay());
        boolean costOptimal = false;
        if (System.nanoTime() < deadline && !cancellation.isCancelled()) {
            WindowProblem window = costWindow(problem, current, plan);
            LayeredFlowModel.Solution solved;
            try (LayeredFlowModel model = new LayeredFlowModel(window.sub, window.layers, true, milpSolver)) {
                model.limitMoves(currentRooms(window, current), best.moves());
                model.hint(window.restrict(plan));
                solved = model.solve(Duration.ofNanos(Math.min(remaining(deadline).toNanos(), COST_STAGE.toNanos())),
                        1, cancellation);
            }
            if (solved.layerOfStay() != null) {
                RoomPlan better = window.lift(solved.layerOfStay());
                if (RoomFlowSolver.costUnits(problem, better) <= RoomFlowSolver.costUnits(problem, plan)) {
                    plan = better;
                }
                costOptimal = solved.status() == SolverStatus.OPTIMAL;
            }
        }
        int moves = moves(problem, current, plan);
        return new Moves(plan, moves, Math.min(bound, moves), moves <= bound ? SolverStatus.OPTIMAL
                : SolverStatus.FEASIBLE, costOptimal);
    }

    /**
     * Which movable stays the fewest-moves search frees, level by level, each level a superset of the one
     * before: the stays in rooms of a type the new stays accept on the nights they do not fit; every stay on
     * those nights; every stay during the new stays; then 7 and 28 more nights on each side; finally all.
     */
    private static List<Predicate<Stay>> searchLevels(AssignmentProblem problem, RoomPlan current) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (FitCheck.Shortage shortage : FitCheck.shortages(pinnedWhereTheyAre(problem, current))) {
            lo = Math.min(lo, shortage.night());
            hi = Math.max(hi, shortage.night() + 1);
        }
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        boolean[] wantedType = new boolean[problem.types().size()];
        for (Stay s : problem.stays()) {
            if (s.isTest()) {
                from = Math.min(from, s.arrival());
                to = Math.max(to, s.departure());
                for (int t : s.allowedTypes()) {
                    wantedType[t] = true;
                }
            }
        }
        if (lo == Integer.MAX_VALUE) {
            lo = from;
            hi = to;
        }
        int shortFrom = lo;
        int shortTo = hi;
        List<Predicate<Stay>> levels = new ArrayList<>();
        levels.add(s -> overlaps(s, shortFrom, shortTo) && wantedType[problem.typeOf(current.room(s.index()))]);
        levels.add(s -> overlaps(s, shortFrom, shortTo));
        for (int margin : MARGINS) {
            int a = from - margin;
            int b = to + margin;
            levels.add(s -> overlaps(s, a, b));
        }
        levels.add(s -> true);
        return levels;
    }

    private static boolean overlaps(Stay s, int from, int to) {
        return s.arrival() < to && from < s.departure();
    }

    /** The problem with every existing stay held in its current room, as in the fit. */
    private static AssignmentProblem pinnedWhereTheyAre(AssignmentProblem problem, RoomPlan current) {
        List<Stay> stays = new ArrayList<>();
        for (Stay s : problem.stays()) {
            stays.add(s.isTest() || s.isPinned() ? s : s.pinnedTo(current.room(s.index()), Pin.KEPT));
        }
        return problem.withStays(stays);
    }

    private MovesModel.Result solveMoves(WindowProblem window, int[] currentRooms, boolean relaxed, long deadline,
                                         Cancellation cancellation) {
        try (MovesModel model = new MovesModel(window, currentRooms, relaxed, milpSolver)) {
            return model.solve(remaining(deadline), cancellation);
        }
    }

    /**
     * Where the second, cost stage searches among the plans with that many moves: the whole problem when it
     * is small enough for the room-level model; otherwise the rooms the fewest-moves plan touches (the new
     * stays' rooms, and the rooms moved stays leave and enter), with every stay of those rooms near the
     * change free to move among them.
     */
    private static WindowProblem costWindow(AssignmentProblem problem, RoomPlan current, RoomPlan plan) {
        boolean[] free = new boolean[problem.stays().size()];
        if (problem.stays().size() * (long) problem.roomCount() <= RoomFlowSolver.EXACT_MODEL_LIMIT) {
            for (Stay s : problem.stays()) {
                free[s.index()] = !s.isPinned();
            }
            return WindowProblem.around(problem, current, free);
        }
        boolean[] touched = new boolean[problem.roomCount()];
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (Stay s : problem.stays()) {
            if (s.isTest() || plan.room(s.index()) != current.room(s.index())) {
                touched[plan.room(s.index())] = true;
                if (!s.isTest()) {
                    touched[current.room(s.index())] = true;
                }
                lo = Math.min(lo, s.arrival());
                hi = Math.max(hi, s.departure());
            }
        }
        for (Stay s : problem.stays()) {
            free[s.index()] = s.isTest() || plan.room(s.index()) != current.room(s.index())
                    || (!s.isPinned() && touched[current.room(s.index())] && s.arrival() < hi && lo < s.departure());
        }
        return WindowProblem.around(problem, current, free, touched);
    }

    /** Existing stays of {@code plan} that are not in their current room. */
    public static int moves(AssignmentProblem problem, RoomPlan current, RoomPlan plan) {
        int moves = 0;
        for (Stay s : problem.stays()) {
            if (!s.isTest() && plan.room(s.index()) != current.room(s.index())) {
                moves++;
            }
        }
        return moves;
    }

    /**
     * Movable existing stays whose current room is invalid for them: of a type they do not accept, or held by
     * another stay on one of their nights. They must move whatever the window.
     */
    private static boolean[] conflicting(AssignmentProblem problem, RoomPlan current) {
        boolean[] conflicting = new boolean[problem.stays().size()];
        for (Stay s : problem.stays()) {
            if (s.isTest() || s.isPinned()) {
                continue;
            }
            int room = current.room(s.index());
            conflicting[s.index()] = !problem.stayFitsRoom(s, room) || problem.stays().stream().anyMatch(o ->
                    o != s && !o.isTest() && current.room(o.index()) == room && o.overlaps(s));
        }
        return conflicting;
    }

    private static int[] currentRooms(WindowProblem window, RoomPlan current) {
        int[] rooms = new int[window.original.length];
        for (int i = 0; i < rooms.length; i++) {
            Stay s = window.full.stay(window.original[i]);
            rooms[i] = s.isTest() ? -1 : current.room(s.index());
        }
        return rooms;
    }

    /**
     * A lower bound on the moves: for each night of a new reservation, the fewest stays present that night
     * that cannot keep their current room if everyone present gets a room (min-cost matching); the most
     * over those nights. -1 if some night has no matching at all.
     */
    static int perNightBound(AssignmentProblem problem, RoomPlan current) {
        OrTools.load();
        boolean[] pieceNight = new boolean[problem.schedule().nights()];
        for (Stay s : problem.stays()) {
            if (s.isTest()) {
                pieceNight[s.arrival() - problem.schedule().start()] = true;
            }
        }
        int bound = 0;
        for (int n = 0; n < pieceNight.length; n++) {
            if (!pieceNight[n]) {
                continue;
            }
            int night = problem.schedule().start() + n;
            Stay[] present = problem.stays().stream().filter(s -> s.arrival() <= night && night < s.departure())
                    .toArray(Stay[]::new);
            int rooms = problem.roomCount();
            MinCostFlow flow = new MinCostFlow();
            int source = 0;
            int sink = 1;
            for (int i = 0; i < present.length; i++) {
                Stay s = present[i];
                flow.addArcWithCapacityAndUnitCost(source, 2 + i, 1, 0);
                for (int r = 0; r < rooms; r++) {
                    if (problem.stayFitsRoom(s, r)) {
                        boolean moved = !s.isTest() && current.room(s.index()) != r;
                        flow.addArcWithCapacityAndUnitCost(2 + i, 2 + present.length + r, 1, moved ? 1 : 0);
                    }
                }
            }
            for (int r = 0; r < rooms; r++) {
                flow.addArcWithCapacityAndUnitCost(2 + present.length + r, sink, 1, 0);
            }
            flow.setNodeSupply(source, present.length);
            flow.setNodeSupply(sink, -present.length);
            MinCostFlowBase.Status status = flow.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                return -1;
            }
            bound = Math.max(bound, (int) flow.getOptimalCost());
        }
        return bound;
    }

    private static Assignment assignment(WindowProblem window, RoomPlan plan, double subBoundUnits, Duration elapsed) {
        // The window's objective differs from the whole plan's by a constant (WindowProblem).
        double planUnits = RoomFlowSolver.costUnits(window.full, plan);
        double constant = planUnits - RoomFlowSolver.costUnits(window.sub, window.restrict(plan));
        double boundUnits = Math.ceil(subBoundUnits - 1e-6) + constant;
        boolean proven = planUnits <= boundUnits;
        var objective = PlanEvaluator.evaluate(window.full, plan);
        double bound = Math.min(objective.total(), Math.scalb(boundUnits, -GapCost.FRACTION_BITS));
        return new Assignment(proven ? SolverStatus.OPTIMAL : SolverStatus.FEASIBLE, plan, objective, bound, null,
                elapsed, proven ? elapsed : null);
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }
}
