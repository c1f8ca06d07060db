package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.junit.jupiter.api.Test;

class CancellationAndProgressTest {

    /** A typed hotel with locks and groups: the solver needs its repair phase, which runs until stopped. */
    private static AssignmentProblem hardProblem() {
        return typedHotel(150, 90);
    }

    private static AssignmentProblem typedHotel(int rooms, int days) {
        String json = HotelGenerator.generate(GeneratorSettings.of(rooms, days, 0.85, 3, 7)).toJsonString();
        return AssignmentProblem.standard(ProblemReader.read(json).problem());
    }

    @Test
    void aCancelledSolveStopsPromptlyAndKeepsItsBestPlan() throws Exception {
        // 150 × 90 is now proven optimal within 3 s: a hotel the size of the ladder's xlarge is still solving.
        AssignmentProblem problem = typedHotel(300, 180);
        Cancellation cancellation = new Cancellation();
        SolverSettings settings = new SolverSettings(Duration.ofSeconds(120), 1);
        CompletableFuture<Assignment> running = CompletableFuture.supplyAsync(
                () -> new RoomFlowSolver().solve(problem, settings, ProgressListener.NONE, cancellation));
        Thread.sleep(3000);
        assertThat(running).as("still solving when cancelled").isNotDone();

        long cancelledAt = System.nanoTime();
        cancellation.cancel();
        Assignment result = running.get(10, TimeUnit.SECONDS);
        Duration stoppedAfter = Duration.ofNanos(System.nanoTime() - cancelledAt);
        System.out.println("cancel-to-stopped: " + stoppedAfter.toMillis() + " ms"); // recorded in BENCHMARKS.md

        assertThat(stoppedAfter).isLessThan(Duration.ofSeconds(10));
        assertThat(result.status()).isIn(SolverStatus.OPTIMAL, SolverStatus.FEASIBLE, SolverStatus.TIMEOUT);
    }

    @Test
    void progressOnlyGrowsAndStaysWithinZeroAndOne() {
        List<Double> seen = new CopyOnWriteArrayList<>();
        new RoomFlowSolver().solve(hardProblem(), new SolverSettings(Duration.ofSeconds(3), 1),
                (fraction, phase) -> seen.add(fraction), Cancellation.none());

        assertThat(seen).isNotEmpty().isSorted().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
    }

    @Test
    void aTimeLimitIsHonouredWithTheBestPlanAndItsBound() {
        long started = System.nanoTime();
        Assignment result = new RoomFlowSolver().solve(hardProblem(), new SolverSettings(Duration.ofSeconds(3), 1),
                ProgressListener.NONE, Cancellation.none());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        if (result.hasPlan()) {
            assertThat(result.bestBound()).isLessThanOrEqualTo(result.objective().total());
        }
    }
}
