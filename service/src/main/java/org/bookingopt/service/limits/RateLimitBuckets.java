package org.bookingopt.service.limits;

import io.github.bucket4j.Bucket;

/**
 * The token buckets of {@link RateLimit}s, one per limit and caller: in this process's memory for the
 * embedded backend ({@link LocalRateLimitBuckets}), in Redis shared by every api node for the redis backend
 * ({@link RedisRateLimitBuckets}).
 */
public interface RateLimitBuckets {
    Bucket bucket(RateLimit limit, String caller);
}
