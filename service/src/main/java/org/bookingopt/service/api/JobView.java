package org.bookingopt.service.api;

import java.time.Instant;

import org.bookingopt.service.history.JobRecord;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/jobs/{job_id}}: the job with its result (the worker wrapper of SPEC §9.5). {@code cached} is
 * true for a job completed at once from the result cache; {@code cache_key} is its problem's key in the cache
 * (null when the cache is off). {@code message} is null but for a completed job read from the history after its
 * result was purged ({@code result} null).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobView(String jobId, String status, int progress, String phase, JsonNode result, String error,
                      JsonNode problemId, String priority, int attempt, String worker, Instant createdAt,
                      Instant startedAt, Instant completedAt, boolean cached, String cacheKey, String message) {
    static final String RESULT_EXPIRED = "The result was deleted after the history's retention "
            + "(bookingopt.history.retention); the job's record is kept. Submit the problem again to solve it again.";

    static JobView of(Job job) {
        return new JobView(job.id(), job.status().apiName(), job.progress(), job.phase(), job.result(), job.error(),
                job.problemId(), job.priority().apiName(), job.attempt(), job.worker(), job.createdAt(),
                job.startedAt(), job.completedAt(), job.cached(), job.cacheKey(),
                resultExpired(job) ? RESULT_EXPIRED : null);
    }

    /** Completed without a result: only a job read from the history after its result's retention. */
    static boolean resultExpired(Job job) {
        return job.status() == JobStatus.COMPLETED && job.result() == null;
    }

    /**
     * The job without its result: list items and progress events. Once completed, {@code solver_status} and
     * {@code objective} ({@code Objective.Total}) of its result are repeated here, so a history needs no
     * result; both are null before, and for a run without a plan.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(String jobId, String status, int progress, String phase, String error, JsonNode problemId,
                          String priority, int attempt, String worker, Instant createdAt, Instant startedAt,
                          Instant completedAt, String solverStatus, Double objective, boolean cached) {
        static Summary of(Job job) {
            return of(job, JobRecord.solverStatusOf(job.result()), JobRecord.objectiveOf(job.result()));
        }

        /** A row of the history: solver status and objective as recorded, the result is not read. */
        static Summary of(JobRecord record) {
            return of(record.job(), record.solverStatus(), record.objective());
        }

        private static Summary of(Job job, String solverStatus, Double objective) {
            return new Summary(job.id(), job.status().apiName(), job.progress(), job.phase(), job.error(),
                    job.problemId(), job.priority().apiName(), job.attempt(), job.worker(), job.createdAt(),
                    job.startedAt(), job.completedAt(), solverStatus, objective, job.cached());
        }
    }
}
