package org.bookingopt.service.testing;

import java.time.Clock;
import java.time.Duration;

import org.bookingopt.core.run.Optimizer;
import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.job.JobEvents;
import org.bookingopt.service.job.JobMetrics;
import org.bookingopt.service.job.JobService;
import org.bookingopt.service.job.JobWorkers;
import org.bookingopt.service.redis.RedisJobQueue;
import org.bookingopt.service.redis.RedisJobStore;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * One process's view of the redis backend, built as the application builds it but without Spring: the job
 * service over the shared store and queue under its own worker name, and workers once started. Several in
 * one JVM stand for several processes.
 */
public final class RedisNode implements AutoCloseable {
    public final BookingOptProperties properties;
    public final RedisJobStore store;
    public final RedisJobQueue queue;
    public final JobEvents events = new JobEvents();
    public final JobService jobs;
    /** This node's meters, as its process would have them. */
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JobMetrics metrics = new JobMetrics(meters);
    private JobWorkers workers;

    public RedisNode(StringRedisTemplate redis, String prefix, String name, int maxAttempts, Duration lease,
                     Duration heartbeat) {
        properties = new BookingOptProperties(BookingOptProperties.Role.ALL, BookingOptProperties.Backend.REDIS,
                new BookingOptProperties.Jobs(1, 1, 1000, Duration.ofHours(1), Duration.ofSeconds(120),
                        Duration.ofMillis(200), maxAttempts, lease, heartbeat, name),
                new BookingOptProperties.Limits(DataSize.ofMegabytes(1), 1000), new BookingOptProperties.Redis(prefix));
        store = new RedisJobStore(redis, prefix, Duration.ofHours(1));
        queue = new RedisJobQueue(redis, prefix, 1000, name, lease, Clock.systemUTC());
        queue.createGroups();
        metrics.watchQueue(queue);
        jobs = new JobService(store, queue, events, Clock.systemUTC(), properties, metrics);
    }

    /** Starts one worker thread running {@code optimizer}. */
    public RedisNode withWorkers(Optimizer optimizer) {
        workers = new JobWorkers(jobs, queue, optimizer, properties, metrics);
        workers.start();
        return this;
    }

    @Override
    public void close() {
        if (workers != null && workers.isRunning()) {
            workers.stop();
        }
        events.close();
    }
}
