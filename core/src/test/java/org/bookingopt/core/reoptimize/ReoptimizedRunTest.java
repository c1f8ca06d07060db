package org.bookingopt.core.reoptimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.restrictions.StayRestrictions;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.run.RunResult;
import org.bookingopt.core.solver.Assignment;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.solver.SolverStatus;
import org.bookingopt.core.testing.ReOptimizedPlansCheck;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Standard runs with re-optimized maximum stays on a generated typed hotel (types, locks, groups), its
 * construction plan published by a stand-in solver so that every run probes the same plan.
 */
class ReoptimizedRunTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static ObjectNode hotel() {
        return HotelGenerator.generate(GeneratorSettings.builder(20, 30, 0.85, 3, 11).currentPlan(true).build())
                .toJson();
    }

    @Test
    void everyLongerMaximumStayComesWithAValidPlanHoldingItsTestStay() {
        ObjectNode input = hotel();
        RunResult run = run(input, ProgressListener.NONE, Cancellation.none());
        ReOptimization found = run.reoptimization();
        assertThat(found.provenMaxStays()).as("some night sells longer after re-optimizing").isNotEmpty();
        assertThat(found.budgetExhausted()).isEmpty();
        int entries = ReOptimizedPlansCheck.assertEveryEntryIsAWitness(problem(input), run.json());
        assertThat(entries).isEqualTo(found.plans().size());
        AssignmentProblem problem = problem(input);
        StayRestrictions fixed = StayRestrictions.derive(problem, problem.currentPlan());
        found.provenMaxStays().forEach((night, length) -> {
            boolean backed = found.plans().stream().anyMatch(p -> p.test().arrival() == night
                    && (p.test().length() == length
                    || (p.test().departure() > fixed.inventory().maxEnd() && length == fixed.absMax().get(night))));
            assertThat(backed).as("a plan for the maximum stay claimed on day " + night).isTrue();
            assertThat(length).isGreaterThan(fixed.fixedMax().get(night));
        });
    }

    @Test
    void compactPlansListOnlyTheStaysThatMovedAndTheTestStay() {
        ObjectNode input = hotel();
        input.put("CompactReOptimizedPlans", true);
        RunResult run = run(input, ProgressListener.NONE, Cancellation.none());
        AssignmentProblem problem = problem(input);
        assertThat(run.reoptimization().plans()).isNotEmpty();
        for (int i = 0; i < run.reoptimization().plans().size(); i++) {
            ReOptimizedPlan plan = run.reoptimization().plans().get(i);
            int moved = 0;
            for (int s = 0; s < problem.stays().size(); s++) {
                moved += plan.plan().room(s) != problem.currentPlan().room(s) ? 1 : 0;
            }
            assertThat(run.json().get("ReOptimizedPlans").get(i).get("OptimizedPlan").size()).isEqualTo(moved + 1);
        }
        ReOptimizedPlansCheck.assertEveryEntryIsAWitness(problem, run.json());
    }

    @Test
    void fullPlansStopAtTheRowBudgetAndCountTheRest() {
        ObjectNode input = hotel();
        RunResult run = run(input, ProgressListener.NONE, Cancellation.none());
        AssignmentProblem problem = problem(input);
        List<ReOptimizedPlan> plans = run.reoptimization().plans();
        assertThat(plans).hasSizeGreaterThan(1);
        ReOptimizedPlanRows.Entries entries = new ReOptimizedPlanRows.Entries(problem, problem.currentPlan(), false,
                problem.stays().size() + 1);

        assertThat(entries.entry(plans.get(0)).get("OptimizedPlan")).hasSize(problem.stays().size() + 1);
        for (ReOptimizedPlan plan : plans.subList(1, plans.size())) {
            assertThat(entries.entry(plan)).isNull();
        }
        assertThat(entries.omitted()).isEqualTo(plans.size() - 1);
    }

    @Test
    void compactRowsAreTheFullRowsWhoseRoomDiffers() {
        ObjectNode input = hotel();
        RunResult run = run(input, ProgressListener.NONE, Cancellation.none());
        AssignmentProblem problem = problem(input);
        RoomPlan published = problem.currentPlan();
        JsonNode full = ReOptimizedPlanRows.of(problem, published, run.reoptimization().plans(), false);
        JsonNode compact = ReOptimizedPlanRows.of(problem, published, run.reoptimization().plans(), true);
        JsonNode publishedRows = run.json().get("OptimizedPlan");
        for (int i = 0; i < full.size(); i++) {
            JsonNode rows = full.get(i).get("OptimizedPlan");
            List<JsonNode> expected = new java.util.ArrayList<>();
            for (int s = 0; s < problem.stays().size(); s++) {
                if (!rows.get(s).get("AssignedRoom").equals(publishedRows.get(s).get("AssignedRoom"))) {
                    expected.add(rows.get(s));
                }
            }
            expected.add(rows.get(rows.size() - 1));
            assertThat(compact.get(i).get("OptimizedPlan")).containsExactlyElementsOf(expected);
            assertThat(compact.get(i).get("Day")).isEqualTo(full.get(i).get("Day"));
        }
    }

    @Test
    void aNightTheBudgetDoesNotReachKeepsFixedMaxAndIsReported() {
        ObjectNode input = hotel();
        input.put("ReoptimizeTimeBudgetSeconds", 0);
        RunResult run = run(input, ProgressListener.NONE, Cancellation.none());
        ObjectNode plainInput = hotel();
        plainInput.put("ReoptimizeMaxStays", false);
        RunResult plain = run(plainInput, ProgressListener.NONE, Cancellation.none());

        assertThat(plain.reoptimization()).isNull();
        assertThat(run.json().get("ReOptimizedPlans").isEmpty()).isTrue();
        assertThat(run.json().get("MaxStays")).isEqualTo(plain.json().get("MaxStays"));
        AssignmentProblem problem = problem(input);
        MaxStayProber prober = new MaxStayProber(problem, problem.currentPlan(),
                StayRestrictions.derive(problem, problem.currentPlan()));
        TreeSet<String> probed = new TreeSet<>();
        prober.nightsToProbe().forEach(n -> probed.add(java.time.LocalDate.ofEpochDay(n).toString()));
        List<String> exhausted = new java.util.ArrayList<>();
        run.json().get("MaxStayBudgetExhausted").forEach(d -> exhausted.add(d.asString()));
        assertThat(exhausted).isNotEmpty().isSorted();
        assertThat(probed).containsAll(exhausted);
    }

    @Test
    void aCancelDuringReoptimizationStopsTheRunAtOnce() {
        Cancellation cancellation = new Cancellation();
        ProgressListener cancelOnFirstNight = (fraction, phase) -> {
            if (phase.equals("reoptimize")) {
                cancellation.cancel();
            }
        };
        long started = System.nanoTime();
        RunResult run = run(hotel(), cancelOnFirstNight, cancellation);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.json().get("Message").asString()).isEqualTo("cancelled");
        assertThat(run.reoptimization().budgetExhausted()).as("nights left unprobed").isNotEmpty();
    }

    @Test
    void progressIsReportedPerNightAndOnlyGrows() {
        List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        run(hotel(), (fraction, phase) -> {
            seen.add(fraction);
            phases.add(phase);
        }, Cancellation.none());
        ObjectNode input = hotel();
        AssignmentProblem problem = problem(input);
        int nights = new MaxStayProber(problem, problem.currentPlan(),
                StayRestrictions.derive(problem, problem.currentPlan())).nightsToProbe().size();
        assertThat(phases.stream().filter("reoptimize"::equals).count()).isEqualTo(nights);
        assertThat(seen).isSorted().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
    }

    private static AssignmentProblem problem(ObjectNode input) {
        return AssignmentProblem.standard(ProblemReader.read(input).problem());
    }

    private static RunResult run(ObjectNode input, ProgressListener progress, Cancellation cancellation) {
        Optimizer optimizer = new Optimizer((problem, settings, p, c) -> {
            RoomPlan plan = problem.currentPlan();
            return new Assignment(SolverStatus.FEASIBLE, plan, PlanEvaluator.evaluate(problem, plan), Double.NaN,
                    null, null, null);
        });
        return optimizer.run(ProblemReader.read(input), new SolverSettings(LIMIT, 1), progress, cancellation);
    }
}
