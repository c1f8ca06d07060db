package org.bookingopt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plot.ChartFormat;
import org.bookingopt.core.plot.PlanFigure;
import org.bookingopt.core.reoptimize.ReOptimization;
import org.bookingopt.core.restrictions.ChannelRestrictionsCsv;
import org.bookingopt.core.run.CoreReport;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.run.RunResult;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.solver.SolverStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code bookingopt solve}: one problem, solved in this process, with a short summary. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Assigns every reservation to a room and derives the stay restrictions.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:solved", "2:usage error", "3:infeasible (reason printed)",
                "4:time limit reached without a plan", "65:invalid input (all errors printed)"})
public final class SolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM.json", description = "The problem, as clients send it.")
    Path problemFile;

    @Option(names = {"-o", "--output"}, paramLabel = "RESULT.json", description = "Write the result object here.")
    Path output;

    @Mixin
    SolverOptions solverOptions;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Write the summary as JSON (benchmarks).")
    Path summaryJson;

    @Option(names = "--restrictions-csv", paramLabel = "FILE",
            description = "Write the channel-manager restrictions (per room type, date ranges) as CSV.")
    Path restrictionsCsv;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg",
            description = "Draw the plan as PNG or SVG (by extension); above it the initial plan when the input has one.")
    Path plot;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (plot != null) {
                ChartFormat.forFile(plot);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--plot: " + e.getMessage());
        }
        ParsedProblem parsed = ProblemFiles.read(problemFile, err);
        if (parsed == null) {
            return ExitCodes.INVALID_INPUT;
        }
        SolverSettings settings = solverOptions.settings(parsed.problem());
        Optimizer optimizer = new Optimizer(new RoomFlowSolver());
        long started = System.nanoTime();
        RunResult run = optimizer.run(parsed, settings, ProgressListener.NONE, Cancellation.none());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (output != null) {
            Files.writeString(output, Json.MAPPER.writeValueAsString(run.json()));
        }
        if (restrictionsCsv != null && run.succeeded()) {
            Files.writeString(restrictionsCsv, ChannelRestrictionsCsv.fromResult(run.json()));
        }
        ObjectNode summary = summary(parsed, run, seconds);
        if (summaryJson != null) {
            Files.writeString(summaryJson, Json.MAPPER.writeValueAsString(summary));
        }
        printSummary(out, summary, run);
        if (plot != null && run.succeeded()) {
            ChartFormat.write(PlanFigure.fromResult(parsed.problem(), run.json(),
                    problemFile.getFileName() + " · ProblemId " + parsed.problem().problemId()), plot);
            out.printf("chart      %s%n", plot);
            out.flush();
        }
        if (run.succeeded()) {
            return ExitCodes.SOLVED;
        }
        return run.status() == SolverStatus.INFEASIBLE ? ExitCodes.INFEASIBLE : ExitCodes.TIMEOUT;
    }

    private static ObjectNode summary(ParsedProblem parsed, RunResult run, double seconds) {
        AssignmentProblem problem = AssignmentProblem.standard(parsed.problem());
        ObjectNode s = Json.NODES.objectNode();
        s.put("problem", String.valueOf(parsed.problem().problemId()));
        s.put("rooms", problem.roomCount());
        s.put("stays", problem.stays().size());
        s.put("status", run.status() == null ? "GIVEN_PLAN" : run.status().name());
        JsonNode json = run.json();
        if (run.objective() != null) {
            s.put("objective", run.objective().total());
            s.put("gaps", run.objective().gaps());
            s.put("unsatisfiedGroupMembers", run.objective().unsatisfiedMembers());
            s.put("orphanNightsAfter", run.objective().orphanNights());
        }
        if (json.get("BestBound").isNumber()) {
            s.put("bestBound", json.get("BestBound").doubleValue());
            s.put("gap", run.objective().total() - json.get("BestBound").doubleValue());
        }
        RoomPlan current = problem.currentPlan();
        if (current != null) {
            s.put("orphanNightsBefore", PlanEvaluator.evaluate(problem, current).orphanNights());
        }
        if (run.solve() != null && run.solve().timeToFirstPlan() != null) {
            s.put("timeToFirstPlanSeconds", run.solve().timeToFirstPlan().toNanos() / 1e9);
        }
        if (run.solve() != null && run.solve().timeToProof() != null) {
            s.put("timeToProofSeconds", run.solve().timeToProof().toNanos() / 1e9);
        }
        if (run.reoptimization() != null) {
            ReOptimization r = run.reoptimization();
            s.put("reoptimizeChecks", r.checks());
            s.put("reoptimizeMedianCheckSeconds", r.medianCheck().toNanos() / 1e9);
            s.put("reoptimizeSeconds", r.elapsed().toNanos() / 1e9);
            s.put("longerMaxStays", r.provenMaxStays().size());
            s.put("reoptimizedPlans", r.plans().size());
            s.put("maxStayBudgetExhausted", r.budgetExhausted().size());
        }
        s.put("initialOptimizationSeconds", json.get("InitialOptimizationTime").doubleValue());
        if (run.succeeded()) {
            // Restrictions, re-optimization, impact and export: everything after the assignment.
            s.put("afterAssignmentSeconds", json.get("TotalTime").doubleValue()
                    - json.get("InitialOptimizationTime").doubleValue());
        }
        s.put("totalSeconds", seconds);
        if (!run.succeeded()) {
            s.put("message", json.get("Message").asString().strip());
        }
        return s;
    }

    private static void printSummary(PrintWriter out, ObjectNode s, RunResult run) {
        out.printf("%s: %d rooms, %d stays%n", s.get("problem").asString(), s.get("rooms").intValue(),
                s.get("stays").intValue());
        out.printf("status     %s%n", s.get("status").asString());
        if (s.has("message")) {
            out.printf("reason     %s%n", s.get("message").asString().replace("\n", "\n           "));
        }
        JsonNode core = run.json().get("InfeasibleCore");
        if (core != null && !core.isNull()) {
            out.printf("conflict   %s%n", String.join("\n           ", CoreReport.lines(core)));
        }
        if (run.objective() != null) {
            out.printf("objective  %s (gaps %s, adjacency %s)%s%n", number(run.objective().total()),
                    number(run.objective().gaps()), number(run.objective().adjacency()),
                    s.has("bestBound") ? ", bound " + number(s.get("bestBound").doubleValue()) : "");
            out.printf("orphans    %s -> %d nights%n",
                    s.has("orphanNightsBefore") ? String.valueOf(s.get("orphanNightsBefore").intValue()) : "n/a",
                    run.objective().orphanNights());
        }
        if (s.has("reoptimizeChecks")) {
            out.printf("reoptimize %d tests (median %.1f ms), longer max stay on %d nights, %d budget-exhausted, %.3f s%n",
                    s.get("reoptimizeChecks").intValue(), s.get("reoptimizeMedianCheckSeconds").doubleValue() * 1000,
                    s.get("longerMaxStays").intValue(), s.get("maxStayBudgetExhausted").intValue(),
                    s.get("reoptimizeSeconds").doubleValue());
        }
        out.printf("time       %.3f s%n", s.get("totalSeconds").doubleValue());
        out.flush();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
