package org.bookingopt.service.limits;

import java.time.Duration;

import org.bookingopt.service.config.BookingOptProperties;

import io.github.bucket4j.BucketConfiguration;

/** The request rates each caller is held to, each a token bucket of its own. */
public enum RateLimit {
    /** {@code POST /api/v1/optimize}. */
    SUBMISSIONS("submissions"),
    /** Reading jobs: every {@code GET /api/v1/jobs...}. */
    POLLING("polling");

    private final String apiName;

    RateLimit(String apiName) {
        this.apiName = apiName;
    }

    /** The name in problem details, metrics tags and Redis keys. */
    public String apiName() {
        return apiName;
    }

    /**
     * The bucket: as many tokens as the burst, refilled greedily at the average rate, so a caller that kept
     * quiet may send a burst at once and after that one request per refill interval.
     */
    public BucketConfiguration configuration(BookingOptProperties.Limits limits) {
        return switch (this) {
            case SUBMISSIONS -> bucket(limits.submissionsBurst(), limits.submissionsPerMinute(), Duration.ofMinutes(1));
            case POLLING -> bucket(limits.pollsBurst(), limits.pollsPerSecond(), Duration.ofSeconds(1));
        };
    }

    public static BucketConfiguration bucket(long burst, long tokens, Duration per) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(tokens, per))
                .build();
    }
}
