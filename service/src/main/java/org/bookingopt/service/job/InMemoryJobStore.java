package org.bookingopt.service.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** The embedded default: jobs in this process's memory, gone on restart. */
public final class InMemoryJobStore implements JobStore {
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** Per owner: seq → job id, for listing and for counting active jobs. */
    private final Map<String, NavigableMap<Long, String>> byOwner = new ConcurrentHashMap<>();
    private final AtomicLong lastSeq = new AtomicLong();

    @Override
    public synchronized Optional<Job> create(Job job, int maxActivePerOwner) {
        // Jobs only become active here, under this lock, so the count cannot be overtaken.
        NavigableMap<Long, String> own = byOwner.computeIfAbsent(job.owner(), o -> new ConcurrentSkipListMap<>());
        long active = own.values().stream().map(jobs::get).filter(j -> j != null && j.status().isActive()).count();
        if (active >= maxActivePerOwner) {
            return Optional.empty();
        }
        Job stored = job.stored(lastSeq.incrementAndGet(), 1);
        jobs.put(stored.id(), stored);
        own.put(stored.seq(), stored.id());
        return Optional.of(stored);
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public Optional<Job> update(String id, UnaryOperator<Job> change) {
        return Optional.ofNullable(jobs.computeIfPresent(id, (key, old) -> {
            Job changed = change.apply(old);
            return changed == old ? old : changed.stored(old.seq(), old.version() + 1);
        }));
    }

    @Override
    public List<Job> list(String owner, JobStatus status, long beforeSeq, int limit) {
        NavigableMap<Long, String> own = byOwner.get(owner);
        List<Job> page = new ArrayList<>();
        if (own == null) {
            return page;
        }
        for (String id : own.headMap(beforeSeq, false).descendingMap().values()) {
            Job job = jobs.get(id);
            if (job != null && (status == null || job.status() == status)) {
                page.add(job);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    @Override
    public synchronized void delete(String id) {
        Job removed = jobs.remove(id);
        if (removed != null) {
            NavigableMap<Long, String> own = byOwner.get(removed.owner());
            own.remove(removed.seq());
            if (own.isEmpty()) {
                byOwner.remove(removed.owner()); // callers come and go: keep no trace of one without jobs
            }
        }
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        int deleted = 0;
        for (Job job : jobs.values()) {
            if (job.isFinished() && !job.completedAt().isAfter(cutoff)) {
                delete(job.id());
                deleted++;
            }
        }
        return deleted;
    }
}
