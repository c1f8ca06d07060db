package org.bookingopt.service.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobQueue;
import org.bookingopt.service.job.JobStatus;
import org.bookingopt.service.job.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues again the jobs whose submission stopped between the history row and the queue (an API node died
 * after the insert, Redis failed before the job was queued, an embedded service restarted): every unfinished
 * row older than {@code bookingopt.history.reconcile-after} is compared with the job store and the queue.
 * <ul>
 * <li>the store does not know the job: it is stored again from the row's input, as the attempt the row
 * records (so {@code max-attempts} still counts the runs before), and queued;</li>
 * <li>the store has it queued but the queue has it not: it is queued;</li>
 * <li>the store has it in another state: the history missed a write, and records it now.</li>
 * </ul>
 * Runs on every node with a database; the rows it checks are locked ({@code SKIP LOCKED}), so two nodes never
 * check one row at once.
 */
public class HistoryReconciler {
    private static final Logger log = LoggerFactory.getLogger(HistoryReconciler.class);
    /** Rows checked per pass; the least recently checked first, so a long queue is covered over passes. */
    static final int BATCH = 200;

    private final JobHistory history;
    private final JobStore store;
    private final JobQueue queue;
    private final Clock clock;
    private final HistoryProperties properties;

    public HistoryReconciler(JobHistory history, JobStore store, JobQueue queue, Clock clock,
                             HistoryProperties properties) {
        this.history = history;
        this.store = store;
        this.queue = queue;
        this.clock = clock;
        this.properties = properties;
    }

    /** One pass; returns how many jobs it queued again. */
    public int reconcile() {
        Instant before = clock.instant().minus(properties.reconcileAfter());
        AtomicInteger requeued = new AtomicInteger();
        history.checkUnfinished(before, BATCH, row -> {
            if (reconcile(row)) {
                requeued.incrementAndGet();
            }
        });
        return requeued.get();
    }

    private boolean reconcile(Job row) {
        Optional<Job> stored = store.find(row.id());
        if (stored.isEmpty()) {
            Job again = new Job(row.id(), 0, 0, row.owner(), row.problemId(), row.priority(), JobStatus.QUEUED, 0,
                    null, row.input(), null, null, row.createdAt(), null, null, row.attempt(), row.worker(),
                    row.cacheKey(), null);
            store.create(again, Integer.MAX_VALUE); // accepted once already: the caller's limit does not apply
            return offer(row, "the job store did not know it");
        }
        Job job = stored.get();
        if (job.status() == JobStatus.QUEUED && !queue.contains(job.id())) {
            return offer(row, "it was stored but not queued");
        }
        if (job.status() != row.status() && history.record(job)) {
            log.info("Job {}: the history recorded it {} late", job.id(), job.status().apiName());
        }
        return false;
    }

    private boolean offer(Job row, String why) {
        if (!queue.offer(row.id(), row.priority())) {
            log.warn("Job {} ({}) could not be queued again: the queue is full; the next pass tries again",
                    row.id(), why);
            return false;
        }
        log.warn("Job {} of {} queued again: {} {} after its submission", row.id(), row.owner(), why,
                Duration.between(row.createdAt(), clock.instant()));
        return true;
    }
}
