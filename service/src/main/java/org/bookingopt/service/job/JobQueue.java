package org.bookingopt.service.job;

import java.time.Duration;

/**
 * Ids of jobs waiting for a worker: high priority before normal before low, first in first out within a
 * priority, bounded. A worker that takes an id holds it until it reports {@link #done}; queues shared by
 * several processes lease it ({@link #renew}) and hand it to another worker when the lease runs out.
 * The embedded default is in memory ({@link InMemoryJobQueue}) and loses its content on restart; every
 * implementation must pass {@code JobQueueContract}.
 */
public interface JobQueue {
    /** Adds the id at the end of its priority; false when the queue is full. */
    boolean offer(String jobId, JobPriority priority);

    default boolean offer(String jobId) {
        return offer(jobId, JobPriority.NORMAL);
    }

    /**
     * Takes the id at the head of the highest priority that has one (or one whose worker's lease ran out),
     * waiting up to {@code timeout}; null if none came.
     */
    String poll(Duration timeout) throws InterruptedException;

    /** Removes the id if it is still waiting (not taken by a worker); true if it was. */
    boolean remove(String jobId);

    /**
     * Whether the queue has the id: waiting, or taken by a worker that is not {@link #done} with it. The
     * history's reconciler queues a job again only when the queue has it not.
     */
    boolean contains(String jobId);

    /** The worker that took the id is done with it (whatever the outcome): it is never handed out again. */
    default void done(String jobId) {
    }

    /**
     * Renews this process's lease on an id it took (the heartbeat of a running job).
     *
     * @return false if the lease was lost: another worker took the job over, this run must stop
     */
    default boolean renew(String jobId) {
        return true;
    }

    /**
     * Gives a taken id up at once, for another worker (this process shuts down while running the job).
     *
     * @return false if the queue cannot hand a taken id to another process (the embedded one)
     */
    default boolean release(String jobId) {
        return false;
    }

    /** The job was given up after too many attempts: keep it for inspection (a dead-letter stream). */
    default void deadLetter(String jobId, String reason) {
    }

    /** Ids waiting, not yet taken by a worker. */
    int size();

    /** Ids of that priority waiting, not yet taken by a worker (the queue-depth gauges). */
    int size(JobPriority priority);

    int capacity();
}
