package org.bookingopt.service.config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * The service's {@code bookingopt.*} settings; their defaults are in {@code application.yml} and
 * docs/api.md lists them.
 *
 * @param role    what this process does: {@code api}, {@code worker} or {@code all}
 * @param backend where jobs and the queue live: {@code embedded} (this process's memory) or {@code redis}
 */
@ConfigurationProperties("bookingopt")
public record BookingOptProperties(Role role, Backend backend, Jobs jobs, Limits limits, Redis redis) {

    @ConstructorBinding
    public BookingOptProperties {
        role = Objects.requireNonNullElse(role, Role.ALL);
        backend = Objects.requireNonNullElse(backend, Backend.EMBEDDED);
        Objects.requireNonNull(jobs, "bookingopt.jobs is not configured");
        Objects.requireNonNull(limits, "bookingopt.limits is not configured");
        redis = Objects.requireNonNullElse(redis, new Redis(null));
        if (role != Role.ALL && backend == Backend.EMBEDDED) {
            throw new IllegalArgumentException("bookingopt.role=" + role.name().toLowerCase() + " needs a shared "
                    + "backend (bookingopt.backend=redis): the embedded one lives in a single process");
        }
    }

    /** The embedded default: role {@code all}, backend {@code embedded}. */
    public BookingOptProperties(Jobs jobs, Limits limits) {
        this(Role.ALL, Backend.EMBEDDED, jobs, limits, null);
    }

    /** What a process does; any number of api and worker processes share one Redis. */
    public enum Role {
        /** HTTP only: validates, queues, answers; runs no job. */
        API,
        /** Solves jobs from the queue; no HTTP server. */
        WORKER,
        /** Both (the embedded default). */
        ALL;

        public boolean runsWorkers() {
            return this != API;
        }
    }

    public enum Backend { EMBEDDED, REDIS }

    /**
     * @param workers        jobs run at the same time; 0 means one per two CPU cores (at least one)
     * @param solverThreads  threads each job's solver may use; 0 means the cores divided among the workers
     * @param queueCapacity  jobs that may wait for a worker; beyond that, 503
     * @param resultTtl      how long a finished job and its result are kept
     * @param maxDuration    wall-clock limit of a job; a problem's {@code TimeLimitSeconds} may ask less
     * @param shutdownGrace  on shutdown, how long running jobs may go on before they are cancelled
     * @param maxAttempts    runs of one job at most: a job whose worker died is run again until then, then failed
     * @param lease          a shared queue hands a job to another worker when its worker has not renewed
     *                       its lease for this long
     * @param heartbeat      how often a worker renews the leases of its running jobs
     * @param workerName     this process's name as a worker (shared queue consumer); empty: host-pid
     */
    public record Jobs(int workers, int solverThreads, int queueCapacity, Duration resultTtl, Duration maxDuration,
                       Duration shutdownGrace, int maxAttempts, Duration lease, Duration heartbeat,
                       String workerName) {
        @ConstructorBinding
        public Jobs {
            Objects.requireNonNull(resultTtl, "bookingopt.jobs.result-ttl is not configured");
            Objects.requireNonNull(maxDuration, "bookingopt.jobs.max-duration is not configured");
            Objects.requireNonNull(shutdownGrace, "bookingopt.jobs.shutdown-grace is not configured");
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("bookingopt.jobs.queue-capacity must be at least 1");
            }
            maxAttempts = maxAttempts > 0 ? maxAttempts : 3;
            lease = Objects.requireNonNullElse(lease, Duration.ofSeconds(30));
            heartbeat = Objects.requireNonNullElse(heartbeat, Duration.ofSeconds(10));
            if (heartbeat.compareTo(lease) >= 0) {
                throw new IllegalArgumentException("bookingopt.jobs.heartbeat (" + heartbeat + ") must be shorter "
                        + "than bookingopt.jobs.lease (" + lease + "), or live workers lose their jobs");
            }
            workerName = workerName == null || workerName.isBlank() ? defaultWorkerName() : workerName.strip();
            int cores = Runtime.getRuntime().availableProcessors();
            workers = workers > 0 ? workers : Math.max(1, cores / 2);
            solverThreads = solverThreads > 0 ? solverThreads : Math.max(1, cores / workers);
        }

        /** The embedded defaults for attempts, lease, heartbeat and name (tests). */
        public Jobs(int workers, int solverThreads, int queueCapacity, Duration resultTtl, Duration maxDuration,
                    Duration shutdownGrace) {
            this(workers, solverThreads, queueCapacity, resultTtl, maxDuration, shutdownGrace, 0, null, null, null);
        }

        private static String defaultWorkerName() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
            return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
        }
    }

    /**
     * @param enabled               false switches every limit below off except {@code maxBody} (benchmarks)
     * @param maxBody               largest request body, after gzip decoding; beyond that, 413
     * @param activeJobsPerUser     queued plus running jobs one caller may have; beyond that, 429
     * @param submissionsPerMinute  submissions per caller and minute, on average; beyond that, 429
     * @param submissionsBurst      submissions one caller may make at once (the bucket's size)
     * @param pollsPerSecond        reads of jobs ({@code GET /api/v1/jobs...}) per caller and second, on average
     * @param pollsBurst            reads one caller may make at once
     */
    public record Limits(Boolean enabled, DataSize maxBody, int activeJobsPerUser, int submissionsPerMinute,
                         int submissionsBurst, int pollsPerSecond, int pollsBurst) {
        @ConstructorBinding
        public Limits {
            enabled = !Boolean.FALSE.equals(enabled);
            Objects.requireNonNull(maxBody, "bookingopt.limits.max-body is not configured");
            if (activeJobsPerUser < 1) {
                throw new IllegalArgumentException("bookingopt.limits.active-jobs-per-user must be at least 1");
            }
            submissionsPerMinute = submissionsPerMinute > 0 ? submissionsPerMinute : 12;
            submissionsBurst = submissionsBurst > 0 ? submissionsBurst : 3;
            pollsPerSecond = pollsPerSecond > 0 ? pollsPerSecond : 10;
            pollsBurst = pollsBurst > 0 ? pollsBurst : 50;
        }

        /** Limits on, with the default rates (tests). */
        public Limits(DataSize maxBody, int activeJobsPerUser) {
            this(true, maxBody, activeJobsPerUser, 0, 0, 0, 0);
        }

        /** The active-job limit in force: none when the limits are off. */
        public int activeJobsInForce() {
            return enabled ? activeJobsPerUser : Integer.MAX_VALUE;
        }
    }

    /**
     * The redis backend; the server itself is {@code spring.data.redis.*} (host, port, password, timeout).
     *
     * @param keyPrefix every key this service writes starts with it, so several installations (or test
     *                  runs) can share one server
     */
    public record Redis(String keyPrefix) {
        public Redis {
            keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "bookingopt:" : keyPrefix;
        }
    }
}
