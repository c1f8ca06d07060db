package org.bookingopt.core.run;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ResultDocument;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.model.Reservation;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Objective;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;
import org.bookingopt.core.restrictions.ChannelRestrictions;
import org.bookingopt.core.restrictions.RestrictionResults;
import org.bookingopt.core.restrictions.StayRestrictions;
import org.bookingopt.core.solver.Assignment;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.CapacityCheck;
import org.bookingopt.core.solver.FitCheck;
import org.bookingopt.core.solver.NewReservationSolver;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomAssignmentSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.solver.SolverStatus;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The new-reservation feasibility run (SPEC §8.1): missing-room check, absolute-max pre-check, split into
 * one-night pieces, the fit into the current plan, the fewest moves when it does not fit, the full
 * re-optimization, and the result with the pieces merged back into segments.
 */
public final class NewReservationRun {
    private static final String MUST_BE_ASSIGNED =
            "Must be assigned rooms externally, or the optimization must be adjusted to include them.";

    private final RoomAssignmentSolver solver;
    private final boolean reoptimize;
    private final NewReservationSolver fitSolver = new NewReservationSolver();

    NewReservationRun(RoomAssignmentSolver solver) {
        this.solver = solver;
        this.reoptimize = true;
    }

    private NewReservationRun() {
        this.solver = null;
        this.reoptimize = false;
    }

    /**
     * The desk's quick answer (BookingOpt only, for {@code bookingopt fit --quick}): the pre-check, the fit
     * and, when it does not fit, the fewest moves, without the full re-optimization of SPEC §8.1 step 6. The
     * published plan is the fit plan, or the fewest-moves plan; {@code Warnings} says so.
     */
    public static RunResult quickAnswer(ParsedProblem parsed, SolverSettings settings, Cancellation cancellation) {
        long started = System.nanoTime();
        ResultDocument result = new ResultDocument(parsed.problem().problemId());
        List<String> warnings = new ArrayList<>(parsed.warnings());
        warnings.add("quick answer: no re-optimization; the plan is the fit into the current plan, or the plan "
                + "with the fewest moved stays");
        result.warnings(warnings);
        return new NewReservationRun().run(parsed.problem(), result, settings, ProgressListener.NONE, cancellation,
                started);
    }

    /** What the fit into the current plan gave (SPEC §8.1 step 5). */
    private record Fit(AssignmentProblem problem, Assignment assignment, String reason, List<String> unplaced) {
        RoomPlan plan() {
            return assignment == null ? null : assignment.plan();
        }

        /** Skipped: some existing reservation has no valid room, so there is no current plan. */
        boolean skipped() {
            return !unplaced.isEmpty();
        }
    }

