package org.bookingopt.service.job;

import java.time.Duration;

/** A submission the service cannot take now; the caller may try again after {@link #retryAfter()}. */
public abstract class JobRejectedException extends RuntimeException {
    private final Duration retryAfter;

    protected JobRejectedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The caller already has the allowed number of queued and running jobs. */
    public static final class TooManyActiveJobs extends JobRejectedException {
        public TooManyActiveJobs(int limit, Duration retryAfter) {
            super("You already have " + limit + " queued or running jobs, the most allowed at once: "
                    + "wait until one finishes, or cancel one", retryAfter);
        }
    }

    /** The queue of waiting jobs is full. */
    public static final class QueueFull extends JobRejectedException {
        public QueueFull(int capacity, Duration retryAfter) {
            super("The service is busy: " + capacity + " jobs are already waiting", retryAfter);
        }
    }

    /** The service is shutting down. */
    public static final class ShuttingDown extends JobRejectedException {
        public ShuttingDown(Duration retryAfter) {
            super("The service is shutting down and takes no new jobs", retryAfter);
        }
    }
}
