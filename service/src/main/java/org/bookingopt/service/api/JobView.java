package org.bookingopt.service.api;

import java.time.Instant;

import org.bookingopt.service.job.Job;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/jobs/{job_id}}: the job with its result (the worker wrapper of SPEC §9.5). {@code cached} is
 * true for a job completed at once from the result cache; {@code cache_key} is its problem's key in the cache
 * (null when the cache is off).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobView(String jobId, String status, int progress, String phase, JsonNode result, String error,
                      JsonNode problemId, String priority, int attempt, String worker, Instant createdAt,
                      Instant startedAt, Instant completedAt, boolean cached, String cacheKey) {

    static JobView of(Job job) {
        return new JobView(job.id(), job.status().apiName(), job.progress(), job.phase(), job.result(), job.error(),
                job.problemId(), job.priority().apiName(), job.attempt(), job.worker(), job.createdAt(),
                job.startedAt(), job.completedAt(), job.cached(), job.cacheKey());
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
            JsonNode result = resultObject(job);
            JsonNode status = result == null ? null : result.get("SolverStatus");
            JsonNode total = result == null ? null : result.path("Objective").get("Total");
            return new Summary(job.id(), job.status().apiName(), job.progress(), job.phase(), job.error(),
                    job.problemId(), job.priority().apiName(), job.attempt(), job.worker(), job.createdAt(),
                    job.startedAt(), job.completedAt(),
                    status != null && status.isString() ? status.asString() : null,
                    total != null && total.isNumber() ? total.doubleValue() : null, job.cached());
        }

        /** The result object inside the worker wrapper (SPEC §9.5), also of a run without a plan. */
        private static JsonNode resultObject(Job job) {
            if (job.result() == null) {
                return null;
            }
            return job.result().get(job.result().path("success").asBoolean() ? "result" : "details");
        }
    }
}
