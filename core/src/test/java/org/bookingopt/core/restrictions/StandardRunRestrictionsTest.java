package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.run.RunResult;
import org.bookingopt.core.solver.Assignment;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.solver.SolverStatus;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A standard run publishes the restrictions of the solver's plan, and compares the current plan's minimum
 * stays with them (SPEC §7.2). The solver here is a stand-in that returns sample2's fixed plan with the rooms
 * of stays "9" and "11" swapped, which shortens the minimum stays of 03-05 … 03-11.
 */
class StandardRunRestrictionsTest {
    private static final int SWAPPED = 8;
    private static final int SWAPPED_WITH = 10;

    @Test
    void restrictionKeysDescribeTheSolversPlan() {
        ObjectNode input = standardInput();
        JsonNode result = run(input);
        AssignmentProblem problem = Samples.problem(input);
        StayRestrictions solved = StayRestrictions.derive(problem, swapped(problem.currentPlan()));
        ResultKeys.assertPublishedMapsEqual(solved, result);
        ResultKeys.assertStaysAvoidedEqual(StaysAvoided.of(solved), result);
    }

    @Test
    void qualityComparisonCountsTheCurrentPlanAsInitialAndTheSolversAsOptimized() {
        ObjectNode input = standardInput();
        JsonNode result = run(input);
        JsonNode reference = Samples.reference("sample2.fixedplan");
        // The current plan is v0's fixed plan: its minimum stays are the fixture's.
        assertThat(Samples.numbersByNight(result.get("InitialMinStays")))
                .isEqualTo(Samples.numbersByNight(reference.get("MinStays")));
        JsonNode currentRooms = Samples.input("sample2.fixedplan").get("Reservations");
        assertThat(result.get("InitialPlan").size()).isEqualTo(currentRooms.size());
        assertThat(result.get("InitialPlan").get(0).get("Id").isNull()).isTrue();
        assertThat(result.get("InitialPlan").get(SWAPPED).get("AssignedRoom"))
                .isEqualTo(currentRooms.get(SWAPPED).get("AssignedRoom"));
        assertThat(result.get("OptimizedPlan").get(SWAPPED).get("AssignedRoom"))
                .isEqualTo(currentRooms.get(SWAPPED_WITH).get("AssignedRoom"));
        int[] initial = new int[6];
        int[] optimized = new int[6];
        AssignmentProblem problem = Samples.problem(input);
        for (Map.Entry<Integer, Double> night : Samples.numbersByNight(result.get("MinStays")).entrySet()) {
            if (!problem.schedule().isFullyBooked(night.getKey())) {
                optimized[night.getValue().intValue()]++;
                initial[Samples.numbersByNight(result.get("InitialMinStays")).get(night.getKey()).intValue()]++;
            }
        }
        JsonNode comparison = result.get("QualityComparison");
        assertThat(comparison.propertyNames()).containsExactly("1", "2", "3", "4", "5");
        for (int bucket = 1; bucket <= 5; bucket++) {
            assertThat(comparison.get(Integer.toString(bucket)).get("Initial").asInt()).isEqualTo(initial[bucket]);
            assertThat(comparison.get(Integer.toString(bucket)).get("Optimized").asInt()).isEqualTo(optimized[bucket]);
        }
        assertThat(initial).as("the swap changes the minimum stays").isNotEqualTo(optimized);
    }

    @Test
    void withoutAValidRoomForEveryStayTheComparisonKeepsItsDefaults() {
        ObjectNode input = standardInput();
        ((ObjectNode) input.get("Reservations").get(0)).remove("AssignedRoom");
        JsonNode result = run(input);
        assertThat(result.get("InitialPlan").isEmpty()).isTrue();
        assertThat(result.get("InitialMinStays").isEmpty()).isTrue();
        assertThat(result.get("QualityComparison").isEmpty()).isTrue();
        assertThat(result.get("MinStays").isEmpty()).isFalse();
    }

    /**
     * sample2's fixed plan as a standard run's input: the rooms are the current plan. Without re-optimization,
     * which raises sample2's maximum stays (see ReoptimizedFixturesTest).
     */
    private static ObjectNode standardInput() {
        ObjectNode input = (ObjectNode) Samples.input("sample2.fixedplan");
        input.remove("RestrictionsForInitialPlan");
        input.put("ReoptimizeMaxStays", false);
        return input;
    }

    private static RoomPlan swapped(RoomPlan plan) {
        int[] rooms = plan.roomOfStay().clone();
        int room = rooms[SWAPPED];
        rooms[SWAPPED] = rooms[SWAPPED_WITH];
        rooms[SWAPPED_WITH] = room;
        return new RoomPlan(rooms);
    }

    private static JsonNode run(ObjectNode input) {
        Optimizer optimizer = new Optimizer((problem, settings, progress, cancellation) -> {
            RoomPlan plan = swapped(Samples.problem(standardInput()).currentPlan());
            return new Assignment(SolverStatus.FEASIBLE, plan, PlanEvaluator.evaluate(problem, plan), Double.NaN,
                    null, null, null);
        });
        RunResult result = optimizer.run(ProblemReader.read(input), SolverSettings.defaults(), ProgressListener.NONE,
                Cancellation.none());
        assertThat(result.succeeded()).as(result.json().path("Message").asString()).isTrue();
        return result.json();
    }
}