    RunResult run(Problem problem, ResultDocument result, SolverSettings settings, ProgressListener progress,
                  Cancellation cancellation, long started) {
        long deadline = started + settings.timeLimit().toNanos();
        progress.onProgress(0.0, "validate");
        List<String> outside = outsideWindow(problem);
        if (!outside.isEmpty()) {
            String message = "Reservations:\n" + String.join("\n", outside) + "\n" + MUST_BE_ASSIGNED;
            result.set("Message", message);
            result.set("NewReservationFit", fitNode(false, message, null, null));
            return new RunResult(false, null, null, result.toJson(), null);
        }
        List<String> blocked = preCheck(problem);
        if (!blocked.isEmpty()) {
            String message = String.join("\n", blocked);
            result.set("Message", message);
            result.set("NewReservationInfeasible", true);
            result.set("NewReservationFit", fitNode(false, message, null, null));
            CoreReport.write(result, AssignmentProblem.withNewReservations(problem, false), settings,
                    cancellation);
            return new RunResult(false, null, null, result.toJson(), null);
        }

        progress.onProgress(0.02, "fit");
        Fit fit = fit(problem, settings.withTimeLimit(share(deadline, 0.3)), cancellation);
        if (!fit.skipped()) {
            result.set("InitialOptimizationTime", seconds(started));
        }
        AssignmentProblem full = AssignmentProblem.withNewReservations(problem, false);
        RoomPlan current = fit.skipped() ? null : full.currentRooms();
        if (problem.restrictionsForInitialPlan()) {
            return fitOnly(problem, result, fit, current, started, settings, cancellation); // Q38
        }

        progress.onProgress(0.2, "moves");
        NewReservationSolver.Moves moves = null;
        if (fit.plan() == null && !fit.skipped() && current != null) {
            long movesDeadline = System.nanoTime() + share(deadline, reoptimize ? 0.3 : 0.9).toNanos();
            moves = fitSolver.fewestMoves(full, current, movesDeadline, cancellation);
            if (moves.plan() != null && moves.moves() == 0) {
                // The fit solve ran out of time, but nobody has to move: that plan is a fit.
                RoomPlan plan = moves.plan();
                fit = new Fit(fit.problem(), new Assignment(SolverStatus.FEASIBLE, plan,
                        PlanEvaluator.evaluate(fit.problem(), plan), Double.NaN, null, null, null),
                        "Fits the current plan without moving anyone: " + describeSplits(fit.problem(), plan), List.of());
                moves = null;
            }
        }

        progress.onProgress(0.4, "assign");
        List<String> capacity = CapacityCheck.reasons(full);
        Assignment assignment;
        if (!capacity.isEmpty()) {
            assignment = new Assignment(SolverStatus.INFEASIBLE, null, null, Double.NaN, String.join("\n", capacity),
                    null, null);
        } else if (!reoptimize) {
            boolean none = moves != null && moves.status() == SolverStatus.INFEASIBLE;
            assignment = new Assignment(none ? SolverStatus.INFEASIBLE : SolverStatus.TIMEOUT, null, null, Double.NaN,
                    none ? "no plan holds the new reservations, even with moved stays" : null, null, null);
        } else {
            assignment = solver.solve(full, settings.withTimeLimit(share(deadline, 1.0)),
                    (f, phase) -> progress.onProgress(0.4 + 0.55 * f, phase), cancellation);
        }
        RoomPlan plan = assignment.plan();
        SolverStatus status = assignment.status();
        // The fit's and the moves' plans are valid plans of the full solve too: never report a worse one.
        for (RoomPlan candidate : new RoomPlan[] {fit.plan(), moves == null ? null : moves.plan()}) {
            if (candidate != null && PlanChecker.violations(full, candidate).isEmpty()
                    && (plan == null || cost(full, candidate) < cost(full, plan) - 1e-9)) {
                plan = candidate;
                status = !Double.isNaN(assignment.bestBound()) && cost(full, candidate) <= assignment.bestBound() + 1e-9
                        ? SolverStatus.OPTIMAL : SolverStatus.FEASIBLE;
            }
        }
        String fitReason = fitReason(fit, moves, full, current);
        if (plan == null) {
            boolean proven = status == SolverStatus.INFEASIBLE;
            String message = !reoptimize ? fitReason
                    : "Schedule infeasible without new booking: " + (proven ? "True" : "False");
            if (assignment.infeasibleReason() != null) {
                message += "\n" + assignment.infeasibleReason();
            }
            result.set("Message", message);
            result.set("CurrentScheduleInfeasible", proven);
            result.set("SolverStatus", status.name());
            result.set("NewReservationFit", fitNode(false, fitReason, moves, current == null ? null : full));
            if (proven) {
                CoreReport.write(result, full, settings, cancellation);
            }
            return new RunResult(false, status, null, result.toJson(), assignment);
        }

        Objective objective = PlanEvaluator.evaluate(full, plan);
        Optimizer.writePlan(result, full, plan, SplitSegments.rows(full, plan), objective, assignment);
        result.set("SolverStatus", status.name());
        progress.onProgress(0.95, "restrictions");
        writeRestrictions(result, full, plan, fit);
        if (fit.plan() != null) {
            result.set("InitialPlanWithNewReservations", SplitSegments.rows(fit.problem(), fit.plan()));
            result.set("NewReservationsFitInInitialPlan", true);
            result.set("RoomChangeComparison", roomChanges(full, fit.problem(), fit.plan(), plan));
        } else {
            result.set("InitialPlanWithNewReservations", Json.NODES.nullNode());
        }
        result.set("NewReservationFit", fitNode(fit.plan() != null, fitReason, moves, current == null ? null : full));
        progress.onProgress(1.0, "done");
        result.set("TotalTime", seconds(started));
        return new RunResult(true, status, objective, result.toJson(), assignment);
    }

