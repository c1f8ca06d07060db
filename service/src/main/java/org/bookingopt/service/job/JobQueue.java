package org.bookingopt.service.job;

import java.time.Duration;

/**
 * Ids of jobs waiting for a worker, first in first out, bounded. The embedded default is in memory
 * ({@link InMemoryJobQueue}) and loses its content on restart; every implementation must pass
 * {@code JobQueueContract}.
 */
public interface JobQueue {
    /** Adds the id at the end; false when the queue is full. */
    boolean offer(String jobId);

    /** Takes the id at the head, waiting up to {@code timeout}; null if none came. */
    String poll(Duration timeout) throws InterruptedException;

    /** Removes the id if it is still waiting; true if it was. */
    boolean remove(String jobId);

    int size();

    int capacity();
}
