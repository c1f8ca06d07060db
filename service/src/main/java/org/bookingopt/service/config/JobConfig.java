package org.bookingopt.service.config;

import java.time.Clock;

import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.solver.RoomAssignmentSolver;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.service.job.InMemoryJobQueue;
import org.bookingopt.service.job.InMemoryJobStore;
import org.bookingopt.service.job.JobQueue;
import org.bookingopt.service.job.JobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The optimizer and the embedded default's in-memory job store and queue. */
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

    @Bean
    JobStore jobStore() {
        return new InMemoryJobStore();
    }

    @Bean
    JobQueue jobQueue(BookingOptProperties properties) {
        return new InMemoryJobQueue(properties.jobs().queueCapacity());
    }
}
