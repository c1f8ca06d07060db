package org.bookingopt.service.limits;

import java.time.Duration;

import org.bookingopt.service.config.BookingOptProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Holds callers to the {@link RateLimit}s ({@code bookingopt.limits.*}), unless {@code bookingopt.limits.enabled}
 * is false; counts every rejection, also of the active-job limit, as {@code bookingopt.ratelimit.rejected}
 * tagged with the {@code limit}. A bucket store that fails (Redis down) lets requests through: the limits protect the
 * service, they are not worth an outage of their own.
 */
@Component
public class RateLimiter {
    /** The tag of rejections by the active-job limit, which the job store enforces. */
    public static final String ACTIVE_JOBS = "active-jobs";

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimitBuckets buckets;
    private final BookingOptProperties.Limits limits;
    private final MeterRegistry meters;

    public RateLimiter(RateLimitBuckets buckets, BookingOptProperties properties, MeterRegistry meters) {
        this.buckets = buckets;
        this.limits = properties.limits();
        this.meters = meters;
    }

    /**
     * Takes one token of the caller's bucket.
     *
     * @throws RateLimitedException with the time until the bucket has a token again
     */
    public void check(RateLimit limit, String caller) {
        if (!limits.enabled()) {
            return;
        }
        ConsumptionProbe probe;
        try {
            probe = buckets.bucket(limit, caller).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            // Redis does not answer: the request goes on, and the job backend answers 503 if it cannot serve it
            log.warn("Rate limit {} not checked for {}: {}", limit.apiName(), caller, e.toString());
            return;
        }
        if (!probe.isConsumed()) {
            countRejected(limit.apiName());
            throw new RateLimitedException(limit, rate(limit), wholeSeconds(probe.getNanosToWaitForRefill()));
        }
    }

    public void countRejected(String limit) {
        Counter.builder("bookingopt.ratelimit.rejected").description("Requests answered 429 by a limit")
                .tag("limit", limit).register(meters).increment();
    }

    private String rate(RateLimit limit) {
        return switch (limit) {
            case SUBMISSIONS -> limits.submissionsPerMinute() + " per minute (" + limits.submissionsBurst() + " at once)";
            case POLLING -> limits.pollsPerSecond() + " per second (" + limits.pollsBurst() + " at once)";
        };
    }

    /** Retry-After counts whole seconds: rounded up, at least 1. */
    static Duration wholeSeconds(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
