package org.bookingopt.service.config;

import java.time.Clock;

import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.solver.RoomAssignmentSolver;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.service.cache.CachedResults;
import org.bookingopt.service.cache.InMemoryResultCache;
import org.bookingopt.service.cache.ResultCache;
import org.bookingopt.service.idempotency.IdempotencyKeys;
import org.bookingopt.service.idempotency.InMemoryIdempotencyKeys;
import org.bookingopt.service.job.InMemoryJobQueue;
import org.bookingopt.service.job.InMemoryJobStore;
import org.bookingopt.service.job.JobMetrics;
import org.bookingopt.service.job.JobQueue;
import org.bookingopt.service.job.JobStore;
import org.bookingopt.service.limits.LocalRateLimitBuckets;
import org.bookingopt.service.limits.RateLimitBuckets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The optimizer and the embedded backend's in-memory job store, queue, rate-limit buckets, result cache and
 * idempotency keys ({@code bookingopt.backend=embedded}, the default); {@link RedisJobConfig} has the redis
 * backend's.
 */
@Configuration(proxyBeanMethods = false)
public class JobConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RoomAssignmentSolver roomAssignmentSolver() {
        return new RoomFlowSolver();
    }

    @Bean
    Optimizer optimizer(RoomAssignmentSolver solver) {
        return new Optimizer(solver);
    }

    /** The job service's meters; the queue-depth gauges read the queue of either backend. */
    @Bean
    JobMetrics jobMetrics(MeterRegistry registry, JobQueue queue) {
        JobMetrics metrics = new JobMetrics(registry);
        metrics.watchQueue(queue);
        return metrics;
    }

    @Bean
    @ConditionalOnProperty(name = "bookingopt.backend", havingValue = "embedded", matchIfMissing = true)
    JobStore jobStore() {
        return new InMemoryJobStore();
    }

    @Bean
    @ConditionalOnProperty(name = "bookingopt.backend", havingValue = "embedded", matchIfMissing = true)
    JobQueue jobQueue(BookingOptProperties properties) {
        return new InMemoryJobQueue(properties.jobs().queueCapacity());
    }

    @Bean
    @ConditionalOnProperty(name = "bookingopt.backend", havingValue = "embedded", matchIfMissing = true)
    RateLimitBuckets rateLimitBuckets(BookingOptProperties properties) {
        return new LocalRateLimitBuckets(properties.limits());
    }

    @Bean
    @ConditionalOnProperty(name = "bookingopt.backend", havingValue = "embedded", matchIfMissing = true)
    ResultCache resultCache(Clock clock, CacheProperties cache) {
        return new InMemoryResultCache(clock, cache.ttl(), cache.maxEntries());
    }

    @Bean
    @ConditionalOnProperty(name = "bookingopt.backend", havingValue = "embedded", matchIfMissing = true)
    IdempotencyKeys idempotencyKeys(Clock clock) {
        return new InMemoryIdempotencyKeys(clock);
    }

    /** The result cache as the job service uses it, on either backend. */
    @Bean
    CachedResults cachedResults(ResultCache cache, CacheProperties settings, BookingOptProperties properties,
                                MeterRegistry meters) {
        return new CachedResults(cache, settings, properties, meters);
    }
}
