package org.bookingopt.service.testing;

import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.limits.LocalRateLimitBuckets;
import org.bookingopt.service.limits.RateLimit;
import org.bookingopt.service.limits.RateLimitBuckets;

import io.github.bucket4j.Bucket;

/**
 * The application's rate-limit buckets, which the shared test context configures generously (tests poll
 * fast), unless a test asks for other limits for a while: then fresh local buckets with those limits.
 * {@link WebTestBase} goes back to the configured ones after each test.
 */
public final class AdjustableRateLimits implements RateLimitBuckets {
    private final RateLimitBuckets configured;
    private volatile RateLimitBuckets instead;

    public AdjustableRateLimits(RateLimitBuckets configured) {
        this.configured = configured;
    }

    /** From now on, new buckets with these limits. */
    public void use(BookingOptProperties.Limits limits) {
        instead = new LocalRateLimitBuckets(limits);
    }

    public void reset() {
        instead = null;
    }

    @Override
    public Bucket bucket(RateLimit limit, String caller) {
        RateLimitBuckets buckets = instead;
        return (buckets == null ? configured : buckets).bucket(limit, caller);
    }
}
