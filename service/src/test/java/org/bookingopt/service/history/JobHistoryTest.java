package org.bookingopt.service.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobPriority;
import org.bookingopt.service.job.JobStatus;
import org.bookingopt.service.testing.MutableClock;
import org.bookingopt.service.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.node.ObjectNode;

/** The history table on the real PostgreSQL, in this run's schema. */
class JobHistoryTest {
    private static final String INPUT = "{\"ProblemId\": \"h-1\", \"Rooms\": []}";

    private final MutableClock clock = new MutableClock();
    private final JobHistory history = new JobHistory(JdbcClient.create(TestPostgres.dataSource()),
            new TransactionTemplate(new DataSourceTransactionManager(TestPostgres.dataSource())), clock);
    /** Every test its own caller, so listings see only the test's jobs. */
    private final String owner = "owner-" + UUID.randomUUID();

    private Job queued(Instant createdAt) {
        return Job.queued(UUID.randomUUID().toString(), owner, Json.MAPPER.valueToTree("h-1"), JobPriority.HIGH,
                INPUT, createdAt);
    }

    private static ObjectNode wrapper(String solverStatus, double objective) {
        return (ObjectNode) Json.MAPPER.readTree("{\"success\": true, \"result\": {\"SolverStatus\": \"" + solverStatus
                + "\", \"Objective\": {\"Total\": " + objective + "}}}");
    }

