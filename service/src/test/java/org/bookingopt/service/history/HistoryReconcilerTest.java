package org.bookingopt.service.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.service.cache.CachedResults;
import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.job.InMemoryJobQueue;
import org.bookingopt.service.job.InMemoryJobStore;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobEvents;
import org.bookingopt.service.job.JobPriority;
import org.bookingopt.service.job.JobMetrics;
import org.bookingopt.service.job.JobService;
import org.bookingopt.service.job.JobStatus;
import org.bookingopt.service.job.JobWorkers;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.MutableClock;
import org.bookingopt.service.testing.TestPostgres;
import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The reconciler on the real PostgreSQL with the embedded store and queue: a job whose submission stopped
 * between the history row and the queue is queued again and completes.
 */
class HistoryReconcilerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock();
    private final BookingOptProperties properties = new BookingOptProperties(
            new BookingOptProperties.Jobs(1, 1, 100, Duration.ofHours(1), Duration.ofSeconds(60),
                    Duration.ofSeconds(1)),
            new BookingOptProperties.Limits(DataSize.ofMegabytes(1), 3));
    private final HistoryProperties historyProperties = new HistoryProperties(null, null, Duration.ofMinutes(1), null);
    /** A schema of its own: the reconciler looks at every row, and this test's store knows only its own. */
    private static final DataSource DATABASE = TestPostgres.dataSource(TestPostgres.SCHEMA + "_reconciler");
    private final JobHistory history = new JobHistory(JdbcClient.create(DATABASE),
            new TransactionTemplate(new DataSourceTransactionManager(DATABASE)), clock);
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final InMemoryJobQueue queue = new InMemoryJobQueue(100);
    private final JobService jobs = new JobService(store, queue, new JobEvents(), clock, properties,
            CachedResults.disabled(properties), new JobMetrics(new SimpleMeterRegistry()), history);
    private final HistoryReconciler reconciler = new HistoryReconciler(history, store, queue, clock,
            historyProperties);
    private final JobWorkers workers = new JobWorkers(jobs, queue, new Optimizer(new RoomFlowSolver()), properties,
            new JobMetrics(new SimpleMeterRegistry()));
    private final String owner = "owner-" + UUID.randomUUID();

    @BeforeEach
    void emptyTheHistory() {
        JdbcClient.create(DATABASE).sql("DELETE FROM job_history").update();
    }

    @AfterEach
    void stopWorkers() {
        if (workers.isRunning()) {
            workers.stop();
        }
    }

    /** A submission that wrote its row and then stopped (the API node died before the job was stored and queued). */
    private Job rowOnly(String problemId) {
        String input = Fixtures.withProblemId("sample1.json", problemId).toString();
        Job job = Job.queued(UUID.randomUUID().toString(), owner, Json.MAPPER.valueToTree(problemId),
                JobPriority.NORMAL, input, clock.instant());
        history.recordQueued(job);
        return job;
    }

    @Test
    void aJobWhoseSubmissionStoppedAfterItsRowIsQueuedAgainAndCompletes() throws InterruptedException {
        Job lost = rowOnly("lost-before-queue");
        workers.start();

        assertThat(reconciler.reconcile()).as("within the grace period: a submission may still be under way")
                .isZero();
        clock.advance(historyProperties.reconcileAfter().plusSeconds(1));
        assertThat(reconciler.reconcile()).isEqualTo(1);

        await("the job to complete", () -> jobs.get(lost.id()).status() == JobStatus.COMPLETED);
        await("the history to record it", () -> history.find(lost.id()).orElseThrow().job().isFinished());
        JobRecord row = history.find(lost.id()).orElseThrow();
        assertThat(row.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(row.job().attempt()).isEqualTo(1);
        assertThat(row.solverStatus()).isEqualTo("OPTIMAL");
        assertThat(row.job().result()).isNotNull();
        assertThat(reconciler.reconcile()).as("done with").isZero();
    }

    @Test
    void aJobStoredButNeverQueuedIsQueuedOnceAndCompletes() throws InterruptedException {
        Job lost = rowOnly("lost-between-store-and-queue");
        store.create(lost, 10);
        clock.advance(historyProperties.reconcileAfter().plusSeconds(1));

        assertThat(reconciler.reconcile()).isEqualTo(1);
        assertThat(reconciler.reconcile()).as("queued now: not queued twice").isZero();
        assertThat(queue.size()).isEqualTo(1);
        workers.start();

        await("the job to complete", () -> jobs.get(lost.id()).status() == JobStatus.COMPLETED);
        assertThat(jobs.get(lost.id()).attempt()).as("run once").isEqualTo(1);
    }

    @Test
    void aQueuedJobIsLeftAloneAndAMissedHistoryWriteIsRepaired() {
        Job submitted = jobs.submit(Fixtures.withProblemId("sample1.json", "queued").toString(), owner);
        Job running = store.update(submitted.id(), j -> j.started(clock.instant(), "w")).orElseThrow();
        clock.advance(historyProperties.reconcileAfter().plusSeconds(1));

        assertThat(reconciler.reconcile()).isZero();

        assertThat(queue.size()).isEqualTo(1);
        assertThat(history.find(running.id()).orElseThrow().job().status()).as("the start the history missed")
                .isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aSubmissionWritesItsRowBeforeItIsQueuedAndARefusedOneLeavesNone() throws InterruptedException {
        Job job = jobs.submit(Fixtures.withProblemId("sample1.json", "submitted").toString(), owner);

        JobRecord row = history.find(job.id()).orElseThrow();
        assertThat(row.job().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(row.inputHash()).isEqualTo(JobHistory.sha256(Fixtures.withProblemId("sample1.json", "submitted")
                .toString()));

        queue.poll(Duration.ZERO);
        for (int i = 0; i < 2; i++) {
            jobs.submit(Fixtures.withProblemId("sample1.json", "more-" + i).toString(), owner);
        }
        int before = history.list(owner, null, null, 100).rows().size();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.submit(
                Fixtures.withProblemId("sample1.json", "one-too-many").toString(), owner));
        assertThat(history.list(owner, null, null, 100).rows()).as("the refused submission's row is deleted")
                .hasSize(before);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
