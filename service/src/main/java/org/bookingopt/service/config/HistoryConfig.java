package org.bookingopt.service.config;

import java.time.Clock;
import java.time.Duration;

import org.bookingopt.service.history.HistoryProperties;
import org.bookingopt.service.history.HistoryReconciler;
import org.bookingopt.service.history.JobHistory;
import org.bookingopt.service.job.JobQueue;
import org.bookingopt.service.job.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable job history ({@code bookingopt.database=postgres}, either backend): the table, its reconciler
 * and the retention purge, both scheduled on every node (api, worker, all).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bookingopt.database", havingValue = "postgres")
public class HistoryConfig {
    private static final Logger log = LoggerFactory.getLogger(HistoryConfig.class);

    @Bean
    JobHistory jobHistory(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new JobHistory(jdbc, new TransactionTemplate(transactions), clock);
    }

    @Bean
    HistoryReconciler historyReconciler(JobHistory history, JobStore store, JobQueue queue, Clock clock,
                                        HistoryProperties properties) {
        return new HistoryReconciler(history, store, queue, clock, properties);
    }

    @Bean
    SchedulingConfigurer historySchedule(JobHistory history, HistoryReconciler reconciler,
                                         HistoryProperties properties) {
        return registrar -> schedule(registrar, history, reconciler, properties);
    }

    private static void schedule(ScheduledTaskRegistrar registrar, JobHistory history, HistoryReconciler reconciler,
                                 HistoryProperties properties) {
        every(registrar, properties.reconcileEvery(), "reconcile the job history", reconciler::reconcile);
        every(registrar, properties.purgeEvery(), "purge expired results from the job history", () -> {
            int purged = history.purgeResults(properties.retention());
            if (purged > 0) {
                log.info("Deleted the results of {} job(s) finished more than {} ago (their records stay)", purged,
                        properties.retention());
            }
        });
    }

    /** A task every {@code delay}, first after one; an error is logged and the next run tries again. */
    private static void every(ScheduledTaskRegistrar registrar, Duration delay, String what, Runnable task) {
        registrar.addFixedDelayTask(new FixedDelayTask(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Could not {}: {}", what, e.toString());
            }
        }, delay, delay));
    }
}