    /** Q38: existing stays keep their rooms; the fit is the plan. */
    private RunResult fitOnly(Problem problem, ResultDocument result, Fit fit, RoomPlan current, long started,
                              SolverSettings settings, Cancellation cancellation) {
        AssignmentProblem fitProblem = fit.problem();
        String reason = fit.reason() + " (RestrictionsForInitialPlan: existing stays keep their rooms, so none "
                + "is moved)";
        if (fit.plan() == null) {
            result.set("Message", fit.skipped()
                    ? "Reservations:\n" + String.join("\n", fit.unplaced()) + "\n" + MUST_BE_ASSIGNED : reason);
            result.set("NewReservationFit", fitNode(false, reason, null, null));
            if (fit.assignment() != null) {
                result.set("SolverStatus", fit.assignment().status().name());
                result.set("CurrentScheduleInfeasible", fit.assignment().status() == SolverStatus.INFEASIBLE);
                if (fit.assignment().status() == SolverStatus.INFEASIBLE) {
                    CoreReport.write(result, fitProblem, settings, cancellation);
                }
            }
            return new RunResult(false, fit.assignment() == null ? null : fit.assignment().status(), null,
                    result.toJson(), fit.assignment());
        }
        Objective objective = PlanEvaluator.evaluate(fitProblem, fit.plan());
        ArrayNode rows = SplitSegments.rows(fitProblem, fit.plan());
        Optimizer.writePlan(result, fitProblem, fit.plan(), rows, objective, fit.assignment());
        writeRestrictions(result, fitProblem, fit.plan(), fit);
        result.set("InitialPlanWithNewReservations", rows.deepCopy());
        result.set("NewReservationsFitInInitialPlan", true);
        result.set("RoomChangeComparison", roomChanges(fitProblem, fitProblem, fit.plan(), fit.plan()));
        result.set("NewReservationFit", fitNode(true, reason, null, null));
        result.set("TotalTime", seconds(started));
        return new RunResult(true, fit.assignment().status(), objective, result.toJson(), fit.assignment());
    }

    /**
     * SPEC §8.1 step 8 and §8.6: the restrictions of the published plan (its pieces are stays, as in the
     * stay list of §3.1), without re-optimization or impact; InitialMinStays and QualityComparison against
     * the fit plan when there is one. The channel export follows, as in the standard run.
     */
    private static void writeRestrictions(ResultDocument result, AssignmentProblem problem, RoomPlan plan, Fit fit) {
        StayRestrictions restrictions = StayRestrictions.derive(problem, plan);
        RestrictionResults.writeRestrictions(result, restrictions);
        if (fit.plan() != null) {
            StayRestrictions initial = fit.plan().equals(plan) ? restrictions
                    : StayRestrictions.derive(fit.problem(), fit.plan());
            RestrictionResults.writeQualityComparison(result, initial, restrictions);
        }
        RestrictionResults.appendChannelRestrictions(result, ChannelRestrictions.of(problem, plan, restrictions));
    }

    /** New reservations with a night outside the request window: their pieces would need a room (§8.1 step 2). */
    private static List<String> outsideWindow(Problem problem) {
        List<String> names = new ArrayList<>();
        for (Reservation r : problem.newReservations()) {
            if (AssignmentProblem.outsideRequestWindow(problem, r)) {
                names.add(r.name() + " (New booking)");
            }
        }
        return names;
    }

    /**
     * SPEC §8.1 step 3: AbsMax from the existing reservations' occupancy over the schedule that spans the new
     * stays; a new reservation longer than AbsMax of its arrival cannot be booked. One sentence per blocked
     * reservation naming the fully booked dates (Q16).
     */
    static List<String> preCheck(Problem problem) {
        List<Reservation> all = new ArrayList<>(problem.reservations());
        all.addAll(problem.newReservations());
        org.bookingopt.core.model.Schedule span = new org.bookingopt.core.model.Schedule(problem, all);
        int start = span.start();
        int end = span.end();
        int[] occupied = new int[end - start];
        for (Reservation r : problem.reservations()) {
            for (long x = r.arrivalDay(); x < r.departureDay(); x++) {
                occupied[(int) x - start]++;
            }
        }
        int rooms = problem.rooms().size();
        List<String> blocked = new ArrayList<>();
        for (Reservation r : problem.newReservations()) {
            int a = (int) r.arrivalDay();
            int f = a;
            if (occupied[a - start] < rooms) {
                f = a + 1;
                while (f < end && occupied[f - start] < rooms) {
                    f++;
                }
            }
            int absMax = f - a;
            if (r.length() <= absMax) {
                continue;
            }
            List<String> full = new ArrayList<>();
            for (int x = a; x < r.departureDay(); x++) {
                if (occupied[x - start] >= rooms) {
                    full.add(LocalDate.ofEpochDay(x).toString());
                }
            }
            blocked.add(r.name() + " (" + r.arrival() + ", " + r.length() + " night" + (r.length() == 1 ? "" : "s")
                    + ") cannot be booked: " + joinDates(full) + (full.size() == 1 ? " is" : " are")
                    + " fully booked by existing reservations (" + rooms + " of " + rooms + " rooms taken)");
        }
        return blocked;
    }

