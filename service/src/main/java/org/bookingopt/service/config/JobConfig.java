package org.bookingopt.service.config;

import java.time.Clock;

import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.solver.RoomAssignmentSolver;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.service.job.InMemoryJobQueue;
import org.bookingopt.service.job.InMemoryJobStore;
import org.bookingopt.service.job.JobMetrics;
import org.bookingopt.service.job.JobQueue;
import org.bookingopt.service.job.JobStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The optimizer and the embedded backend's in-memory job store and queue ({@code bookingopt.backend=embedded},
 * the default); {@link RedisJobConfig} has the redis backend's.
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
}
