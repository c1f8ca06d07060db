package org.bookingopt.service.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.bookingopt.service.config.BookingOptProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The default limits on local buckets: bursts, then one request per refill, with the wait as Retry-After. */
class RateLimiterTest {
    private static final BookingOptProperties.Limits DEFAULTS = new BookingOptProperties.Limits(DataSize.ofMegabytes(1), 3);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private RateLimiter limiter(BookingOptProperties.Limits limits) {
        BookingOptProperties properties = new BookingOptProperties(
                new BookingOptProperties.Jobs(1, 1, 10, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ZERO),
                limits);
        return new RateLimiter(new LocalRateLimitBuckets(limits), properties, meters);
    }

    @Test
    void threeSubmissionsAtOnceThenTheFourthWaitsForTheNextTokenInFiveSeconds() {
        RateLimiter limiter = limiter(DEFAULTS);
        for (int i = 0; i < 3; i++) {
            limiter.check(RateLimit.SUBMISSIONS, "ann");
        }

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> limiter.check(RateLimit.SUBMISSIONS, "ann"));

        assertThat(e.limit()).isEqualTo(RateLimit.SUBMISSIONS);
        assertThat(e.retryAfter()).as("12 per minute: a token every 5 s").isBetween(Duration.ofSeconds(4),
                Duration.ofSeconds(5));
        assertThat(e.getMessage()).contains("12 per minute (3 at once)");
        assertThat(meters.counter("bookingopt.ratelimit.rejected", "limit", "submissions").count()).isEqualTo(1);
        limiter.check(RateLimit.SUBMISSIONS, "bob"); // every caller has a bucket of its own
        limiter.check(RateLimit.POLLING, "ann"); // and every limit
    }

    @Test
    void fiftyReadsAtOnceThenTheNextWaitsASecond() {
        RateLimiter limiter = limiter(DEFAULTS);
        for (int i = 0; i < 50; i++) {
            limiter.check(RateLimit.POLLING, "ann");
        }

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> limiter.check(RateLimit.POLLING, "ann"));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(meters.counter("bookingopt.ratelimit.rejected", "limit", "polling").count()).isEqualTo(1);
    }

    @Test
    void withTheLimitsSwitchedOffNothingIsRejected() {
        BookingOptProperties.Limits off = new BookingOptProperties.Limits(false, DataSize.ofMegabytes(1), 3, 0, 0, 0, 0);
        RateLimiter limiter = limiter(off);

        for (int i = 0; i < 100; i++) {
            limiter.check(RateLimit.SUBMISSIONS, "ann");
        }
        assertThat(off.activeJobsInForce()).isEqualTo(Integer.MAX_VALUE);
        assertThat(DEFAULTS.activeJobsInForce()).isEqualTo(3);
    }

    @Test
    void aBucketStoreThatFailsLetsRequestsThrough() {
        BookingOptProperties properties = new BookingOptProperties(
                new BookingOptProperties.Jobs(1, 1, 10, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ZERO),
                DEFAULTS);
        RateLimiter limiter = new RateLimiter((limit, caller) -> {
            throw new IllegalStateException("Redis is gone");
        }, properties, meters);

        limiter.check(RateLimit.SUBMISSIONS, "ann");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(RateLimiter.wholeSeconds(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RateLimiter.wholeSeconds(4_000_000_001L)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RateLimiter.wholeSeconds(0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void localBucketsOfCallersBackToFullAreDroppedWhenThereAreMany() {
        LocalRateLimitBuckets buckets = new LocalRateLimitBuckets(DEFAULTS);
        buckets.bucket(RateLimit.SUBMISSIONS, "busy").tryConsume(1);
        for (int i = 0; i < LocalRateLimitBuckets.TIDY_ABOVE; i++) {
            buckets.bucket(RateLimit.POLLING, "idle-" + i);
        }

        buckets.bucket(RateLimit.POLLING, "one-more");

        assertThat(buckets.size()).as("the busy caller's bucket and the new one").isEqualTo(2);
        assertThat(buckets.bucket(RateLimit.SUBMISSIONS, "busy").getAvailableTokens()).as("kept as it was")
                .isEqualTo(2);
    }
}
