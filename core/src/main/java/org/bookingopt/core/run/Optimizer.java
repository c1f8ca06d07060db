package org.bookingopt.core.run;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.PlanRows;
import org.bookingopt.core.json.ResultDocument;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Objective;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;
import org.bookingopt.core.reoptimize.MaxStayProber;
import org.bookingopt.core.reoptimize.ReOptimization;
import org.bookingopt.core.reoptimize.ReOptimizedPlanRows;
import org.bookingopt.core.restrictions.ChannelRestrictions;
import org.bookingopt.core.restrictions.RestrictionResults;
import org.bookingopt.core.restrictions.StayRestrictions;
import org.bookingopt.core.restrictions.StaysAvoided;
import org.bookingopt.core.solver.Assignment;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.CapacityCheck;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomAssignmentSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.solver.SolverStatus;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The optimizer's entry point, shared by the CLI and the job service: a validated problem in, the result
 * object of SPEC §9.1 out. Routes between the standard run, the restrictions-only run and the
 * new-reservation run (SPEC §1).
 */
public final class Optimizer {
    /** Share of the time limit the assignment gets when maximum stays are re-optimized afterwards. */
    static final double ASSIGNMENT_SHARE_WITH_REOPTIMIZATION = 0.8;
    /** Share of the time limit the assignment gets otherwise: the rest is for restrictions and the result. */
    static final double ASSIGNMENT_SHARE = 0.95;
    /** Times the restrictions' derivation kept back from the probes for the writing after them. */
    static final int POST_PROBE_RESERVE = 3;

    private final RoomAssignmentSolver solver;

    public Optimizer(RoomAssignmentSolver solver) {
        this.solver = solver;
    }