    @Test
    void aSubmissionIsRecordedQueuedWithTheHashOfItsBody() {
        Job job = queued(clock.instant());

        history.recordQueued(job);

        JobRecord row = history.find(job.id()).orElseThrow();
        assertThat(row.job().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(row.job().owner()).isEqualTo(owner);
        assertThat(row.job().problemId().asString()).isEqualTo("h-1");
        assertThat(row.job().priority()).isEqualTo(JobPriority.HIGH);
        assertThat(row.inputHash()).hasSize(64).isEqualTo(JobHistory.sha256(INPUT));
        assertThat(JobHistory.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(row.job().createdAt()).isCloseTo(job.createdAt(), org.assertj.core.api.Assertions.within(
                1, java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aStartAndACompletionAreRecordedWithTheirTimings() {
        Instant submitted = clock.instant();
        Job job = queued(submitted);
        history.recordQueued(job);
        Job running = job.started(submitted.plusMillis(1500), "w1");
        assertThat(history.record(running)).isTrue();
        assertThat(history.find(job.id()).orElseThrow().job().status()).isEqualTo(JobStatus.RUNNING);

        assertThat(history.record(running.completed(wrapper("OPTIMAL", 12.5), submitted.plusMillis(4000))))
                .isTrue();

        JobRecord row = history.find(job.id()).orElseThrow();
        assertThat(row.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(row.job().attempt()).isEqualTo(1);
        assertThat(row.job().worker()).isEqualTo("w1");
        assertThat(row.queueWait()).isEqualTo(Duration.ofMillis(1500));
        assertThat(row.run()).isEqualTo(Duration.ofMillis(2500));
        assertThat(row.solverStatus()).isEqualTo("OPTIMAL");
        assertThat(row.objective()).isEqualTo(12.5);
        assertThat(row.job().result().get("result").get("SolverStatus").asString()).isEqualTo("OPTIMAL");
        assertThat(row.resultPurgedAt()).isNull();
    }

    @Test
    void aReclaimedJobThatRanTwiceHasOneCompletionRecordOfTheNewestAttempt() {
        Job job = queued(clock.instant());
        history.recordQueued(job);
        Job first = job.started(clock.instant(), "w1");
        Job second = first.started(clock.instant(), "w2"); // w1's lease ran out: attempt 2 on w2
        assertThat(history.record(first)).isTrue();
        assertThat(history.record(second)).isTrue();
        assertThat(history.record(first)).as("an older start after a newer one").isFalse();

        assertThat(history.record(first.completed(wrapper("FEASIBLE", 30), clock.instant())))
                .as("the end of attempt 1, which lost the job").isFalse();
        assertThat(history.record(second.completed(wrapper("OPTIMAL", 20), clock.instant()))).isTrue();
        assertThat(history.record(second.failed("late duplicate", clock.instant())))
                .as("a second end of the same attempt").isFalse();

        JobRecord row = history.find(job.id()).orElseThrow();
        assertThat(row.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(row.job().attempt()).isEqualTo(2);
        assertThat(row.job().worker()).isEqualTo("w2");
        assertThat(row.solverStatus()).isEqualTo("OPTIMAL");
        assertThat(row.objective()).isEqualTo(20.0);
    }

    @Test
    void theEndOfTheNewestAttemptWinsWhenItsStartWasNeverRecorded() {
        Job job = queued(clock.instant());
        history.recordQueued(job);
        Job first = job.started(clock.instant(), "w1");
        Job second = first.started(clock.instant(), "w2");
        history.record(first);

        assertThat(history.record(second.completed(wrapper("OPTIMAL", 20), clock.instant()))).isTrue();
        assertThat(history.record(first.completed(wrapper("FEASIBLE", 30), clock.instant()))).isFalse();

        assertThat(history.find(job.id()).orElseThrow().job().attempt()).isEqualTo(2);
    }

    @Test
    void theOwnersJobsAreListedNewestFirstPageByPageWithAStatusFilter() {
        Instant start = clock.instant();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Two pairs submitted in the same microsecond: the id breaks the tie, no job is skipped or repeated.
            Job job = queued(start.plusSeconds(i / 2));
            history.recordQueued(job);
            jobs.add(job);
        }
        history.record(jobs.get(1).started(start, "w").completed(wrapper("OPTIMAL", 1), start));
        history.recordQueued(Job.queued(UUID.randomUUID().toString(), "someone-else", null, INPUT, start));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JobHistory.Page page = history.list(owner, null, cursor, 2);
            page.rows().forEach(row -> seen.add(row.job().id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                jobs.stream().map(Job::id).toList());
        assertThat(seen.getFirst()).isEqualTo(jobs.get(4).id());
        List<JobRecord> completed = history.list(owner, JobStatus.COMPLETED, null, 10).rows();
        assertThat(completed).extracting(row -> row.job().id()).containsExactly(jobs.get(1).id());
        assertThat(completed.getFirst().objective()).isEqualTo(1.0);
        assertThat(completed.getFirst().job().result()).as("lists read no results").isNull();
        assertThatThrownBy(() -> history.list(owner, null, "not-a-cursor", 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsPastTheRetentionAreDeletedAndTheRecordsStay() {
        Duration retention = Duration.ofDays(90);
        Job job = queued(clock.instant());
        history.recordQueued(job);
        history.record(job.started(clock.instant(), "w").completed(wrapper("OPTIMAL", 7), clock.instant()));
        Job recent = queued(clock.instant());
        history.recordQueued(recent);

        clock.advance(retention.minusMinutes(1));
        history.purgeResults(retention);
        assertThat(history.find(job.id()).orElseThrow().job().result()).as("still within retention").isNotNull();
        history.record(recent.started(clock.instant(), "w").completed(wrapper("OPTIMAL", 8), clock.instant()));

        clock.advance(Duration.ofMinutes(2));
        assertThat(history.purgeResults(retention)).isGreaterThanOrEqualTo(1);

        JobRecord row = history.find(job.id()).orElseThrow();
        assertThat(row.job().result()).isNull();
        assertThat(row.resultPurgedAt()).isNotNull();
        assertThat(row.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(row.solverStatus()).isEqualTo("OPTIMAL");
        assertThat(row.objective()).isEqualTo(7.0);
        assertThat(history.find(recent.id()).orElseThrow().job().result()).as("finished later: kept").isNotNull();
    }
}
