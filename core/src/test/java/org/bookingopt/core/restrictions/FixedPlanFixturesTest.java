package org.bookingopt.core.restrictions;

import static org.bookingopt.core.restrictions.Samples.FIXED_PLAN_SAMPLES;

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
        ResultKeys.assertPublishedMapsEqual(ours, Samples.reference(sample + ".fixedplan"));
    }

    @ParameterizedTest
    @MethodSource(FIXED_PLAN_SAMPLES)
    void staysAvoidedEqualTheReference(String sample) {
        StaysAvoided ours = StaysAvoided.of(fixedPlanRestrictions(sample));
        ResultKeys.assertStaysAvoidedEqual(ours, Samples.reference(sample + ".fixedplan"));
    }

    static StayRestrictions fixedPlanRestrictions(String sample) {
        AssignmentProblem problem = Samples.problem(sample + ".fixedplan");
        return StayRestrictions.derive(problem, problem.currentPlan());
    }
}
