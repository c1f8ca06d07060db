package org.bookingopt.core.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Stay;

/**
 * Finds an {@link InfeasibleCore}: the hard constraints of SPEC §4.2 as a CP-SAT model in which every stay's
 * "has a room" and every pinned stay's "in its pinned room" hold only under an assumption literal. An
 * infeasible solve names a subset of the assumptions that is already infeasible; that subset is then
 * shrunk by deletion (drop one member, re-solve: still infeasible, keep the smaller core CP-SAT names;
 * a plan, the member is needed) until every member is proven needed or the time budget is spent.
 *
 * <p>The usual case, the first night with more stays than rooms they accept (found by {@link CapacityCheck}),
 * is a matching question and goes to {@link NightCore} instead. The model covers every stay of a small hotel
 * otherwise (a conflict that spans nights, such as a stay between two locks). Adjacency is a cost, not a constraint, so groups never
 * appear in a core.
 */
public final class CoreFinder {
    /** Most room choices (stays × accepted rooms) the window over all stays may have. */
    private static final long MAX_CHOICES = 200_000;

    private CoreFinder() {
    }

    /**
     * @param budget time for finding and shrinking the core; the core is returned unshrunk, or not proven
     *               minimal, when it runs out
     * @return the core, or empty when none was found (the problem has a plan, or the window is too large,
     *         or the budget ran out before the first proof)
     */
    public static Optional<InfeasibleCore> find(AssignmentProblem problem, Duration budget, Cancellation cancellation) {
        Window window = window(problem);
        if (window.stays().isEmpty()) {
            return Optional.empty();
        }
        if (window.shortNight() >= 0) {
            return Optional.of(NightCore.find(problem, window.stays(), cancellation));
        }
        Seating seating = new Seating(problem, window);
        // From here: the first model of a process loads CP-SAT's classes, which is no part of the search.
        long deadline = System.nanoTime() + budget.toNanos();
        Answer first = seating.solve(seating.allAssumptions(), deadline, cancellation);
        if (first.core() == null || first.core().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(shrink(problem, seating, first.core(), deadline, cancellation));
    }

    /** The stays the model covers; {@code shortNight} the night they are too many for, or -1. */
    private record Window(List<Stay> stays, int shortNight) {
    }

    /** The stays of the first short night; else every stay when the hotel is small enough. */
    private static Window window(AssignmentProblem problem) {
        for (Stay s : problem.stays()) {
            if (!s.isPinned() && IntStream.range(0, problem.roomCount())
                    .noneMatch(r -> s.acceptsType(problem.typeOf(r)))) {
                return new Window(List.of(s), -1);
            }
        }
        List<Integer> shortNights = CapacityCheck.shortNights(problem);
        if (!shortNights.isEmpty()) {
            int night = shortNights.get(0);
            return new Window(problem.stays().stream().filter(s -> s.arrival() <= night && night < s.departure())
                    .toList(), night);
        }
        long choices = 0;
        for (Stay s : problem.stays()) {
            for (int r = 0; r < problem.roomCount(); r++) {
                choices += problem.stayFitsRoom(s, r) || s.acceptsType(problem.typeOf(r)) ? 1 : 0;
            }
        }
        return new Window(choices <= MAX_CHOICES ? problem.stays() : List.of(), -1);
    }

    /**
     * Deletion-based shrinking: pins first (a stay that only needs some room of its type is the simpler
     * explanation), then stays, longest first.
     */
    private static InfeasibleCore shrink(AssignmentProblem problem, Seating seating, Set<Integer> core, long deadline,
                                         Cancellation cancellation) {
        Set<Integer> current = new LinkedHashSet<>(core);
        Set<Integer> needed = new TreeSet<>();
        boolean complete = true;
        List<Integer> order = new ArrayList<>(current);
        order.sort(Comparator.comparing((Integer a) -> !seating.isPin(a))
                .thenComparing(a -> -seating.stayOf(a).length()).thenComparing(a -> a));
        for (int assumption : order) {
            if (!current.contains(assumption)) {
                continue;
            }
            if (System.nanoTime() >= deadline || cancellation.isCancelled()) {
                complete = false;
                break;
            }
            Set<Integer> without = new LinkedHashSet<>(current);
            without.remove(assumption);
            Answer answer = seating.solve(without, deadline, cancellation);
            if (answer.core() != null) {
                current = new LinkedHashSet<>(answer.core());
            } else if (answer.feasible()) {
                needed.add(assumption);
            } else {
                complete = false; // unknown: keep it, unproven
            }
        }
        List<InfeasibleCore.Member> members = new ArrayList<>();
        for (Stay s : problem.stays()) {
            if (current.contains(seating.placedAssumption(s))) {
                members.add(new InfeasibleCore.Member(s, current.contains(seating.pinAssumption(s))));
            }
        }
        return InfeasibleCore.of(problem, members, complete && needed.containsAll(current));
    }

    /** An infeasible solve's core (assumption indices), or whether the solve found a plan. */
    private record Answer(Set<Integer> core, boolean feasible) {
    }

    /** The CP-SAT model of seating a window of stays, with one assumption per stay and per pin. */
    private static final class Seating {
        private final CpModel model = new CpModel();
        private final List<Literal> assumptions = new ArrayList<>();
        private final List<Stay> stayOfAssumption = new ArrayList<>();
        private final List<Boolean> pinAssumption = new ArrayList<>();
        private final int[] placedIndex;
        private final int[] pinIndex;

        Seating(AssignmentProblem problem, Window windowed) {
            List<Stay> window = windowed.stays();
            OrTools.load();
            placedIndex = new int[problem.stays().size()];
            pinIndex = new int[problem.stays().size()];
            Arrays.fill(placedIndex, -1);
            Arrays.fill(pinIndex, -1);
            List<List<Stay>> staysOfRoom = new ArrayList<>();
            List<List<Literal>> choicesOfRoom = new ArrayList<>();
            for (int r = 0; r < problem.roomCount(); r++) {
                staysOfRoom.add(new ArrayList<>());
                choicesOfRoom.add(new ArrayList<>());
            }
            for (Stay s : window) {
                Literal placed = assume(s, false);
                Literal pinned = s.isPinned() ? assume(s, true) : null;
                List<Literal> rooms = new ArrayList<>();
                for (int r = 0; r < problem.roomCount(); r++) {
                    boolean typeFits = s.acceptsType(problem.typeOf(r));
                    if (!typeFits && r != s.pinnedRoom()) {
                        continue;
                    }
                    Literal x = model.newBoolVar("x_" + s.index() + "_" + r);
                    rooms.add(x);
                    staysOfRoom.get(r).add(s);
                    choicesOfRoom.get(r).add(x);
                    if (pinned != null && r != s.pinnedRoom()) {
                        model.addImplication(pinned, x.not());
                    } else if (pinned != null && !typeFits) {
                        model.addImplication(x, pinned); // unpinned, it would not accept this room's type
                    }
                }
                model.addAtMostOne(rooms);
                if (rooms.isEmpty()) {
                    model.addBoolOr(new Literal[] {placed.not()});
                } else {
                    model.addBoolOr(rooms).onlyEnforceIf(placed);
                }
            }
            for (int r = 0; r < problem.roomCount(); r++) {
                noDoubleBooking(staysOfRoom.get(r), choicesOfRoom.get(r));
            }
        }

        /** At most one stay per room on each arrival day (every set of overlapping stays shares one). */
        private void noDoubleBooking(List<Stay> stays, List<Literal> choices) {
            TreeSet<Integer> arrivals = new TreeSet<>();
            stays.forEach(s -> arrivals.add(s.arrival()));
            for (int day : arrivals) {
                List<Literal> present = new ArrayList<>();
                for (int i = 0; i < stays.size(); i++) {
                    if (stays.get(i).arrival() <= day && day < stays.get(i).departure()) {
                        present.add(choices.get(i));
                    }
                }
                if (present.size() >= 2) {
                    model.addAtMostOne(present);
                }
            }
        }

        private Literal assume(Stay s, boolean pin) {
            Literal literal = model.newBoolVar((pin ? "pin_" : "placed_") + s.index());
            (pin ? pinIndex : placedIndex)[s.index()] = assumptions.size();
            assumptions.add(literal);
            stayOfAssumption.add(s);
            pinAssumption.add(pin);
            return literal;
        }

        Set<Integer> allAssumptions() {
            Set<Integer> all = new LinkedHashSet<>();
            for (int i = 0; i < assumptions.size(); i++) {
                all.add(i);
            }
            return all;
        }

        boolean isPin(int assumption) {
            return pinAssumption.get(assumption);
        }

        Stay stayOf(int assumption) {
            return stayOfAssumption.get(assumption);
        }

        int placedAssumption(Stay s) {
            return placedIndex[s.index()];
        }

        int pinAssumption(Stay s) {
            return pinIndex[s.index()];
        }

        /** Solves with exactly these assumptions, one worker, until the deadline. */
        Answer solve(Set<Integer> assumed, long deadline, Cancellation cancellation) {
            model.clearAssumptions();
            int[] literalToAssumption = new int[model.getBuilder().getVariablesCount()];
            Arrays.fill(literalToAssumption, -1);
            for (int a : assumed) {
                model.addAssumption(assumptions.get(a));
                literalToAssumption[assumptions.get(a).getIndex()] = a;
            }
            CpSolver solver = new CpSolver();
            solver.getParameters().setNumWorkers(1)
                    .setMaxTimeInSeconds(Math.max(0.01, (deadline - System.nanoTime()) / 1e9));
            CpSolverStatus status;
            try (AutoCloseable ignored = cancellation.onCancel(solver::stopSearch)) {
                status = solver.solve(model);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (status == CpSolverStatus.INFEASIBLE) {
                Set<Integer> core = new LinkedHashSet<>();
                for (int variable : solver.sufficientAssumptionsForInfeasibility()) {
                    core.add(literalToAssumption[variable]);
                }
                core.remove(-1);
                return new Answer(core, false);
            }
            return new Answer(null, status == CpSolverStatus.FEASIBLE || status == CpSolverStatus.OPTIMAL);
        }
    }
}
