package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingopt.core.restrictions.Samples.FIXED_PLAN_SAMPLES;

import org.bookingopt.core.plan.AssignmentProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SPEC §11.2: v0's plain runs without re-optimization ({@code *.noreopt.result.json}) publish the same
 * restrictions as the fixed plan. Derived here from the plain input (not restrictions-only, so stays are
 * movable) with the rooms of v0's {@code OptimizedPlan}: CompMax = FixedMax gives v0's numbers.
 */
class NoReoptFixturesTest {

    @ParameterizedTest
    @MethodSource(FIXED_PLAN_SAMPLES)
    void plainRunWithoutReoptimizationPublishesTheFixedPlanRestrictions(String sample) {
        JsonNode reference = Samples.reference(sample + ".noreopt");
        StayRestrictions ours = restrictionsOfReferencePlan(sample, reference);
        ResultKeys.assertPublishedMapsEqual(ours, reference);
    }

    @ParameterizedTest
    @MethodSource(FIXED_PLAN_SAMPLES)
    void plainRunWithoutReoptimizationHasTheFixedPlanImpact(String sample) {
        JsonNode reference = Samples.reference(sample + ".noreopt");
        ResultKeys.assertStaysAvoidedEqual(StaysAvoided.of(restrictionsOfReferencePlan(sample, reference)),
                reference);
    }

    private static StayRestrictions restrictionsOfReferencePlan(String sample, JsonNode reference) {
        ObjectNode input = (ObjectNode) Samples.input(sample);
        assertThat(input.path("RestrictionsForInitialPlan").asBoolean(false)).isFalse();
        ArrayNode reservations = (ArrayNode) input.get("Reservations");
        JsonNode plan = reference.get("OptimizedPlan");
        assertThat(plan.size()).isEqualTo(reservations.size());
        for (int i = 0; i < reservations.size(); i++) {
            ObjectNode reservation = (ObjectNode) reservations.get(i);
            assertThat(plan.get(i).get("Name").asString()).isEqualTo(reservation.get("Name").asString());
            reservation.set("AssignedRoom", plan.get(i).get("AssignedRoom"));
        }
        AssignmentProblem problem = Samples.problem(input);
        assertThat(problem.currentPlan()).as("every stay has a room of v0's plan").isNotNull();
        return StayRestrictions.derive(problem, problem.currentPlan());
    }
}
