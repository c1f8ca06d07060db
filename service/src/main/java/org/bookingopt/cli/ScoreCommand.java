package org.bookingopt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.model.RoomNumber;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Objective;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code bookingopt score}: checks a plan from any system against a problem and prints its cost. The plan
 * is a result object (its {@code OptimizedPlan}), a service wrapper, or a bare list of plan rows, one row
 * per reservation in input order.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Validates a plan (double bookings, room types, locks, missing stays) and prints its cost.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the plan is valid", "2:usage error", "3:the plan is invalid (violations printed)",
                "65:invalid problem or plan file"})
public final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM.json")
    Path problemFile;

    @Parameters(index = "1", paramLabel = "PLAN.json", description = "A result object, a job result, or a list of plan rows.")
    Path planFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParsedProblem parsed = ProblemFiles.read(problemFile, err);
        if (parsed == null) {
            return ExitCodes.INVALID_INPUT;
        }
        AssignmentProblem problem = AssignmentProblem.standard(parsed.problem());
        JsonNode rows;
        try {
            rows = planRows(Json.MAPPER.readTree(Files.readString(planFile)));
        } catch (JacksonException e) {
            err.println(planFile + ": not valid JSON: " + e.getOriginalMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (rows == null) {
            err.println(planFile + ": no plan found (expected OptimizedPlan, result.OptimizedPlan or a list of rows)");
            return ExitCodes.INVALID_INPUT;
        }
        List<String> violations = new ArrayList<>();
        RoomPlan plan = readPlan(problem, rows, violations);
        if (violations.isEmpty()) {
            violations.addAll(PlanChecker.violations(problem, plan));
        }
        out.printf("%s: %d rooms, %d stays%n", parsed.problem().problemId(), problem.roomCount(), problem.stays().size());
        if (!violations.isEmpty()) {
            out.printf("INVALID plan, %d violation(s):%n", violations.size());
            violations.forEach(v -> out.println("  " + v));
            out.flush();
            return ExitCodes.INFEASIBLE;
        }
        Objective cost = PlanEvaluator.evaluate(problem, plan);
        out.printf("valid plan%n");
        out.printf("objective      %s%n", cost.total());
        out.printf("  gaps         %s%n", cost.gaps());
        out.printf("  adjacency    %s (%d group member(s) without a neighbour)%n", cost.adjacency(),
                cost.unsatisfiedMembers());
        out.printf("orphan nights  %d%n", cost.orphanNights());
        out.flush();
        return ExitCodes.SOLVED;
    }

    private static JsonNode planRows(JsonNode root) {
        if (root.isArray()) {
            return root;
        }
        for (String path : List.of("/OptimizedPlan", "/result/OptimizedPlan", "/result/result/OptimizedPlan",
                "/details/OptimizedPlan")) {
            JsonNode node = root.at(path);
            if (node.isArray()) {
                return node;
            }
        }
        return null;
    }

    private static RoomPlan readPlan(AssignmentProblem problem, JsonNode rows, List<String> violations) {
        int[] rooms = new int[problem.stays().size()];
        if (rows.size() != rooms.length) {
            violations.add("the plan has " + rows.size() + " rows for " + rooms.length
                    + " reservations: every reservation needs exactly one row, in input order");
            return new RoomPlan(rooms);
        }
        for (Stay s : problem.stays()) {
            JsonNode row = rows.get(s.index());
            JsonNode room = row.get("AssignedRoom");
            RoomNumber number = room == null || room.isNull() ? null
                    : new RoomNumber(room.asString(), room.isNumber());
            rooms[s.index()] = problem.roomIndex(number);
            if (rooms[s.index()] < 0) {
                violations.add("row " + s.index() + " (" + s.reservation().name() + "): room "
                        + (number == null ? "missing" : "\"" + number.text() + "\" does not exist"));
            }
            JsonNode arrival = row.get("Arrival");
            if (arrival != null && !arrival.asString().equals(s.reservation().arrival().toString())) {
                violations.add("row " + s.index() + " (" + s.reservation().name() + "): arrives "
                        + arrival.asString() + " but the reservation arrives " + s.reservation().arrival());
            }
        }
        return new RoomPlan(rooms);
    }
}
