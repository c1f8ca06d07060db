package org.bookingopt.service.job;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import org.bookingopt.core.solver.SolverStatus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The job service's meters, all named {@code bookingopt.*} (docs/metrics.md lists each, and the names other
 * features use). Fed by the {@link JobService} (ends of runs, waits, take-overs, dead letters) and the
 * {@link JobWorkers} (solver statuses, running jobs); queue depths are read from the queue at each scrape.
 */
public final class JobMetrics {
    /** Histogram buckets of run times and queue waits: from a trivial job to the longest allowed solve. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ofSeconds(300), Duration.ofSeconds(600)};

    private final MeterRegistry registry;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Gauges of the ids waiting in {@code queue}, one per priority, read at each scrape. */
    public void watchQueue(JobQueue queue) {
        for (JobPriority priority : JobPriority.values()) {
            Gauge.builder("bookingopt.queue.depth", queue, q -> q.size(priority))
                    .description("Jobs waiting for a worker (shared by every process of a redis backend)")
                    .tag("priority", priority.apiName())
                    .strongReference(true)
                    .register(registry);
        }
    }

    /**
     * The meters of a process that runs workers: a gauge of the jobs they run, read at each scrape, and the
     * counters they feed, registered at zero so that a rate sees their first increment.
     */
    public void watchWorkers(IntSupplier running) {
        Gauge.builder("bookingopt.jobs.running", running, IntSupplier::getAsInt)
                .description("Jobs running in this process's workers")
                .strongReference(true)
                .register(registry);
        reclaimedCounter();
        deadLetteredCounter();
        for (SolverStatus status : SolverStatus.values()) {
            solverStatusCounter(status);
        }
    }

    /**
     * A run ended and its end was recorded as the job's outcome: its run time and its wait in the queue
     * (submission to the start of this run), by outcome.
     */
    void ran(Job finished, Duration ran) {
        String outcome = finished.status().apiName();
        timer("bookingopt.jobs.duration", "Run time of a job's recorded run, by outcome", outcome).record(ran);
        recordWait(finished.createdAt(), finished.startedAt(), outcome);
    }

    /** A job was cancelled before any worker took it: its whole life was a wait. */
    void cancelledWhileQueued(Job cancelled) {
        recordWait(cancelled.createdAt(), cancelled.completedAt(), cancelled.status().apiName());
    }

    private void recordWait(Instant from, Instant to, String outcome) {
        if (from != null && to != null && !to.isBefore(from)) {
            timer("bookingopt.jobs.queue.wait", "Time from submission until a worker started the job's "
                    + "recorded run (or until it was cancelled while queued), by outcome", outcome)
                    .record(Duration.between(from, to));
        }
    }

    private Timer timer(String name, String description, String outcome) {
        return Timer.builder(name).description(description).tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    /** The optimizer's assignment solve ended with this status (counted per solve, also when not recorded). */
    void solved(SolverStatus status) {
        solverStatusCounter(status).increment();
    }

    void reclaimed() {
        reclaimedCounter().increment();
    }

    void deadLettered() {
        deadLetteredCounter().increment();
    }

    // The registry keeps one meter per name and tags: registering again finds it.

    private Counter solverStatusCounter(SolverStatus status) {
        return Counter.builder("bookingopt.solver.status")
                .description("Assignment solves by their SolverStatus")
                .tag("status", status.name())
                .register(registry);
    }

    private Counter reclaimedCounter() {
        return Counter.builder("bookingopt.queue.reclaimed")
                .description("Jobs taken over by a worker after the worker running them stopped (its lease ran "
                        + "out, or it released them at shutdown)")
                .register(registry);
    }

    private Counter deadLetteredCounter() {
        return Counter.builder("bookingopt.queue.dead.lettered")
                .description("Jobs failed after max-attempts runs and put in the dead-letter stream")
                .register(registry);
    }
}
