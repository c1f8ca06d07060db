package org.bookingopt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.model.Reservation;
import org.bookingopt.core.run.CoreReport;
import org.bookingopt.core.run.NewReservationRun;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.run.RunResult;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;

/**
 * {@code bookingopt fit}: does a booking fit? The desk's answer for a problem with {@code NewReservations}
 * (SPEC §8) on one screen: the verdict and its reason, the existing stays to move when it does not fit
 * as things stand, and each new stay's rooms now and after re-optimization.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Says whether the new reservations fit the current plan, which guests would have to move "
                + "if not, and how each new stay is split across rooms.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:fits the current plan", "1:fits only if existing stays move", "2:usage error",
                "3:cannot be booked (reason printed)", "4:no answer within the time limit",
                "65:invalid input (all errors printed)"})
public final class FitCommand implements Callable<Integer> {
    static final int NEEDS_MOVES = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM.json",
            description = "The problem with its NewReservations, as clients send it.")
    Path problemFile;

    @Option(names = {"-o", "--output"}, paramLabel = "RESULT.json", description = "Write the result object here.")
    Path output;

    @Mixin
    SolverOptions solverOptions;

    @Option(names = "--quick", description = "Answer without re-optimizing the whole hotel: the fit, and the "
            + "fewest moves when it does not fit.")
    boolean quick;

    @Option(names = "--each", description = "Ask about each new reservation on its own, one line each, then "
            + "count the answers and their times (implies --quick).")
    boolean each;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParsedProblem parsed = ProblemFiles.read(problemFile, err);
        if (parsed == null) {
            return ExitCodes.INVALID_INPUT;
        }
        if (!parsed.problem().isFeasibilityMode()) {
            err.println(problemFile + ": no NewReservations to fit; use 'bookingopt solve' to plan the hotel");
            err.flush();
            return ExitCodes.USAGE;
        }
        SolverSettings settings = solverOptions.settings(parsed.problem());
        if (each) {
            return eachOnItsOwn(out, parsed, settings);
        }
        long started = System.nanoTime();
        RunResult run = quick ? NewReservationRun.quickAnswer(parsed, settings, Cancellation.none())
                : new Optimizer(new RoomFlowSolver()).run(parsed, settings, ProgressListener.NONE, Cancellation.none());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (output != null) {
            Files.writeString(output, Json.MAPPER.writeValueAsString(run.json()));
        }
        print(out, parsed, run.json(), quick, seconds);
        return exitCode(run);
    }

    private static int exitCode(RunResult run) {
        JsonNode result = run.json();
        JsonNode fit = result.get("NewReservationFit");
        if (fit != null && !fit.isNull() && fit.get("Fits").booleanValue()) {
            return ExitCodes.SOLVED;
        }
        if (fit != null && !fit.isNull() && !fit.get("Moves").isEmpty()) {
            return NEEDS_MOVES;
        }
        return run.status() == null || run.status().name().equals("INFEASIBLE") || result.get("NewReservationInfeasible")
                .booleanValue() ? ExitCodes.INFEASIBLE : ExitCodes.TIMEOUT;
    }

    /** One quick answer per new reservation, alone against the current plan; the largest exit code. */
    private int eachOnItsOwn(PrintWriter out, ParsedProblem parsed, SolverSettings settings) {
        Problem problem = parsed.problem();
        out.printf("%s: %d rooms, %d reservations; each of %d new reservations on its own%n", problem.problemId(),
                problem.rooms().size(), problem.reservations().size(), problem.newReservations().size());
        int[] answers = new int[5];
        List<Double> times = new ArrayList<>();
        List<Double> solved = new ArrayList<>(); // answers past the pre-check, which needed a solve
        int worst = 0;
        for (Reservation r : problem.newReservations()) {
            Problem alone = new Problem(problem.problemId(), problem.reservations(), List.of(r), problem.rooms(),
                    problem.minimumStay(), problem.minimumStayByDay(), problem.minimumStayByDate(),
                    problem.restrictionsForInitialPlan(), problem.requestStart(), problem.requestEnd(),
                    problem.options());
            long started = System.nanoTime();
            RunResult run = NewReservationRun.quickAnswer(new ParsedProblem(alone, List.of()), settings,
                    Cancellation.none());
            double seconds = (System.nanoTime() - started) / 1e9;
            times.add(seconds);
            if (!run.json().get("NewReservationInfeasible").booleanValue()) {
                solved.add(seconds);
            }
            int code = exitCode(run);
            worst = Math.max(worst, code);
            answers[code == ExitCodes.SOLVED ? 0 : code == NEEDS_MOVES ? 1 : code == ExitCodes.INFEASIBLE ? 2 : 3]++;
            JsonNode fit = run.json().get("NewReservationFit");
            String answer = switch (code) {
                case ExitCodes.SOLVED -> "fits: " + segments(run.json().get("InitialPlanWithNewReservations"), 1);
                case NEEDS_MOVES -> "needs " + moves(fit);
                default -> "cannot: " + (fit == null || fit.isNull() ? run.json().get("Message").asString()
                        : fit.get("Reason").asString());
            };
            out.printf("%-8s %s x%-2d %6.3f s  %s%n", r.name(), r.arrival(), r.length(), seconds,
                    answer.replace("\n", " "));
        }
        out.printf("answers    %d fit, %d need moves, %d cannot be booked, %d unknown%n", answers[0], answers[1],
                answers[2], answers[3]);
        out.printf("time       %s; past the pre-check (%d): %s%n", spread(times), solved.size(), spread(solved));
        out.flush();
        return worst;
    }

    private static String spread(List<Double> seconds) {
        if (seconds.isEmpty()) {
            return "none";
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        return String.format("median %.3f s, max %.3f s", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    private static String moves(JsonNode fit) {
        List<String> moved = new ArrayList<>();
        for (JsonNode move : fit.get("Moves")) {
            moved.add(move.get("Name").asString() + " " + move.get("From").asString() + "->" + move.get("To").asString());
        }
        return moved.size() + (moved.size() == 1 ? " move" : " moves") + (fit.get("MovesProvenMinimal").booleanValue()
                ? " (proven minimal): " : " (at least " + fit.get("MovesBound").asString() + "): ")
                + String.join(", ", moved);
    }

    private static void print(PrintWriter out, ParsedProblem parsed, JsonNode result, boolean quick, double seconds) {
        var problem = parsed.problem();
        out.printf("%s: %d rooms, %d reservations, %d new%n", problem.problemId(), problem.rooms().size(),
                problem.reservations().size(), problem.newReservations().size());
        JsonNode fit = result.get("NewReservationFit");
        if (fit == null || fit.isNull()) {
            out.printf("verdict    no answer: %s%n", indent(result.get("Message").asString()));
            out.flush();
            return;
        }
        boolean fits = fit.get("Fits").booleanValue();
        out.printf("verdict    %s%n", fits ? "FITS the current plan, nobody moves"
                : result.get("Succeeded").booleanValue() ? "does NOT fit the current plan as it stands"
                : "CANNOT be booked");
        out.printf("reason     %s%n", indent(fit.get("Reason").asString()));
        JsonNode core = result.get("InfeasibleCore");
        if (core != null && !core.isNull()) {
            out.printf("conflict   %s%n", indent(String.join("\n", CoreReport.lines(core))));
        }
        if (!fits && !fit.get("Moves").isEmpty()) {
            out.printf("moves      %d%s%n", fit.get("Moves").size(), fit.get("MovesProvenMinimal").booleanValue()
                    ? " (proven minimal)" : " (at least " + fit.get("MovesBound").asString() + ")");
            for (JsonNode move : fit.get("Moves")) {
                out.printf("           %s (Id %s): room %s -> room %s%n", move.get("Name").asString(),
                        move.get("Id").asString(), move.get("From").asString(), move.get("To").asString());
            }
        }
        String planLabel = quick ? "  plan     " : "  optimal  ";
        List<Reservation> news = problem.newReservations();
        for (int k = 1; k <= news.size(); k++) {
            Reservation r = news.get(k - 1);
            out.printf("%-10s %s, %d night%s%n", r.name(), r.arrival(), r.length(), r.length() == 1 ? "" : "s");
            JsonNode initial = result.get("InitialPlanWithNewReservations");
            if (initial != null && initial.isArray() && !initial.isEmpty()) {
                out.printf("  now      %s%n", segments(initial, k));
            }
            JsonNode optimized = result.get("OptimizedPlan");
            if (optimized != null && !optimized.isEmpty() && !(quick && fits)) {
                out.printf("%s%s%n", planLabel, segments(optimized, k));
            }
        }
        if (quick) {
            out.printf("optimized  not computed (--quick)%n");
        } else if (result.get("Succeeded").booleanValue()) {
            int moved = 0;
            for (JsonNode row : result.get("OptimizedPlan")) {
                moved += row.has("Reason") && row.get("Reason").asString().equals("moved") ? 1 : 0;
            }
            JsonNode cost = result.get("Objective");
            out.printf("optimized  %s, cost %s (splits %s), %d existing stay%s moved%n",
                    result.get("SolverStatus").asString(), number(cost.get("Total").doubleValue()),
                    number(cost.get("Splits").doubleValue()), moved, moved == 1 ? "" : "s");
        } else if (!fit.get("Reason").asString().equals(result.get("Message").asString())) {
            out.printf("message    %s%n", indent(result.get("Message").asString()));
        }
        out.printf("time       %.3f s%n", seconds);
        out.flush();
    }

    /** "room 3 from 2021-02-28 (7 nights), room 2 from 2021-03-07 (5 nights): 1 room change". */
    private static String segments(JsonNode rows, int group) {
        List<String> parts = new ArrayList<>();
        for (JsonNode row : rows) {
            if (!row.get("SplitGroup").isNull() && row.get("SplitGroup").intValue() == group) {
                int nights = row.get("Length").intValue();
                parts.add("room " + row.get("AssignedRoom").asString() + " from " + row.get("Arrival").asString()
                        + " (" + nights + (nights == 1 ? " night)" : " nights)"));
            }
        }
        int changes = parts.size() - 1;
        return String.join(", ", parts) + (changes == 0 ? ", no room change"
                : ": " + changes + " room change" + (changes == 1 ? "" : "s"));
    }

    private static String indent(String text) {
        return text.strip().replace("\n", "\n           ");
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
