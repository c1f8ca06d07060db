package org.bookingopt.service.config;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The service's {@code bookingopt.*} settings; their defaults are in {@code application.yml} and
 * docs/api.md lists them.
 */
@ConfigurationProperties("bookingopt")
public record BookingOptProperties(Jobs jobs, Limits limits) {

    public BookingOptProperties {
        Objects.requireNonNull(jobs, "bookingopt.jobs is not configured");
        Objects.requireNonNull(limits, "bookingopt.limits is not configured");
    }

    /**
     * @param workers        jobs run at the same time; 0 means one per two CPU cores (at least one)
     * @param solverThreads  threads each job's solver may use; 0 means the cores divided among the workers
     * @param queueCapacity  jobs that may wait for a worker; beyond that, 503
     * @param resultTtl      how long a finished job and its result are kept
     * @param maxDuration    wall-clock limit of a job; a problem's {@code TimeLimitSeconds} may ask less
     * @param shutdownGrace  on shutdown, how long running jobs may go on before they are cancelled
     */
    public record Jobs(int workers, int solverThreads, int queueCapacity, Duration resultTtl, Duration maxDuration,
                       Duration shutdownGrace) {
        public Jobs {
            Objects.requireNonNull(resultTtl, "bookingopt.jobs.result-ttl is not configured");
            Objects.requireNonNull(maxDuration, "bookingopt.jobs.max-duration is not configured");
            Objects.requireNonNull(shutdownGrace, "bookingopt.jobs.shutdown-grace is not configured");
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("bookingopt.jobs.queue-capacity must be at least 1");
            }
            int cores = Runtime.getRuntime().availableProcessors();
            workers = workers > 0 ? workers : Math.max(1, cores / 2);
            solverThreads = solverThreads > 0 ? solverThreads : Math.max(1, cores / workers);
        }
    }

    /**
     * @param maxBody            largest request body, after gzip decoding; beyond that, 413
     * @param activeJobsPerUser  queued plus running jobs one caller may have; beyond that, 429
     */
    public record Limits(DataSize maxBody, int activeJobsPerUser) {
        public Limits {
            Objects.requireNonNull(maxBody, "bookingopt.limits.max-body is not configured");
            if (activeJobsPerUser < 1) {
                throw new IllegalArgumentException("bookingopt.limits.active-jobs-per-user must be at least 1");
            }
        }
    }
}
