package org.bookingopt.service.limits;

import java.time.Duration;

/** The caller went over a {@link RateLimit}; a request after {@link #retryAfter()} will be let through. */
public final class RateLimitedException extends RuntimeException {
    private final RateLimit limit;
    private final Duration retryAfter;

    public RateLimitedException(RateLimit limit, String rate, Duration retryAfter) {
        super("Too many " + (limit == RateLimit.SUBMISSIONS ? "submissions" : "reads of jobs") + ": at most " + rate
                + " per caller; try again in " + retryAfter.toSeconds() + " s");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public RateLimit limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
