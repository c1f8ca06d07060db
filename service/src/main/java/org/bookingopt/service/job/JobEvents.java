package org.bookingopt.service.job;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Tells listeners (the SSE streams) about every change to a job. Listeners are called on one dispatcher
 * thread, in the order of the changes, so a slow client never holds up a worker.
 */
@Component
public class JobEvents {
    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final Map<String, Set<Consumer<Job>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "job-events");
        t.setDaemon(true);
        return t;
    });

    /** Calls {@code listener} with each later state of the job, until the returned handle is closed. */
    public AutoCloseable subscribe(String jobId, Consumer<Job> listener) {
        listeners.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(jobId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Ids of the jobs that have listeners now. */
    public Set<String> followed() {
        return Set.copyOf(listeners.keySet());
    }

    public void publish(Job job) {
        Set<Consumer<Job>> set = listeners.get(job.id());
        if (set == null) {
            return;
        }
        dispatcher.execute(() -> set.forEach(listener -> {
            try {
                listener.accept(job);
            } catch (RuntimeException e) {
                log.debug("A listener of job {} failed: {}", job.id(), e.toString());
            }
        }));
    }

    @PreDestroy
    public void close() {
        dispatcher.shutdownNow();
    }
}