    private static String joinDates(List<String> dates) {
        if (dates.size() == 1) {
            return dates.get(0);
        }
        return String.join(", ", dates.subList(0, dates.size() - 1)) + " and " + dates.get(dates.size() - 1);
    }

    private Fit fit(Problem problem, SolverSettings settings, Cancellation cancellation) {
        AssignmentProblem fitProblem = AssignmentProblem.withNewReservations(problem, true);
        List<String> unplaced = new ArrayList<>();
        for (Stay s : fitProblem.stays()) {
            if (!s.isTest() && !s.isPinned()) {
                unplaced.add(s.reservation().name());
            }
        }
        if (!unplaced.isEmpty()) {
            return new Fit(fitProblem, null, "Not computed: there is no current plan, since " + String.join(", ",
                    unplaced) + (unplaced.size() == 1 ? " has" : " have") + " no valid AssignedRoom", unplaced);
        }
        List<String> conflicts = FitCheck.currentPlanConflicts(fitProblem);
        if (!conflicts.isEmpty()) {
            return new Fit(fitProblem, infeasible(), "Does not fit: the current plan itself is invalid: "
                    + String.join("; ", conflicts), List.of());
        }
        List<FitCheck.Shortage> shortages = FitCheck.shortages(fitProblem);
        if (!shortages.isEmpty()) {
            return new Fit(fitProblem, infeasible(), "Does not fit the current plan: "
                    + String.join("; ", FitCheck.describe(fitProblem, shortages)), List.of());
        }
        Assignment assignment = fitSolver.fit(fitProblem, settings, cancellation);
        if (!assignment.hasPlan()) {
            return new Fit(fitProblem, assignment, "Unknown: the fit into the current plan found no plan in time",
                    List.of());
        }
        return new Fit(fitProblem, assignment, "Fits the current plan without moving anyone: "
                + describeSplits(fitProblem, assignment.plan()), List.of());
    }

    private static Assignment infeasible() {
        return new Assignment(SolverStatus.INFEASIBLE, null, null, Double.NaN, null, null, null);
    }

    /** "N1 in room 3 for 7 nights from 2021-02-28, then room 2 for 5 nights from 2021-03-07 (1 room change)". */
    static String describeSplits(AssignmentProblem problem, RoomPlan plan) {
        List<String> parts = new ArrayList<>();
        for (int k = 1; k <= problem.problem().newReservations().size(); k++) {
            List<SplitSegments.Segment> segments = SplitSegments.of(problem, plan, k);
            StringBuilder text = new StringBuilder(problem.problem().newReservations().get(k - 1).name());
            for (int i = 0; i < segments.size(); i++) {
                SplitSegments.Segment s = segments.get(i);
                text.append(i == 0 ? " in room " : ", then room ").append(problem.rooms().get(s.room()).number())
                        .append(" for ").append(s.nights()).append(s.nights() == 1 ? " night" : " nights")
                        .append(" from ").append(LocalDate.ofEpochDay(s.arrival()));
            }
            int changes = segments.size() - 1;
            text.append(changes == 0 ? " (no room change)" : " (" + changes + " room change" + (changes == 1 ? ")" : "s)"));
            parts.add(text.toString());
        }
        return String.join("; ", parts);
    }

