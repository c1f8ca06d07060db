package org.bookingopt.core.restrictions;

import static org.bookingopt.core.restrictions.Fixtures.FIXED_PLAN_SAMPLES;

import org.bookingopt.core.plan.AssignmentProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §11.2: restrictions for a given plan are deterministic. For every {@code *.fixedplan.json} input the
 * published maps and the impact equal v0's answer date for date (numerically).
 */
class FixedPlanFixturesTest {

    @ParameterizedTest
    @MethodSource(FIXED_PLAN_SAMPLES)
    void restrictionMapsEqualTheReferenceDateForDate(String sample) {
        StayRestrictions ours = fixedPlanRestrictions(sample);
        ResultKeys.assertPublishedMapsEqual(ours, Fixtures.reference(sample + ".fixedplan.result.json"));
    }

    @ParameterizedTest
    @MethodSource(FIXED_PLAN_SAMPLES)
    void staysAvoidedEqualTheReference(String sample) {
        StaysAvoided ours = StaysAvoided.of(fixedPlanRestrictions(sample));
        ResultKeys.assertStaysAvoidedEqual(ours, Fixtures.reference(sample + ".fixedplan.result.json"));
    }

    static StayRestrictions fixedPlanRestrictions(String sample) {
        AssignmentProblem problem = Fixtures.problem(sample + ".fixedplan.json");
        return StayRestrictions.derive(problem, problem.currentPlan());
    }
}
