package org.bookingopt.service.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.service.cache.CachedResults;
import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.history.JobHistory;
import org.bookingopt.service.history.JobRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job lifecycle: submit, read, list, cancel, and the transitions workers report (start, progress,
 * complete, fail). Every change goes through the {@link JobStore} and is announced on {@link JobEvents}.
 */
@Service
public class JobService {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    static final String CANCELLED_BY_CALLER = "Cancelled at the caller's request";
    private static final Duration RETRY_AFTER_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration RETRY_AT_LEAST = Duration.ofSeconds(30);
    private static final Duration PROGRESS_PAUSE = Duration.ofSeconds(2);
    /**
     * Progress of a run younger than this is not written at once but kept for the next heartbeat: a trivial
     * job (a few ms) then costs the store one start and one completion write instead of one per phase.
     */
    static final Duration PROGRESS_QUIET = Duration.ofMillis(100);

    private final JobStore store;
    private final JobQueue queue;
    private final JobEvents events;
    private final Clock clock;
    private final BookingOptProperties properties;
    private final CachedResults results;
    private final JobMetrics metrics;
    /** The durable history in PostgreSQL ({@code bookingopt.database=postgres}), or null. */
    private final @Nullable JobHistory history;
    /** Jobs running in this process, with the handle that stops each and the attempt it runs. */
    private final Map<String, Run> running = new ConcurrentHashMap<>();
    private final RunTimes runTimes = new RunTimes();
    private volatile boolean accepting = true;
    /** After a failed progress write, progress is not written until then (System.nanoTime()). */
    private volatile long skipProgressUntil = System.nanoTime();

    /** @param history where every job is also recorded, durably; null without a database */
    @Autowired
    public JobService(JobStore store, JobQueue queue, JobEvents events, Clock clock, BookingOptProperties properties,
                      CachedResults results, JobMetrics metrics, @Nullable JobHistory history) {
        this.history = history;
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.results = results;
        this.metrics = metrics;
    }

    /** Without a result cache and a history. */
    public JobService(JobStore store, JobQueue queue, JobEvents events, Clock clock, BookingOptProperties properties,
                      JobMetrics metrics) {
        this(store, queue, events, clock, properties, CachedResults.disabled(properties), metrics, null);
    }

    /**
     * Validates the problem and queues it.
     *
     * @throws org.bookingopt.core.validation.InvalidProblemException listing every error
     * @throws JobRejectedException when the caller is at its limit, the queue is full, or we shut down
     */
    public Job submit(String problemJson, String owner) {
        return submit(problemJson, owner, JobPriority.NORMAL);
    }

    /** Validates the problem and queues it with the given priority; see {@link #submit(String, String)}. */
    public Job submit(String problemJson, String owner, JobPriority priority) {
        if (!accepting) {
            throw new JobRejectedException.ShuttingDown(RETRY_AFTER_SHUTDOWN);
        }
        ParsedProblem parsed = ProblemReader.read(problemJson);
        JsonNode problemId = Json.MAPPER.valueToTree(parsed.problem().problemId());
        Job job = Job.queued(UUID.randomUUID().toString(), owner, problemId, priority, problemJson, clock.instant())
                .withCacheKey(results.keyOf(problemJson, parsed));
        Optional<ObjectNode> cached = results.find(job.cacheKey(), problemId);
        if (cached.isPresent()) {
            return completeFromCache(job, cached.get());
        }
        if (history != null) {
            history.recordQueued(job); // before the queue: a job that never reaches it is queued by the reconciler
        }
        int limit = properties.limits().activeJobsInForce();
        Optional<Job> created;
        try {
            created = store.create(job, limit);
        } catch (RuntimeException e) {
            forget(job.id());
            throw e;
        }
        if (created.isEmpty()) {
            forget(job.id());
            throw new JobRejectedException.TooManyActiveJobs(limit, retryAfterOneJob());
        }
        Job stored = created.get();
        boolean offered;
        try {
            offered = queue.offer(stored.id(), priority);
        } catch (RuntimeException e) {
            forget(stored.id()); // not queued: it must not count against the caller's limit
            throw e;
        }
        if (!offered) {
            forget(stored.id());
            throw new JobRejectedException.QueueFull(queue.capacity(), retryAfterQueue());
        }
        log.info("Job {} queued for {}, problem {}, priority {}", stored.id(), owner, stored.problemId(),
                priority.apiName());
        events.publish(stored);
        return stored;
    }