    public RunResult run(ParsedProblem parsed, SolverSettings settings, ProgressListener progress,
                         Cancellation cancellation) {
        long started = System.nanoTime();
        Problem problem = parsed.problem();
        ResultDocument result = new ResultDocument(problem.problemId());
        result.warnings(parsed.warnings());
        if (problem.isFeasibilityMode()) {
            return new NewReservationRun(solver).run(problem, result, settings, progress, cancellation, started);
        }
        progress.onProgress(0.0, "validate");
        long deadline = started + settings.timeLimit().toNanos();
        boolean reoptimize = problem.options().reoptimizeMaxStays() && !problem.restrictionsForInitialPlan();
        AssignmentProblem assignmentProblem = AssignmentProblem.standard(problem);
        RoomPlan plan;
        SolverStatus status = null;
        Assignment assignment = null;
        if (problem.restrictionsForInitialPlan()) {
            plan = assignmentProblem.currentPlan(); // validation guarantees every stay has a valid room
        } else {
            List<String> reasons = CapacityCheck.reasons(assignmentProblem);
            if (cancellation.isCancelled()) {
                result.set("Message", "cancelled");
                return new RunResult(false, null, null, result.toJson(), null);
            }
            if (!reasons.isEmpty()) {
                return infeasible(result, String.join("\n", reasons), assignmentProblem, settings, cancellation);
            }
            progress.onProgress(0.02, "assign");
            // The work after the assignment needs time within the limit too: the solve ends at its share of the
            // limit counted from the start of the run (the checks before it included), earlier when re-optimizing.
            long limit = settings.timeLimit().toNanos();
            long assignEnd = started + (long) (limit * (reoptimize ? ASSIGNMENT_SHARE_WITH_REOPTIMIZATION
                    : ASSIGNMENT_SHARE));
            SolverSettings assignSettings = settings.withTimeLimit(
                    Duration.ofNanos(Math.max(1_000_000, assignEnd - System.nanoTime())));
            assignment = solver.solve(assignmentProblem, assignSettings,
                    (f, phase) -> progress.onProgress(0.02 + 0.5 * f, phase), cancellation);
            status = assignment.status();
            if (cancellation.isCancelled()) {
                // Nobody waits for this result: skip restrictions, answer at once.
                result.set("Message", "cancelled");
                result.set("SolverStatus", status.name());
                return new RunResult(false, status, null, result.toJson(), assignment);
            }
            if (!assignment.hasPlan()) {
                if (status == SolverStatus.INFEASIBLE) {
                    return infeasible(result, assignment.infeasibleReason(), assignmentProblem, settings, cancellation);
                }
                result.set("Message", "\nfailed,\nproven infeasible: False,\n");
                result.set("SolverStatus", status.name());
                return new RunResult(false, status, null, result.toJson(), assignment);
            }
            plan = assignment.plan();
        }
        result.set("InitialOptimizationTime", seconds(started));
        Objective objective = PlanEvaluator.evaluate(assignmentProblem, plan);
        writePlan(result, assignmentProblem, plan, PlanRows.of(assignmentProblem, plan, true, true), objective,
                assignment);
        InitialPlanCost.append(result, assignmentProblem);
        progress.onProgress(0.55, "restrictions");
        long deriving = System.nanoTime();
        StayRestrictions restrictions = StayRestrictions.derive(assignmentProblem, plan);
        // Writing the restrictions, their impact and the channel export after the probes takes about as long as
        // deriving them did, a few times over: that much of the limit is kept back from the probes.
        long writeReserve = POST_PROBE_RESERVE * (System.nanoTime() - deriving);
        ReOptimization reoptimization = null;
        if (reoptimize) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - writeReserve - System.nanoTime()));
            Duration asked = problem.options().reoptimizeBudget();
            Duration budget = asked != null && asked.compareTo(left) < 0 ? asked : left;
            ArrayNode plansJson = Json.NODES.arrayNode();
            boolean compact = problem.options().compactReOptimizedPlans();
            ReOptimizedPlanRows.Entries entries = new ReOptimizedPlanRows.Entries(assignmentProblem, plan, compact);
            reoptimization = new MaxStayProber(assignmentProblem, plan, restrictions)
                    .probe(budget, (f, phase) -> progress.onProgress(0.56 + 0.4 * f, phase), cancellation,
                            found -> entries.addTo(plansJson, found));
            if (cancellation.isCancelled()) {
                // As after a cancelled solve: nobody waits for this result.
                result.set("Succeeded", false);
                result.set("Message", "cancelled");
                return new RunResult(false, status, objective, result.toJson(), assignment, reoptimization);
            }
            restrictions = restrictions.withProvenMaxStays(reoptimization.provenMaxStays());
            result.set("ReOptimizedPlans", plansJson);
            if (entries.omitted() > 0) {
                result.warning(String.format(Locale.ROOT, "ReOptimizedPlans lists %d of %d feasible tests: their"
                        + " plans reached %d rows%s", plansJson.size(), plansJson.size() + entries.omitted(),
                        ReOptimizedPlanRows.Entries.MAX_ROWS,
                        compact ? "" : "; CompactReOptimizedPlans lists only the stays that move"));
            }
            result.set("MaxStayBudgetExhausted", ReOptimizedPlanRows.dates(reoptimization.budgetExhausted()));
        }
        writeRestrictions(result, assignmentProblem, plan, restrictions);
        progress.onProgress(1.0, "done");
        result.set("TotalTime", seconds(started));
        return new RunResult(true, status, objective, result.toJson(), assignment, reoptimization);
    }

    static void writePlan(ResultDocument result, AssignmentProblem problem, RoomPlan plan, ArrayNode rows,
                          Objective objective, Assignment assignment) {
        result.set("Succeeded", true);
        result.set("OptimizedPlan", rows);
        result.set("NonAdjacentAssignments", nonAdjacent(problem, plan, false));
        result.set("NonAdjacentReservations", nonAdjacent(problem, plan, true));
        result.schedule(problem.schedule().start(), problem.schedule().end());
        result.rooms(problem.rooms());
        if (assignment != null) {
            result.set("SolverStatus", assignment.status().name());
            if (!Double.isNaN(assignment.bestBound())) {
                result.set("BestBound", assignment.bestBound());
            }
        }
        result.set("Objective", objectiveJson(objective));
        result.set("OrphanNights", (long) objective.orphanNights());
    }

    /** {@code {"Total", "Gaps", "Adjacency", "Splits"}} of a plan's objective. */
    static ObjectNode objectiveJson(Objective objective) {
        ObjectNode cost = Json.NODES.objectNode();
        cost.put("Total", objective.total());
        cost.put("Gaps", objective.gaps());
        cost.put("Adjacency", objective.adjacency());
        cost.put("Splits", objective.splits());
        return cost;
    }

    /**
     * SPEC §5 and §7 for the published plan (the input plan in restrictions-only runs), with the maximum
     * stays re-optimization proved, then the channel export: one call per phase.
     */
    private static void writeRestrictions(ResultDocument result, AssignmentProblem problem, RoomPlan plan,
                                          StayRestrictions restrictions) {
        RestrictionResults.writeRestrictions(result, restrictions);
        RestrictionResults.writeImpact(result, StaysAvoided.of(restrictions));
        RestrictionResults.writeComparison(result, problem, plan, restrictions);
        RestrictionResults.appendChannelRestrictions(result, ChannelRestrictions.of(problem, plan, restrictions));
    }

    /** Group label → non-adjacent members, as stay indices (Q17) or as {@code {Name, Id}}. */
    static ObjectNode nonAdjacent(AssignmentProblem problem, RoomPlan plan, boolean named) {
        ObjectNode map = Json.NODES.objectNode();
        // Every label appears, also those of one reservation only (SPEC §9.1).
        for (Stay s : problem.stays()) {
            if (s.reservation().adjacencyGroup() != null) {
                map.putArray(s.reservation().adjacencyGroup().key());
            }
        }
        for (int index : PlanEvaluator.unsatisfiedMembers(problem, plan)) {
            Stay s = problem.stay(index);
            ArrayNode list = (ArrayNode) map.get(s.reservation().adjacencyGroup().key());
            if (named) {
                ObjectNode who = list.addObject();
                who.put("Name", s.reservation().name());
                who.set("Id", Json.MAPPER.valueToTree(s.reservation().id()));
            } else {
                list.add(index);
            }
        }
        return map;
    }

    /** A proven infeasible problem: the reason in {@code Message}, the conflicting stays in {@code InfeasibleCore}. */
    private static RunResult infeasible(ResultDocument result, String reason, AssignmentProblem problem,
                                        SolverSettings settings, Cancellation cancellation) {
        result.set("Message", "\nfailed,\nproven infeasible: True,\n" + reason);
        CoreReport.write(result, problem, settings, cancellation);
        result.set("CurrentScheduleInfeasible", true);
        result.set("SolverStatus", SolverStatus.INFEASIBLE.name());
        return new RunResult(false, SolverStatus.INFEASIBLE, null, result.toJson(), null);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The worker wrapper of SPEC §9.5. */
    public static ObjectNode wrap(RunResult run, Object problemId) {
        ObjectNode wrapper = Json.NODES.objectNode();
        wrapper.put("success", run.succeeded());
        if (run.succeeded()) {
            wrapper.set("result", run.json());
        } else {
            wrapper.put("error", "Optimization failed");
            wrapper.set("details", run.json());
        }
        wrapper.set("problem_id", Json.MAPPER.valueToTree(problemId));
        return wrapper;
    }
}
