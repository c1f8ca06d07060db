package org.bookingopt.core.reoptimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.restrictions.StayRestrictions;
import org.bookingopt.core.testing.AllPlans;
import org.bookingopt.core.testing.TinyProblems;
import org.bookingopt.core.validation.InvalidProblemException;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6.3 (Q19) against exhaustive search: on tiny random hotels (types, locks, request windows, groups,
 * weekday and date-range minimum stays), every test stay longer than FixedMax up to AbsMax on every night is
 * feasible for the prober exactly when some assignment of the stays plus the test stay passes the rule.
 */
class TestStayRuleBruteForceTest {

    @Test
    void proberVerdictsEqualExhaustiveSearchOnTinyHotels() {
        int hotels = 0;
        int feasible = 0;
        int infeasible = 0;
        for (long seed = 1; hotels < 200; seed++) {
            AssignmentProblem problem;
            try {
                problem = AssignmentProblem.standard(ProblemReader.read(TinyProblems.random(seed)).problem());
            } catch (InvalidProblemException e) {
                continue;
            }
            RoomPlan current = firstPlan(problem);
            if (current == null) {
                continue;
            }
            hotels++;
            StayRestrictions restrictions = StayRestrictions.derive(problem, current);
            MaxStayProber prober = new MaxStayProber(problem, current, restrictions);
            int start = restrictions.absMax().first();
            for (int x = start; x < restrictions.absMax().end(); x++) {
                for (int length = restrictions.fixedMax().get(x) + 1; length <= restrictions.absMax().get(x); length++) {
                    TestStay test = new TestStay(x, length);
                    AssignmentProblem withTest = test.addTo(problem);
                    boolean exists = witnessExists(withTest, prober.rule());
                    MaxStayProber.Outcome outcome = prober.test(test, Duration.ofSeconds(10));
                    String what = "seed " + seed + ", test stay from day " + (x - start) + " for " + length;
                    assertThat(outcome.verdict()).as(what)
                            .isEqualTo(exists ? MaxStayProber.Verdict.FEASIBLE : MaxStayProber.Verdict.INFEASIBLE);
                    if (exists) {
                        feasible++;
                        assertThat(prober.rule().violations(withTest, outcome.plan())).as(what).isEmpty();
                    } else {
                        infeasible++;
                    }
                }
            }
        }
        assertThat(feasible).as("feasible tests").isGreaterThan(50);
        assertThat(infeasible).as("infeasible tests").isGreaterThan(50);
    }

    private static RoomPlan firstPlan(AssignmentProblem problem) {
        AtomicReference<RoomPlan> first = new AtomicReference<>();
        AllPlans.forEach(problem, plan -> first.compareAndSet(null, plan));
        return first.get();
    }

    private static boolean witnessExists(AssignmentProblem withTest, TestStayRule rule) {
        AtomicBoolean found = new AtomicBoolean();
        AllPlans.forEach(withTest, plan -> {
            if (!found.get() && rule.violations(withTest, plan).isEmpty()) {
                found.set(true);
            }
        });
        return found.get();
    }
}