    private static String fitReason(Fit fit, NewReservationSolver.Moves moves, AssignmentProblem full,
                                    RoomPlan current) {
        if (moves == null || fit.plan() != null) {
            return fit.reason();
        }
        String text = fit.reason() + ". ";
        if (moves.plan() == null) {
            return text + (moves.status() == SolverStatus.INFEASIBLE ? "Moving existing stays cannot make room either"
                    : "No plan with moved stays was found in time");
        }
        List<String> moved = new ArrayList<>();
        for (Stay s : full.stays()) {
            if (!s.isTest() && moves.plan().room(s.index()) != current.room(s.index())) {
                moved.add(s.reservation().name() + " from room " + full.rooms().get(current.room(s.index())).number()
                        + " to room " + full.rooms().get(moves.plan().room(s.index())).number());
            }
        }
        text += "Moving " + moves.moves() + " existing stay" + (moves.moves() == 1 ? "" : "s") + " makes room ("
                + (moves.provenMinimal() ? "proven minimal" : "not proven minimal, at least " + moves.bound()) + "): "
                + String.join(", ", moved) + "; then " + describeSplits(full, moves.plan());
        return text;
    }

    /**
     * {@code NewReservationFit} (SPEC §9.1); {@code full} null when no moves were computed. {@code MovesBound} is
     * 0 when the new reservations fit; the proven lower bound on the moves when they were searched (also when
     * the search ran out of time before a plan); and {@code null} when the question does not apply: there is no
     * current plan to move stays from (some existing stay has no valid room, including when none has one), or
     * the booking is impossible however stays move. {@code MovesProvenMinimal} is true only with a bound met.
     */
    private static ObjectNode fitNode(boolean fits, String reason, NewReservationSolver.Moves moves,
                                      AssignmentProblem full) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("Fits", fits);
        node.put("Reason", reason);
        ArrayNode list = node.putArray("Moves");
        if (fits) {
            node.put("MovesProvenMinimal", true);
            node.put("MovesBound", 0);
        } else if (moves != null && moves.plan() != null) {
            RoomPlan current = full.currentRooms();
            for (Stay s : full.stays()) {
                if (!s.isTest() && moves.plan().room(s.index()) != current.room(s.index())) {
                    ObjectNode move = list.addObject();
                    move.put("Name", s.reservation().name());
                    move.set("Id", Json.MAPPER.valueToTree(s.reservation().id()));
                    move.set("From", ResultDocument.roomNumber(full.rooms().get(current.room(s.index())).number()));
                    move.set("To", ResultDocument.roomNumber(full.rooms().get(moves.plan().room(s.index())).number()));
                }
            }
            node.put("MovesProvenMinimal", moves.provenMinimal());
            node.put("MovesBound", moves.bound());
        } else {
            node.put("MovesProvenMinimal", false);
            if (moves != null && moves.status() == SolverStatus.TIMEOUT && moves.bound() >= 0) {
                node.put("MovesBound", moves.bound());
            } else {
                node.putNull("MovesBound");
            }
        }
        return node;
    }

    /** SPEC §8.5 with Q42: room changes (segments − 1) of each new reservation, keyed "Name_Id". */
    private static ObjectNode roomChanges(AssignmentProblem optimizedProblem, AssignmentProblem fitProblem,
                                          RoomPlan fitPlan, RoomPlan optimized) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<Reservation> news = optimizedProblem.problem().newReservations();
        for (int k = 1; k <= news.size(); k++) {
            int[] c = counts.computeIfAbsent(news.get(k - 1).name() + "_" + idText(news.get(k - 1).id()),
                    key -> new int[2]);
            // Reservations sharing Name and Id share a key: their changes add up.
            c[0] += SplitSegments.roomChanges(fitProblem, fitPlan, k);
            c[1] += SplitSegments.roomChanges(optimizedProblem, optimized, k);
        }
        ObjectNode node = Json.NODES.objectNode();
        counts.forEach((key, c) -> {
            ObjectNode entry = node.putObject(key);
            entry.put("Initial", c[0]);
            entry.put("Optimized", c[1]);
        });
        return node;
    }

    /** The Id as v0 printed it into the key: Python's {@code str()} of the JSON value. */
    static String idText(Object id) {
        if (id == null) {
            return "None";
        }
        if (id instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return id.toString();
    }

    private static double cost(AssignmentProblem problem, RoomPlan plan) {
        return PlanEvaluator.evaluate(problem, plan).total();
    }

    /** A fraction of the time left until the deadline. */
    private static Duration share(long deadline, double fraction) {
        long left = Math.max(1_000_000, deadline - System.nanoTime());
        return Duration.ofNanos(Math.max(1_000_000, (long) (left * fraction)));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
