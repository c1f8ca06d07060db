package org.bookingopt.service.job;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One optimization job, as stored. Immutable: every change makes a new value, written back through
 * {@link JobStore#update}.
 *
 * @param id          unguessable id (a random UUID)
 * @param seq         order of creation, assigned by the store; newest has the highest
 * @param version     bumped by the store on every write, so readers can drop stale copies
 * @param owner       the caller that submitted it: its API key's user (or {@code X-User-ID} with authentication off)
 * @param problemId   the problem's {@code ProblemId}
 * @param priority    its place in the queue
 * @param status      see {@link JobStatus}
 * @param progress    0–100
 * @param phase       what the optimizer is doing, e.g. {@code assign}; null before it starts
 * @param input       the problem JSON as submitted; dropped once the job is finished
 * @param result      the worker wrapper of SPEC §9.5 once completed, else null
 * @param error       why the job failed or was cancelled, in words a user understands; else null
 * @param createdAt   when it was submitted
 * @param startedAt   when a worker took it, or null
 * @param completedAt when it finished (completed, failed or cancelled), or null
 * @param attempt     how many times a worker started it (0 while first queued); the fencing token: a worker
 *                    may only report on the attempt it started, so a run whose lease was lost changes nothing
 * @param worker      the worker that runs (or last ran) it, or null
 * @param cacheKey    the result cache's key of its problem and settings, or null when the cache is off
 * @param cached      completed at submission with a result from the cache: no worker ran it
 */
public record Job(String id, long seq, long version, String owner, JsonNode problemId, JobPriority priority,
                  JobStatus status, int progress, String phase, String input, ObjectNode result, String error,
                  Instant createdAt, Instant startedAt, Instant completedAt, int attempt, String worker,
                  String cacheKey, Boolean cached) {

    /** {@code cached} may be absent (null) in jobs stored before it existed: not cached. */
    public Job {
        cached = Boolean.TRUE.equals(cached);
    }

    /** A new job waiting for a worker; the store assigns {@code seq} and {@code version}. */
    public static Job queued(String id, String owner, JsonNode problemId, String input, Instant now) {
        return queued(id, owner, problemId, JobPriority.NORMAL, input, now);
    }

    public static Job queued(String id, String owner, JsonNode problemId, JobPriority priority, String input,
                             Instant now) {
        return new Job(id, 0, 0, owner, problemId, priority, JobStatus.QUEUED, 0, null, input, null, null, now, null,
                null, 0, null, null, false);
    }

    /** Taken by a worker: running, as its next attempt (also a job whose previous worker lost it). */
    public Job started(Instant now) {
        return started(now, null);
    }

    public Job started(Instant now, String byWorker) {
        return new Job(id, seq, version, owner, problemId, priority, JobStatus.RUNNING, 0, null, input, null, null,
                createdAt, now, null, attempt + 1, byWorker, cacheKey, cached);
    }

    public Job withProgress(int newProgress, String newPhase) {
        return new Job(id, seq, version, owner, problemId, priority, status, newProgress, newPhase, input, result,
                error, createdAt, startedAt, completedAt, attempt, worker, cacheKey, cached);
    }

    public Job completed(ObjectNode wrapper, Instant now) {
        return finished(JobStatus.COMPLETED, 100, wrapper, null, now);
    }

    public Job failed(String reason, Instant now) {
        return finished(JobStatus.FAILED, progress, null, reason, now);
    }

    public Job cancelled(String reason, Instant now) {
        return finished(JobStatus.CANCELLED, progress, null, reason, now);
    }

    /**
     * Finished: a completed job keeps its input as long as its result (charts of the plan need the problem), the
     * others drop it; a completed job's phase is {@code done}, others keep where they stopped.
     */
    private Job finished(JobStatus end, int endProgress, ObjectNode wrapper, String reason, Instant now) {
        String endPhase = end == JobStatus.COMPLETED ? "done" : phase;
        String kept = end == JobStatus.COMPLETED ? input : null;
        return new Job(id, seq, version, owner, problemId, priority, end, endProgress, endPhase, kept, wrapper,
                reason, createdAt, startedAt, now, attempt, worker, cacheKey, cached);
    }

    /** The same job as the store keeps it: with its place in the order and its write count. */
    public Job stored(long newSeq, long newVersion) {
        return new Job(id, newSeq, newVersion, owner, problemId, priority, status, progress, phase, input, result,
                error, createdAt, startedAt, completedAt, attempt, worker, cacheKey, cached);
    }

    /** The same job with another input (stores that keep the input apart). */
    public Job withInput(String newInput) {
        return new Job(id, seq, version, owner, problemId, priority, status, progress, phase, newInput, result,
                error, createdAt, startedAt, completedAt, attempt, worker, cacheKey, cached);
    }

    /** The same job with the result cache's key of its problem and settings. */
    public Job withCacheKey(String key) {
        return new Job(id, seq, version, owner, problemId, priority, status, progress, phase, input, result,
                error, createdAt, startedAt, completedAt, attempt, worker, key, cached);
    }

    /** Completed at once with a result from the cache: started and completed now, by no worker. */
    public Job completedFromCache(ObjectNode wrapper, Instant now) {
        return new Job(id, seq, version, owner, problemId, priority, JobStatus.COMPLETED, 100, "done", input, wrapper,
                null, createdAt, now, now, attempt, worker, cacheKey, true);
    }

    /** Running as {@code runAttempt}: the run of that attempt may still report on the job. */
    public boolean isRunning(int runAttempt) {
        return status == JobStatus.RUNNING && attempt == runAttempt;
    }

    public boolean isFinished() {
        return !status.isActive();
    }
}
