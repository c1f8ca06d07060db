package org.bookingopt.service.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.service.config.BookingOptProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

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

    private final JobStore store;
    private final JobQueue queue;
    private final JobEvents events;
    private final Clock clock;
    private final BookingOptProperties properties;
    /** Jobs running in this process, with the handle that stops each. */
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
    private final RunTimes runTimes = new RunTimes();
    private volatile boolean accepting = true;

    public JobService(JobStore store, JobQueue queue, JobEvents events, Clock clock, BookingOptProperties properties) {
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Validates the problem and queues it.
     *
     * @throws org.bookingopt.core.validation.InvalidProblemException listing every error
     * @throws JobRejectedException when the caller is at its limit, the queue is full, or we shut down
     */
    public Job submit(String problemJson, String owner) {
        if (!accepting) {
            throw new JobRejectedException.ShuttingDown(RETRY_AFTER_SHUTDOWN);
        }
        ParsedProblem parsed = ProblemReader.read(problemJson);
        Job job = Job.queued(UUID.randomUUID().toString(), owner,
                Json.MAPPER.valueToTree(parsed.problem().problemId()), problemJson, clock.instant());
        int limit = properties.limits().activeJobsPerUser();
        Job stored = store.create(job, limit)
                .orElseThrow(() -> new JobRejectedException.TooManyActiveJobs(limit, retryAfterOneJob()));
        if (!queue.offer(stored.id())) {
            store.delete(stored.id());
            throw new JobRejectedException.QueueFull(queue.capacity(), retryAfterQueue());
        }
        log.info("Job {} queued for {}, problem {}", stored.id(), owner, stored.problemId());
        events.publish(stored);
        return stored;
    }

    /** The job, unless it is unknown or expired. */
    public Job get(String id) {
        return store.find(id).filter(job -> !expired(job)).orElseThrow(() -> new JobNotFoundException(id));
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
        Job job = get(id);
        if (!job.owner().equals(owner)) {
            throw new JobNotFoundException(id);
        }
        Instant now = clock.instant();
        AtomicReference<JobStatus> before = new AtomicReference<>();
        Job after = store.update(id, j -> {
            before.set(j.status());
            return j.status().isActive() ? j.cancelled(CANCELLED_BY_CALLER, now) : j;
        }).orElseThrow(() -> new JobNotFoundException(id));
        if (!before.get().isActive()) {
            throw new JobFinishedException(after);
        }
        if (before.get() == JobStatus.QUEUED) {
            queue.remove(id);
        } else {
            stopRunning(id);
        }
        log.info("Job {} cancelled by {} while {}", id, owner, before.get().apiName());
        events.publish(after);
        return after;
    }

    // ---- reported by workers ----

    /**
     * Marks a job a worker took from the queue as running.
     *
     * @param cancellation stops the job's run when the job is cancelled
     * @return the running job, or empty if it was cancelled (or expired) while it waited
     */
    public Optional<Job> start(String id, Cancellation cancellation) {
        running.put(id, cancellation); // before the job shows as running, so a cancel always finds it
        Instant now = clock.instant();
        Optional<Job> started = store.update(id, j -> j.status() == JobStatus.QUEUED ? j.started(now) : j)
                .filter(j -> j.status() == JobStatus.RUNNING);
        if (started.isEmpty()) {
            running.remove(id);
        } else {
            events.publish(started.get());
        }
        return started;
    }

    /** Records progress (0–99 while running; 100 comes with the result) and the phase. */
    public void progress(String id, int percent, String phase) {
        store.update(id, j -> j.status() == JobStatus.RUNNING && percent >= j.progress()
                ? j.withProgress(percent, phase) : j).ifPresent(events::publish);
    }

    /** Stores the worker wrapper of a finished run (also a run the optimizer answered Succeeded: false). */
    public void complete(String id, ObjectNode wrapper, Duration ran) {
        runTimes.record(ran);
        Instant now = clock.instant();
        finish(id, j -> j.completed(wrapper, now), ran);
    }

    /** The run crashed: the job fails with {@code reason}, a message for the user. */
    public void fail(String id, String reason, Duration ran) {
        Instant now = clock.instant();
        finish(id, j -> j.failed(reason, now), ran);
    }

    private void finish(String id, UnaryOperator<Job> end, Duration ran) {
        try {
            Optional<Job> after = store.update(id, j -> j.status() == JobStatus.RUNNING ? end.apply(j) : j);
            after.ifPresent(job -> {
                if (job.status() == JobStatus.CANCELLED) {
                    log.info("Job {} stopped {} ms after it was cancelled", id,
                            Duration.between(job.completedAt(), clock.instant()).toMillis());
                } else {
                    log.info("Job {} {} after {} ms", id, job.status().apiName(), ran.toMillis());
                    events.publish(job);
                }
            });
        } finally {
            running.remove(id);
        }
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

    /** Cancels every job running in this process (shutdown); returns how many. */
    public int cancelRunning(String reason) {
        Instant now = clock.instant();
        int cancelled = 0;
        for (String id : List.copyOf(running.keySet())) {
            Optional<Job> after = store.update(id, j -> j.status() == JobStatus.RUNNING ? j.cancelled(reason, now) : j);
            stopRunning(id);
            after.ifPresent(events::publish);
            cancelled++;
        }
        return cancelled;
    }

    private void stopRunning(String id) {
        Cancellation cancellation = running.get(id);
        if (cancellation != null) {
            cancellation.cancel();
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