    /**
     * An identical problem was solved before: the job is stored completed with that result at once. It takes no
     * worker, so the active-job limit does not apply.
     */
    private Job completeFromCache(Job job, ObjectNode wrapper) {
        Instant now = clock.instant();
        if (history != null) {
            history.recordQueued(job);
        }
        Job stored = store.create(job, Integer.MAX_VALUE).orElseThrow();
        Job done = store.update(stored.id(), j -> j.completedFromCache(wrapper, now))
                .orElseThrow(() -> new JobNotFoundException(stored.id()));
        log.info("Job {} for {}, problem {}: completed from the result cache", done.id(), done.owner(),
                done.problemId());
        recordHistory(done);
        events.publish(done);
        return done;
    }

    /** A submission refused after its job was written: it must not count against the caller, nor run later. */
    private void forget(String id) {
        try {
            store.delete(id);
            if (history != null) {
                history.delete(id);
            }
        } catch (RuntimeException e) {
            log.warn("Job {} was stored but could not be queued, nor deleted: {}", id, e.toString());
        }
    }

    /**
     * The job, unless it is unknown or expired; with a history, a job the store no longer has (its result TTL
     * passed) as the history keeps it: its result until the history's retention, then none.
     */
    public Job get(String id) {
        return store.find(id).filter(job -> !expired(job))
                .or(() -> history == null ? Optional.empty() : history.find(id).map(JobRecord::job))
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    /** The durable history, if the service has a database. */
    public Optional<JobHistory> history() {
        return Optional.ofNullable(history);
    }

    /** Records a start or an end in the history; a failure is logged and the reconciler repairs the row later. */
    private void recordHistory(Job job) {
        if (history == null) {
            return;
        }
        try {
            history.record(job);
        } catch (DataAccessException e) {
            log.warn("Job {} is {} but the history did not record it: {}", job.id(), job.status().apiName(),
                    e.toString());
        }
    }

    /**
     * The caller's jobs, newest first.
     *
     * @param beforeSeq paging cursor: only jobs older than this, {@link Long#MAX_VALUE} for the first page
     */
    public JobPage list(String owner, JobStatus status, int limit, long beforeSeq) {
        List<Job> page = store.list(owner, status, beforeSeq, limit);
        Long next = page.size() == limit ? page.getLast().seq() : null;
        return new JobPage(page.stream().filter(job -> !expired(job)).toList(), next);
    }

    /**
     * Cancels the caller's job: a queued one leaves the queue, a running one is stopped.
     *
     * @throws JobNotFoundException  if unknown, expired, or someone else's
     * @throws JobFinishedException  if it has already finished
     */
    public Job cancel(String id, String owner) {
        return cancel(id, owner, false);
    }

    /**
     * Cancels a job for {@code caller}: its own, or anyone's when {@code admin}; see {@link #cancel(String, String)}.
     */
    public Job cancel(String id, String caller, boolean admin) {
        Job job = get(id);
        if (!admin && !job.owner().equals(caller)) {
            throw new JobNotFoundException(id);
        }
        Instant now = clock.instant();
        AtomicReference<JobStatus> before = new AtomicReference<>();
        Optional<Job> changed = store.update(id, j -> {
            before.set(j.status());
            return j.status().isActive() ? j.cancelled(CANCELLED_BY_CALLER, now) : j;
        });
        if (changed.isEmpty()) {
            return cancelInHistory(job, now); // only the history has it
        }
        Job after = changed.get();
        if (!before.get().isActive()) {
            throw new JobFinishedException(after);
        }
        if (before.get() == JobStatus.QUEUED) {
            queue.remove(id);
            metrics.cancelledWhileQueued(after);
        } else {
            stopRunning(id);
        }
        log.info("Job {} of {} cancelled by {} while {}", id, job.owner(), caller, before.get().apiName());
        recordHistory(after);
        events.publish(after);
        return after;
    }

    /** A job known to the history alone: finished, or waiting for the reconciler to queue it again. */
    private Job cancelInHistory(Job job, Instant now) {
        if (job.isFinished()) {
            throw new JobFinishedException(job);
        }
        Job cancelled = job.cancelled(CANCELLED_BY_CALLER, now);
        if (!history.record(cancelled)) {
            throw new JobFinishedException(get(job.id()));
        }
        log.info("Job {} cancelled by {} before it was queued again", job.id(), job.owner());
        return cancelled;
    }

    // ---- reported by workers ----

    /**
     * Marks a job a worker took from the queue as running, as its next attempt. A job still running is one
     * whose worker lost it (died, or stopped renewing its lease): it is taken over, unless it has had its
     * {@code max-attempts}; then it fails and goes to the dead letters. Anything else (cancelled meanwhile,
     * expired) is done with.
     *
     * @param cancellation stops the job's run when the job is cancelled
     * @return the running job (its {@code attempt} is the run's fencing token), or empty if there is nothing to run
     */
    public Optional<Job> start(String id, Cancellation cancellation) {
        Run run = new Run(cancellation);
        running.put(id, run); // before the job shows as running, so a cancel always finds it
        Instant now = clock.instant();
        int maxAttempts = properties.jobs().maxAttempts();
        String worker = properties.jobs().workerName();
        AtomicReference<Boolean> gaveUp = new AtomicReference<>(false); // as decided by the last try of the change
        Optional<Job> after;
        try {
            after = store.update(id, j -> {
                gaveUp.set(j.status().isActive() && j.attempt() >= maxAttempts);
                if (!j.status().isActive()) {
                    return j;
                }
                return gaveUp.get() ? j.failed(gaveUp(j), now) : j.started(now, worker);
            });
        } catch (RuntimeException e) {
            running.remove(id); // not acknowledged: the queue hands it out again when its lease runs out
            throw e;
        }
        if (after.isPresent() && after.get().status() == JobStatus.RUNNING) {
            Job job = after.get();
            run.job = job;
            run.attempt = job.attempt();
            if (job.attempt() > 1) {
                metrics.reclaimed();
                log.warn("Job {} taken over by {} as attempt {} of {}: its previous worker stopped", id, worker,
                        job.attempt(), maxAttempts);
            }
            recordHistory(job);
            events.publish(job);
            return after;
        }
        running.remove(id);
        if (after.isPresent() && gaveUp.get()) {
            Job failed = after.get();
            log.error("Job {} failed: {}", id, failed.error());
            recordHistory(failed);
            queue.deadLetter(id, failed.error());
            metrics.deadLettered();
            events.publish(failed);
        }
        queue.done(id);
        return Optional.empty();
    }

    private static String gaveUp(Job job) {
        return "Given up after " + job.attempt() + " attempts: the worker running it stopped each time (last: "
                + job.worker() + "); submit it again, and if it happens again, try a shorter TimeLimitSeconds";
    }

    /**
     * Records progress (0–99 while running; 100 comes with the result) and the phase, if the run still owns the
     * job. In a run's first {@link #PROGRESS_QUIET} the report is only kept: the heartbeat ({@link #checkRunning})
     * writes the latest one if the run is still going then.
     */
    public void progress(String id, int attempt, int percent, String phase) {
        Run run = running.get(id);
        if (run != null && run.inQuietStart()) {
            run.pendingProgress = new Progress(attempt, percent, phase);
            return;
        }
        if (run != null) {
            run.pendingProgress = null; // this report is newer
        }
        writeProgress(id, attempt, percent, phase);
    }

    private void writeProgress(String id, int attempt, int percent, String phase) {
        if (System.nanoTime() < skipProgressUntil) {
            return; // the store failed a moment ago: the solve goes on without waiting for it
        }
        try {
            store.update(id, j -> j.isRunning(attempt) && percent >= j.progress()
                    ? j.withProgress(percent, phase) : j).ifPresent(events::publish);
        } catch (DataAccessException e) {
            skipProgressUntil = System.nanoTime() + PROGRESS_PAUSE.toNanos();
            log.warn("Progress of job {} not recorded: {}", id, e.toString()); // a later report will be
        }
    }

    /** Stores the worker wrapper of a finished run (also a run the optimizer answered Succeeded: false). */
    public void complete(String id, int attempt, ObjectNode wrapper, Duration ran) {
        runTimes.record(ran);
        Instant now = clock.instant();
        finish(id, attempt, j -> j.completed(wrapper, now), ran);
    }

    /** The run crashed: the job fails with {@code reason}, a message for the user. */
    public void fail(String id, int attempt, String reason, Duration ran) {
        Instant now = clock.instant();
        finish(id, attempt, j -> j.failed(reason, now), ran);
    }

    /**
     * Records the end of a run, only if the job is still running as the run's attempt (the fencing token):
     * a run whose job was taken over records nothing, so each job has exactly one completion. Retries while
     * the store is unreachable (see {@link #retrying}); after that the job is left to be taken over.
     */
    private void finish(String id, int attempt, UnaryOperator<Job> end, Duration ran) {
        Run run = running.get(id);
        if (run != null && run.released) {
            running.remove(id);
            log.info("Job {}: its run here stopped; it was released to another worker", id);
            return;
        }
        try {
            UnaryOperator<Job> ending = j -> j.isRunning(attempt) ? end.apply(j) : j;
            Job known = run == null ? null : run.job;
            Optional<Job> after = retrying("record the end of job " + id,
                    () -> known != null ? store.update(known, ending) : store.update(id, ending));
            if (after == null) {
                return; // not acknowledged: its lease runs out and another worker runs it again
            }
            after.ifPresent(job -> {
                if (job.status() == JobStatus.CANCELLED) {
                    if (job.attempt() == attempt) {
                        metrics.ran(job, ran); // cancelled during this run
                    }
                    log.info("Job {} stopped {} ms after it was cancelled", id,
                            Duration.between(job.completedAt(), clock.instant()).toMillis());
                } else if (job.attempt() != attempt || job.status() == JobStatus.RUNNING) {
                    log.warn("Job {}: the result of attempt {} is dropped, attempt {} ({}) owns the job", id,
                            attempt, job.attempt(), job.worker());
                } else {
                    metrics.ran(job, ran);
                    log.info("Job {} {} after {} ms", id, job.status().apiName(), ran.toMillis());
                    recordHistory(job);
                    events.publish(job);
                    results.remember(job);
                }
            });
            retrying("release job " + id, () -> {
                queue.done(id);
                return Boolean.TRUE;
            });
        } finally {
            running.remove(id);
        }
    }

    /**
     * Runs {@code action}, retrying on store or queue errors (Redis restarting) for up to three leases and at
     * least 30 s; null if it never succeeded.
     */
    private <T> T retrying(String what, Supplier<T> action) {
        Duration patience = properties.jobs().lease().multipliedBy(3);
        long deadline = System.nanoTime() + Collections.max(List.of(patience, RETRY_AT_LEAST)).toNanos();
        long pauseMillis = 100;
        while (true) {
            try {
                return action.get();
            } catch (DataAccessException e) {
                if (System.nanoTime() > deadline) {
                    log.error("Could not {}: {}", what, e.toString());
                    return null;
                }
                log.warn("Could not {} yet, retrying: {}", what, e.toString());
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                pauseMillis = Math.min(2000, pauseMillis * 2);
            }
        }
    }

    /**
     * The heartbeat of this process's running jobs: writes the progress {@link #progress} held back, renews
     * their leases, and stops a run whose job was cancelled (on any API node) or taken over by another worker.
     * Called by the workers every {@code bookingopt.jobs.heartbeat} (leases) and every half second (cancellation).
     *
     * @param renewLeases also renew the leases
     */
    public void checkRunning(boolean renewLeases) {
        running.forEach((id, run) -> {
            if (run.attempt == 0) {
                return; // still starting
            }
            Progress pending = run.pendingProgress;
            if (pending != null && !run.inQuietStart()) {
                run.pendingProgress = null;
                writeProgress(id, pending.attempt(), pending.percent(), pending.phase());
            }
            try {
                Optional<Job> job = store.find(id);
                if (job.isPresent() && completedByThisRun(job.get(), run.attempt)) {
                    return; // our own result landed and the run is about to leave the map: nothing to stop
                }
                if (job.isEmpty() || !job.get().isRunning(run.attempt)) {
                    log.info("Job {} is {} elsewhere: stopping its run here", id,
                            job.map(j -> j.status() == JobStatus.RUNNING ? "taken over" : j.status().apiName())
                                    .orElse("gone"));
                    run.cancellation.cancel();
                } else if (renewLeases && !queue.renew(id)) {
                    log.warn("Job {}: this worker lost its lease (another worker has taken it over); stopping", id);
                    run.cancellation.cancel();
                }
            } catch (DataAccessException e) {
                log.debug("Could not check job {}: {}", id, e.toString()); // the next heartbeat tries again
            }
        });
    }

    /**
     * Completed by this attempt itself. Only a completion: a failure or a cancel may have been written by another
     * process (a reclaim past the last attempt, an API node), and then the run must stop.
     */
    private static boolean completedByThisRun(Job job, int attempt) {
        return job.status() == JobStatus.COMPLETED && job.attempt() == attempt;
    }

    // ---- lifecycle ----

    /** From now on every submission gets 503: the service is shutting down. */
    public void stopAccepting() {
        accepting = false;
    }

    public boolean isAccepting() {
        return accepting;
    }

    public int runningCount() {
        return running.size();
    }

    public int queuedCount() {
        return queue.size();
    }

    /**
     * Shutdown with a queue that hands jobs to other processes: stops every run here without recording it,
     * and releases its job at once, so another worker runs it again (as its next attempt). Returns how many;
     * 0 if the queue cannot do that (then {@link #cancelRunning} is the way).
     */
    public int releaseRunning() {
        int released = 0;
        for (Map.Entry<String, Run> e : List.copyOf(running.entrySet())) {
            Run run = e.getValue();
            run.released = true;
            if (!queue.release(e.getKey())) {
                run.released = false;
                continue;
            }
            run.cancellation.cancel();
            released++;
        }
        return released;
    }

    /**
     * Re-reads the jobs someone follows (SSE) and announces changes: with a shared backend, workers in other
     * processes change them. Unchanged versions are dropped by the streams.
     */
    @Scheduled(fixedDelay = 250, timeUnit = TimeUnit.MILLISECONDS)
    public void refreshFollowed() {
        for (String id : events.followed()) {
            try {
                store.find(id).ifPresent(events::publish);
            } catch (DataAccessException e) {
                log.debug("Could not refresh job {}: {}", id, e.toString());
            }
        }
    }

    /** Cancels every job running in this process (shutdown); returns how many. */
    public int cancelRunning(String reason) {
        Instant now = clock.instant();
        int cancelled = 0;
        for (Map.Entry<String, Run> e : List.copyOf(running.entrySet())) {
            if (e.getValue().released) {
                continue;
            }
            String id = e.getKey();
            int attempt = e.getValue().attempt;
            Optional<Job> after = store.update(id, j -> j.isRunning(attempt) ? j.cancelled(reason, now) : j);
            stopRunning(id);
            after.ifPresent(job -> {
                recordHistory(job);
                events.publish(job);
            });
            cancelled++;
        }
        return cancelled;
    }

    private void stopRunning(String id) {
        Run run = running.get(id);
        if (run != null) {
            run.cancellation.cancel();
        }
    }

    /** Drops finished jobs whose results are older than {@code bookingopt.jobs.result-ttl}. */
    @Scheduled(fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    public int deleteExpired() {
        int deleted = store.deleteFinishedBefore(clock.instant().minus(properties.jobs().resultTtl()));
        if (deleted > 0) {
            log.debug("Deleted {} expired job(s)", deleted);
        }
        return deleted;
    }

    private boolean expired(Job job) {
        return job.isFinished() && !clock.instant().isBefore(job.completedAt().plus(properties.jobs().resultTtl()));
    }

    /** When one of the caller's jobs will likely have finished: a typical run time. */
    private Duration retryAfterOneJob() {
        return clampSeconds(runTimes.average(), 1, 60);
    }

    /** When the queue will likely have room: the waiting jobs' run time spread over the workers. */
    private Duration retryAfterQueue() {
        Duration drain = runTimes.average().multipliedBy(Math.max(1, queue.size()))
                .dividedBy(properties.jobs().workers());
        return clampSeconds(drain, 1, 600);
    }

    private static Duration clampSeconds(Duration d, long min, long max) {
        long seconds = (d.toMillis() + 999) / 1000;
        return Duration.ofSeconds(Math.max(min, Math.min(max, seconds)));
    }

    /** A run in this process: its stop handle, and the attempt it runs once started. */
    private static final class Run {
        final Cancellation cancellation;
        final long startedNanos = System.nanoTime();
        volatile int attempt;
        /** The job as this process last wrote it (its start), so that the end can be written without a read. */
        volatile Job job;
        /** The latest progress report not written yet (see {@link #progress}), or null. */
        volatile Progress pendingProgress;
        /** Given up to another worker at shutdown: the end of this run is not recorded. */
        volatile boolean released;

        /** Within the first {@link #PROGRESS_QUIET} of the run: its progress is kept, not written. */
        boolean inQuietStart() {
            return System.nanoTime() - startedNanos < PROGRESS_QUIET.toNanos();
        }

        Run(Cancellation cancellation) {
            this.cancellation = cancellation;
        }
    }

    /** A progress report of a run's attempt. */
    private record Progress(int attempt, int percent, String phase) {
    }

    /** A page of jobs and the cursor of the next page (null on the last page). */
    public record JobPage(List<Job> jobs, Long nextBeforeSeq) {
    }

    /** Moving average of run times, for {@code Retry-After}. */
    private static final class RunTimes {
        private double averageMillis = Double.NaN;

        synchronized void record(Duration ran) {
            double ms = ran.toMillis();
            averageMillis = Double.isNaN(averageMillis) ? ms : 0.8 * averageMillis + 0.2 * ms;
        }

        synchronized Duration average() {
            return Double.isNaN(averageMillis) ? Duration.ofSeconds(1) : Duration.ofMillis((long) averageMillis);
        }
    }
}
