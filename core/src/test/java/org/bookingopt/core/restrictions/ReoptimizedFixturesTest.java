package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingopt.core.restrictions.Samples.FIXED_PLAN_SAMPLES;

import java.time.Duration;

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
import org.bookingopt.core.testing.ReOptimizedPlansCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-optimizing runs (the default) on v0's plans: the solver is a stand-in that returns v0's
 * {@code OptimizedPlan}, so the restrictions can be compared with the fixtures (SPEC §11.2, §11.3).
 */
class ReoptimizedFixturesTest {

    @ParameterizedTest
    @MethodSource(FIXED_PLAN_SAMPLES)
    void reoptimizationChangesNoClosureNorMinimumStay(String sample) {
        JsonNode reference = Samples.reference(sample + ".noreopt");
        JsonNode result = run(sample);
        for (String key : new String[] {"ClosedArrivals", "ClosedDepartures", "MinStays"}) {
            assertThat(Samples.numbersByNight(result.get(key))).as(key)
                    .isEqualTo(Samples.numbersByNight(reference.get(key)));
        }
        assertThat(result.get("MaxStayBudgetExhausted").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @MethodSource(FIXED_PLAN_SAMPLES)
    void everyReOptimizedPlanIsAValidPlanHoldingItsTestStay(String sample) {
        JsonNode result = run(sample);
        ReOptimizedPlansCheck.assertEveryEntryIsAWitness(problem(sample), result);
    }

    @Test
    void sample1ReoptimizingRunPublishesTheFixtureMaxStaysAndImpact() {
        // SPEC §5.8: every night §6.2 probes has FixedMax = AbsMax, so no test runs and nothing changes.
        JsonNode result = run("sample1");
        JsonNode v0 = Samples.reference("sample1");
        assertThat(Samples.numbersByNight(result.get("MaxStays")))
                .isEqualTo(Samples.numbersByNight(v0.get("MaxStays")));
        assertThat(result.get("ReOptimizedPlans").isEmpty()).isTrue();
        JsonNode plain = Samples.reference("sample1.noreopt");
        for (String key : new String[] {"StaysAvoidedByCa", "StaysAvoidedByCd", "StaysAvoidedByMax"}) {
            assertThat(result.get(key)).as(key).isEqualTo(plain.get(key));
        }
    }

    @Test
    void sample2ProvesLongerStaysFromFebruary28WithAPlanForEachLength() {
        JsonNode result = run("sample2");
        int feb28 = Samples.night("2021-02-28");
        assertThat(Samples.numbersByNight(result.get("MaxStays")).get(feb28)).isGreaterThan(7.0);
        assertThat(result.get("ReOptimizedPlans").size()).isPositive();
    }

    private static AssignmentProblem problem(String sample) {
        return Samples.problem(inputWithV0Plan(sample));
    }

    static JsonNode run(String sample) {
        ObjectNode input = inputWithV0Plan(sample);
        Optimizer optimizer = new Optimizer((problem, settings, progress, cancellation) -> {
            RoomPlan plan = problem.currentPlan();
            return new Assignment(SolverStatus.FEASIBLE, plan, PlanEvaluator.evaluate(problem, plan), Double.NaN,
                    null, null, null);
        });
        RunResult run = optimizer.run(ProblemReader.read(input), new SolverSettings(Duration.ofSeconds(30), 1),
                ProgressListener.NONE, Cancellation.none());
        assertThat(run.succeeded()).as(run.json().path("Message").asString()).isTrue();
        assertThat(run.reoptimization()).isNotNull();
        return run.json();
    }

    /** The plain input with v0's plan of {@code sampleN.noreopt.result.json} as every stay's room. */
    private static ObjectNode inputWithV0Plan(String sample) {
        ObjectNode input = (ObjectNode) Samples.input(sample);
        ArrayNode reservations = (ArrayNode) input.get("Reservations");
        JsonNode plan = Samples.reference(sample + ".noreopt").get("OptimizedPlan");
        for (int i = 0; i < reservations.size(); i++) {
            ((ObjectNode) reservations.get(i)).set("AssignedRoom", plan.get(i).get("AssignedRoom"));
        }
        return input;
    }
}
