package org.bookingopt.service.testing;

import java.time.Duration;

import org.bookingopt.service.job.JobPriority;
import org.bookingopt.service.job.JobQueue;

/**
 * The application's own queue, whose capacity a test may lower for a while (e.g. to fill it with one job);
 * {@link WebTestBase} restores the configured capacity after each test, so the shared context stays as it was.
 */
public final class AdjustableJobQueue implements JobQueue {
    private final JobQueue queue;
    private volatile int limit;

    public AdjustableJobQueue(JobQueue queue) {
        this.queue = queue;
    }

    /** From now on the queue takes at most {@code capacity} waiting jobs (never more than it was built for). */
    public void limitCapacity(int capacity) {
        limit = capacity;
    }

    /** Back to the configured capacity. */
    public void reset() {
        limit = 0;
    }

    @Override
    public boolean offer(String jobId, JobPriority priority) {
        return queue.size() < capacity() && queue.offer(jobId, priority);
    }

    @Override
    public String poll(Duration timeout) throws InterruptedException {
        return queue.poll(timeout);
    }

    @Override
    public boolean remove(String jobId) {
        return queue.remove(jobId);
    }

    @Override
    public boolean contains(String jobId) {
        return queue.contains(jobId);
    }

    @Override
    public void done(String jobId) {
        queue.done(jobId);
    }

    @Override
    public boolean renew(String jobId) {
        return queue.renew(jobId);
    }

    @Override
    public boolean release(String jobId) {
        return queue.release(jobId);
    }

    @Override
    public void deadLetter(String jobId, String reason) {
        queue.deadLetter(jobId, reason);
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public int size(JobPriority priority) {
        return queue.size(priority);
    }

    @Override
    public int capacity() {
        int configured = queue.capacity();
        return limit > 0 ? Math.min(limit, configured) : configured;
    }
}
