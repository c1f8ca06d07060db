package org.bookingopt.service.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.ScriptedSolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.node.ObjectNode;

/** The worker pool and the service without Spring: queue capacity, time limits, shutdown. */
class JobWorkersTest {
    private static final Duration GRACE = Duration.ofMillis(300);

    private final BookingOptProperties properties = new BookingOptProperties(
            new BookingOptProperties.Jobs(1, 1, 2, Duration.ofHours(1), Duration.ofSeconds(120), GRACE),
            new BookingOptProperties.Limits(DataSize.ofMegabytes(1), 10));
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final JobEvents events = new JobEvents();
    private final InMemoryJobQueue queue = new InMemoryJobQueue(2);
    private final JobMetrics metrics = new JobMetrics(new SimpleMeterRegistry());
    private final JobService jobs = new JobService(store, queue, events, Clock.systemUTC(), properties, metrics);
    private final ScriptedSolver solver = new ScriptedSolver(new RoomFlowSolver());
    private final JobWorkers workers = new JobWorkers(jobs, queue, new Optimizer(solver), properties, metrics);

    @AfterEach
    void tearDown() {
        if (workers.isRunning()) {
            workers.stop();
        }
        events.close();
    }

    @Test
    void aFullQueueRejectsTheJobWithRetryAfterAndKeepsNoTraceOfIt() {
        jobs.submit(Fixtures.text("sample1.fixedplan.json"), "ann");
        jobs.submit(Fixtures.text("sample1.fixedplan.json"), "ann");

        assertThatThrownBy(() -> jobs.submit(Fixtures.text("sample1.fixedplan.json"), "ann"))
                .isInstanceOfSatisfying(JobRejectedException.QueueFull.class,
                        e -> assertThat(e.retryAfter()).isPositive());
        assertThat(store.list("ann", null, Long.MAX_VALUE, 10)).hasSize(2);
        assertThat(jobs.queuedCount()).isEqualTo(2);
    }

    @Test
    void theTimeLimitIsTheProblemsButNeverMoreThanTheMaximumDuration() {
        ObjectNode problem = Fixtures.withProblemId("sample1.json", "t");
        assertThat(workers.timeLimit(ProblemReader.read(problem))).isEqualTo(Duration.ofSeconds(60));
        problem.put("TimeLimitSeconds", 5);
        assertThat(workers.timeLimit(ProblemReader.read(problem))).isEqualTo(Duration.ofSeconds(5));
        problem.put("TimeLimitSeconds", 500);
        assertThat(workers.timeLimit(ProblemReader.read(problem))).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void progressReportedInARunsFirstMomentIsWrittenByTheHeartbeat() throws InterruptedException {
        workers.start();
        Job job = jobs.submit(Fixtures.withProblemId("sample1.json", "hold-progress").toString(), "ann");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // The scripted solve reports 50% as soon as it starts, then holds: only the heartbeat writes that.
        while (jobs.get(job.id()).progress() < 26) {
            assertThat(System.nanoTime()).as("the held-back progress to be written").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(jobs.get(job.id()).phase()).isEqualTo("assign");
        jobs.cancel(job.id(), "ann");
    }

    @Test
    void shutdownStopsAcceptingAndCancelsJobsStillRunningAfterTheGracePeriod() {
        workers.start();
        Job job = jobs.submit(Fixtures.withProblemId("sample1.json", "hold-shutdown").toString(), "ann");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!solver.isHolding("hold-shutdown")) {
            assertThat(System.nanoTime()).as("the job to start").isLessThan(deadline);
            Thread.onSpinWait();
        }

        long started = System.nanoTime();
        workers.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10))
                .isGreaterThanOrEqualTo(GRACE);
        assertThat(solver.wasStoppedByCancel("hold-shutdown")).isTrue();
        Job after = jobs.get(job.id());
        assertThat(after.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(after.error()).isEqualTo(JobWorkers.CANCELLED_BY_SHUTDOWN);
        assertThat(jobs.isAccepting()).isFalse();
        assertThatThrownBy(() -> jobs.submit(Fixtures.text("sample1.fixedplan.json"), "ann"))
                .isInstanceOf(JobRejectedException.ShuttingDown.class);
    }
}
