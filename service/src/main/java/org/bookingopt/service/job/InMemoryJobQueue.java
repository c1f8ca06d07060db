package org.bookingopt.service.job;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The embedded default: a bounded queue in this process's memory, lost on restart. */
public final class InMemoryJobQueue implements JobQueue {
    private final BlockingQueue<String> ids;
    private final int capacity;

    public InMemoryJobQueue(int capacity) {
        this.ids = new LinkedBlockingQueue<>(capacity);
        this.capacity = capacity;
    }

    @Override
    public boolean offer(String jobId) {
        return ids.offer(jobId);
    }

    @Override
    public String poll(Duration timeout) throws InterruptedException {
        return ids.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean remove(String jobId) {
        return ids.remove(jobId);
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
