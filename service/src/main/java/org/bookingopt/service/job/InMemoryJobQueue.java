package org.bookingopt.service.job;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded default: a bounded queue per priority in this process's memory, lost on restart. A worker
 * in this process never dies on its own, so taken ids need no lease.
 */
public final class InMemoryJobQueue implements JobQueue {
    private final Map<JobPriority, ArrayDeque<String>> byPriority = new EnumMap<>(JobPriority.class);
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** Ids taken by a worker that has not reported {@link #done} yet. */
    private final Set<String> taken = new HashSet<>();
    private int size;

    public InMemoryJobQueue(int capacity) {
        this.capacity = capacity;
        for (JobPriority p : JobPriority.values()) {
            byPriority.put(p, new ArrayDeque<>());
        }
    }

    @Override
    public boolean offer(String jobId, JobPriority priority) {
        lock.lock();
        try {
            if (size >= capacity) {
                return false;
            }
            byPriority.get(priority).addLast(jobId);
            size++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String poll(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (size == 0) {
                if (left <= 0) {
                    return null;
                }
                left = notEmpty.awaitNanos(left);
            }
            for (ArrayDeque<String> ids : byPriority.values()) { // EnumMap: high, normal, low
                String id = ids.pollFirst();
                if (id != null) {
                    size--;
                    taken.add(id);
                    return id;
                }
            }
            throw new IllegalStateException("size " + size + " but every priority is empty");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean remove(String jobId) {
        lock.lock();
        try {
            for (ArrayDeque<String> ids : byPriority.values()) {
                if (ids.remove(jobId)) {
                    size--;
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean contains(String jobId) {
        lock.lock();
        try {
            return taken.contains(jobId) || byPriority.values().stream().anyMatch(ids -> ids.contains(jobId));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void done(String jobId) {
        lock.lock();
        try {
            taken.remove(jobId);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size(JobPriority priority) {
        lock.lock();
        try {
            return byPriority.get(priority).size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
