package org.bookingopt.service.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.run.RunResult;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.service.cache.CachedResults;
import org.bookingopt.service.config.BookingOptProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The worker pool: {@code bookingopt.jobs.workers} threads take jobs from the {@link JobQueue} and run the
 * optimizer on them. On shutdown it stops taking jobs, lets running ones finish within the grace period and
 * cancels the rest, before the web server stops.
 */
@Component
@ConditionalOnExpression("'${bookingopt.role:all}' != 'api'")
public class JobWorkers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);
    /** How long past its time limit a run may go before the watchdog cancels it. */
    private static final Duration OVERRUN = Duration.ofSeconds(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** How often running jobs are checked for a cancellation made in another process. */
    static final Duration CHECK_EVERY = Duration.ofMillis(500);
    static final String CANCELLED_BY_SHUTDOWN = "Cancelled: the service shut down before the job finished; "
            + "submit it again";

    private final JobService jobs;
    private final JobQueue queue;
    private final Optimizer optimizer;
    private final BookingOptProperties.Jobs config;
    private final JobMetrics metrics;
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-watchdog");
        t.setDaemon(true);
        return t;
    });
    /** Its own thread: a store that is slow to answer never delays the watchdog. */
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private long lastRenewal = System.nanoTime();

    public JobWorkers(JobService jobs, JobQueue queue, Optimizer optimizer, BookingOptProperties properties,
                      JobMetrics metrics) {
        this.jobs = jobs;
        this.queue = queue;
        this.optimizer = optimizer;
        this.config = properties.jobs();
        this.metrics = metrics;
        metrics.watchWorkers(jobs::runningCount);
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 1; i <= config.workers(); i++) {
            Thread t = new Thread(this::work, "job-worker-" + i);
            threads.add(t);
            t.start();
        }
        heartbeat.scheduleWithFixedDelay(this::heartbeat, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("{} job worker(s) started, {} solver thread(s) each, up to {} queued jobs", config.workers(),
                config.solverThreads(), queue.capacity());
    }

    @Override
    public synchronized void stop() {
        jobs.stopAccepting();
        running = false;
        int busy = jobs.runningCount();
        log.info("Shutting down: no new jobs accepted; waiting up to {} s for {} running job(s)",
                config.shutdownGrace().toSeconds(), busy);
        if (!joinWorkers(config.shutdownGrace())) {
            int released = jobs.releaseRunning();
            if (released > 0) {
                log.warn("Shutdown grace period over: released {} running job(s) to other workers", released);
            }
            int cancelled = jobs.cancelRunning(CANCELLED_BY_SHUTDOWN);
            if (cancelled > 0) {
                log.warn("Shutdown grace period over: cancelled {} running job(s)", cancelled);
            }
            joinWorkers(STOP_WAIT);
        }
        int left = jobs.queuedCount();
        if (left > 0) {
            log.warn("{} queued job(s) were not started before shutdown", left);
        }
        heartbeat.shutdownNow();
        watchdog.shutdownNow();
        threads.clear();
        log.info("Job workers stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private boolean joinWorkers(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread t : threads) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * One worker's loop, our own rather than a listener container's: an error of the queue or the store
     * (Redis restarting, network gone) is logged and retried with a pause, never the end of the loop.
     */
    private void work() {
        long pauseMillis = 0;
        while (running) {
            try {
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
                String id = queue.poll(Duration.ofMillis(200));
                if (id != null) {
                    Cancellation cancellation = new Cancellation();
                    jobs.start(id, cancellation).ifPresent(job -> run(job, cancellation));
                }
                if (pauseMillis > 0) {
                    log.info("{}: the job queue answers again", Thread.currentThread().getName());
                }
                pauseMillis = 0;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (pauseMillis == 0) {
                    log.warn("{}: the job queue failed, retrying: {}", Thread.currentThread().getName(), e.toString());
                }
                pauseMillis = Math.min(2000, Math.max(100, pauseMillis * 2));
            }
        }
    }

    /** Leases of running jobs renewed every heartbeat; cancellations from other processes noticed within 0.5 s. */
    private void heartbeat() {
        if (!running && jobs.runningCount() == 0) {
            return;
        }
        long now = System.nanoTime();
        boolean renew = now - lastRenewal >= config.heartbeat().toNanos();
        if (renew) {
            lastRenewal = now;
        }
        jobs.checkRunning(renew);
    }

    private void run(Job job, Cancellation cancellation) {
        long started = System.nanoTime();
        try {
            // Validated at submission; the queue carries the JSON so that any worker process can run it.
            ParsedProblem parsed = ProblemReader.read(job.input());
            Duration limit = timeLimit(parsed);
            ScheduledFuture<?> overrun = watchdog.schedule(cancellation::cancel,
                    limit.plus(OVERRUN).toMillis(), TimeUnit.MILLISECONDS);
            try {
                RunResult result = optimizer.run(parsed, new SolverSettings(limit, config.solverThreads()),
                        progressOf(job.id(), job.attempt()), cancellation);
                if (result.status() != null) { // null: restrictions only, no solve ran
                    metrics.solved(result.status());
                }
                jobs.complete(job.id(), job.attempt(), Optimizer.wrap(result, parsed.problem().problemId()),
                        since(started));
            } finally {
                overrun.cancel(false);
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.error("Job {} crashed", job.id(), e);
            jobs.fail(job.id(), job.attempt(), "The optimizer stopped with an internal error ("
                    + e.getClass().getSimpleName() + "); it was logged under this job's id. Other jobs are not affected.",
                    since(started));
        }
    }

    /** The problem's {@code TimeLimitSeconds} (default 60 s), never more than {@code max-duration}. */
    Duration timeLimit(ParsedProblem parsed) {
        return CachedResults.timeLimit(parsed, config.maxDuration());
    }

    /** Reports whole percents and phase changes only, so the store is written at most ~100 times per job. */
    private ProgressListener progressOf(String id, int attempt) {
        return new ProgressListener() {
            private int lastPercent = -1;
            private String lastPhase;

            @Override
            public synchronized void onProgress(double fraction, String phase) {
                int percent = (int) Math.max(0, Math.min(99, Math.floor(fraction * 100)));
                if (percent != lastPercent || !Objects.equals(phase, lastPhase)) {
                    lastPercent = percent;
                    lastPhase = phase;
                    jobs.progress(id, attempt, percent, phase);
                }
            }
        };
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
