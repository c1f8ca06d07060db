package org.bookingopt.service.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobPriority;
import org.bookingopt.service.job.JobStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * The durable job history: the table {@code job_history} (migration V1), one row per job. The row is
 * written before the job is queued ({@link #recordQueued}); starts and ends are fenced by the attempt
 * number, so a job has one completion record even when a reclaimed job ran twice ({@link #record}).
 */
public class JobHistory {
    private static final ObjectWriter WRITER = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final int PURGE_BATCH = 1000;
    private static final String COLUMNS = "job_id, owner, problem_id, input_hash, priority, status, created_at, "
            + "started_at, completed_at, queue_wait_ms, run_ms, solver_status, objective, attempts, worker, error, "
            + "result_purged_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JobHistory(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The new job's row, status queued, with its input (until it finishes): written before it is queued. */
    public void recordQueued(Job job) {
        jdbc.sql("""
                INSERT INTO job_history (job_id, owner, problem_id, input_hash, priority, status, created_at,
                                         attempts, input)
                VALUES (:id, :owner, CAST(:problemId AS jsonb), :hash, :priority, 'queued', :created, :attempts,
                        :input)""")
                .param("id", job.id())
                .param("owner", job.owner())
                .param("problemId", json(job.problemId()))
                .param("hash", sha256(job.input()))
                .param("priority", job.priority().apiName())
                .param("created", timestamp(job.createdAt()))
                .param("attempts", job.attempt())
                .param("input", job.input())
                .update();
    }

    /** Forgets a row whose submission was refused (limit, queue full, queue unreachable). */
    public void delete(String id) {
        jdbc.sql("DELETE FROM job_history WHERE job_id = :id").param("id", id).update();
    }

    /**
     * Records a start (running) or an end (completed, failed, cancelled) of the job, only if the row is still
     * unfinished and no newer attempt has been recorded: a start needs a higher attempt than the row's, an end
     * at least the row's. So the first end of the newest attempt is the job's one completion record.
     *
     * @return true if the row changed
     */
    public boolean record(Job job) {
        if (job.status() == JobStatus.QUEUED) {
            return false;
        }
        Instant firstStart = job.startedAt();
        Long queueWait = firstStart == null ? null : Duration.between(job.createdAt(), firstStart).toMillis();
        if (job.status() == JobStatus.RUNNING) {
            return jdbc.sql("""
                    UPDATE job_history
                       SET status = 'running', attempts = :attempt, worker = :worker,
                           started_at = coalesce(started_at, :started), queue_wait_ms = coalesce(queue_wait_ms, :wait)
                     WHERE job_id = :id AND status IN ('queued', 'running') AND attempts < :attempt""")
                    .param("id", job.id())
                    .param("attempt", job.attempt())
                    .param("worker", job.worker())
                    .param("started", timestamp(firstStart))
                    .param("wait", queueWait)
                    .update() == 1;
        }
        Long run = firstStart == null ? null : Duration.between(firstStart, job.completedAt()).toMillis();
        return jdbc.sql("""
                UPDATE job_history
                   SET status = :status, completed_at = :completed, run_ms = :run, attempts = :attempt,
                       worker = coalesce(:worker, worker), error = :error, solver_status = :solverStatus,
                       objective = :objective, result = CAST(:result AS jsonb), input = NULL,
                       started_at = coalesce(started_at, :started), queue_wait_ms = coalesce(queue_wait_ms, :wait)
                 WHERE job_id = :id AND status IN ('queued', 'running') AND attempts <= :attempt""")
                .param("id", job.id())
                .param("status", job.status().apiName())
                .param("completed", timestamp(job.completedAt()))
                .param("run", run)
                .param("attempt", job.attempt())
                .param("worker", job.worker())
                .param("error", job.error())
                .param("solverStatus", JobRecord.solverStatusOf(job.result()))
                .param("objective", JobRecord.objectiveOf(job.result()))
                .param("result", job.result() == null ? null : WRITER.writeValueAsString(job.result()))
                .param("started", timestamp(firstStart))
                .param("wait", queueWait)
                .update() == 1;
    }

    /** The job's row with its result (unless purged). */
    public Optional<JobRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + ", result FROM job_history WHERE job_id = :id")
                .param("id", id)
                .query((rs, n) -> record(rs, true))
                .optional();
    }

    /**
     * The owner's jobs, newest first, without results.
     *
     * @param status only this status, or null for all
     * @param cursor the {@link Page#nextCursor} of the previous page, or null for the first
     * @throws IllegalArgumentException for a cursor this method did not make
     */
    public Page list(String owner, JobStatus status, String cursor, int limit) {
        Cursor after = cursor == null ? null : Cursor.parse(cursor);
        List<JobRecord> rows = jdbc.sql("SELECT " + COLUMNS + " FROM job_history WHERE owner = :owner"
                        + (status == null ? "" : " AND status = :status")
                        + (after == null ? "" : " AND (created_at, job_id) < (:created, :id)")
                        + " ORDER BY created_at DESC, job_id DESC LIMIT :limit")
                .param("owner", owner)
                .param("status", status == null ? null : status.apiName())
                .param("created", after == null ? null : timestamp(after.createdAt()))
                .param("id", after == null ? null : after.jobId())
                .param("limit", limit)
                .query((rs, n) -> record(rs, false))
                .list();
        String next = rows.size() < limit ? null : new Cursor(rows.getLast().job().createdAt(),
                rows.getLast().job().id()).toString();
        return new Page(rows, next);
    }

    /**
     * Hands each unfinished row submitted before {@code createdBefore} (with its input), least recently
     * checked first, to {@code check}, and marks it checked. The rows are locked ({@code FOR UPDATE SKIP
     * LOCKED}) until all are checked: reconcilers on several nodes never look at the same row at once.
     *
     * @return how many rows were checked
     */
    public int checkUnfinished(Instant createdBefore, int limit, Consumer<Job> check) {
        Integer checked = transactions.execute(tx -> {
            List<Job> rows = jdbc.sql("SELECT " + COLUMNS + ", input FROM job_history"
                            + " WHERE status IN ('queued', 'running') AND input IS NOT NULL AND created_at < :before"
                            + " ORDER BY coalesce(checked_at, created_at) LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .param("before", timestamp(createdBefore))
                    .param("limit", limit)
                    .query((rs, n) -> record(rs, false).job().withInput(rs.getString("input")))
                    .list();
            for (Job row : rows) {
                check.accept(row);
                jdbc.sql("UPDATE job_history SET checked_at = :now WHERE job_id = :id")
                        .param("now", timestamp(clock.instant()))
                        .param("id", row.id())
                        .update();
            }
            return rows.size();
        });
        return checked == null ? 0 : checked;
    }

    /** Deletes the result JSON of jobs finished {@code retention} ago or longer; see {@link #purgeResultsBefore}. */
    public int purgeResults(Duration retention) {
        return purgeResultsBefore(clock.instant().minus(retention));
    }

    /**
     * Deletes the result JSON of jobs finished at or before {@code cutoff}, in batches; the rows with their
     * metadata (status, timings, objective, solver status) stay. Safe on several nodes at once.
     *
     * @return how many results were deleted
     */
    public int purgeResultsBefore(Instant cutoff) {
        int purged = 0;
        while (true) {
            int batch = jdbc.sql("""
                    UPDATE job_history SET result = NULL, result_purged_at = :now
                     WHERE job_id IN (SELECT job_id FROM job_history
                                       WHERE result IS NOT NULL AND completed_at <= :cutoff
                                       LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                    .param("now", timestamp(clock.instant()))
                    .param("cutoff", timestamp(cutoff))
                    .param("batch", PURGE_BATCH)
                    .update();
            purged += batch;
            if (batch < PURGE_BATCH) {
                return purged;
            }
        }
    }

    /** Throws if the database does not answer (readiness). */
    public void ping() {
        jdbc.sql("SELECT 1").query(Integer.class).single();
    }

    private static JobRecord record(ResultSet rs, boolean withResult) throws SQLException {
        JobStatus status = JobStatus.fromApiName(rs.getString("status"));
        String problemId = rs.getString("problem_id");
        String result = withResult ? rs.getString("result") : null;
        Job job = new Job(rs.getString("job_id"), 0, 0, rs.getString("owner"),
                problemId == null ? null : Json.MAPPER.readTree(problemId),
                JobPriority.fromApiName(rs.getString("priority")), status,
                status == JobStatus.COMPLETED ? 100 : 0, status == JobStatus.COMPLETED ? "done" : null, null,
                result == null ? null : (ObjectNode) Json.MAPPER.readTree(result), rs.getString("error"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"),
                rs.getInt("attempts"), rs.getString("worker"), null, null);
        double objective = rs.getDouble("objective");
        Double objectiveOrNull = rs.wasNull() ? null : objective;
        return new JobRecord(job, rs.getString("input_hash"), millis(rs, "queue_wait_ms"), millis(rs, "run_ms"),
                rs.getString("solver_status"), objectiveOrNull, instant(rs, "result_purged_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Duration millis(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofMillis(ms);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String json(JsonNode node) {
        return node == null ? null : WRITER.writeValueAsString(node);
    }

    /** Hex SHA-256 of the body as submitted (UTF-8). */
    static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A page of rows and the cursor of the next page (null on the last). */
    public record Page(List<JobRecord> rows, String nextCursor) {
    }

    /** Where a page ends: the last row's submission time (microseconds, as stored) and id. */
    private record Cursor(Instant createdAt, String jobId) {
        static Cursor parse(String text) {
            int split = text.indexOf('_');
            try {
                long micros = Long.parseLong(text.substring(0, Math.max(0, split)));
                return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), text.substring(split + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cursor must be the next_cursor of a previous page");
            }
        }

        @Override
        public String toString() {
            return ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "_" + jobId;
        }
    }
}
