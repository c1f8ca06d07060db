package org.bookingopt.service.limits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.bookingopt.service.config.BookingOptProperties;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The redis backend's buckets: each bucket's state is one Redis key ({@code <prefix>ratelimit:<limit>:<caller>}),
 * changed by compare-and-set, so every api node draws from the same bucket. A key expires once its bucket
 * would be full again (plus a margin), so idle callers leave nothing behind.
 */
public final class RedisRateLimitBuckets implements RateLimitBuckets {
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final ProxyManager<String> proxies;
    private final String prefix;
    private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);

    /** @param timeout how long a bucket operation may wait for Redis */
    public RedisRateLimitBuckets(StatefulRedisConnection<String, byte[]> connection, String prefix,
                                 BookingOptProperties.Limits limits, Duration timeout) {
        this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .requestTimeout(timeout)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .build();
        this.prefix = prefix;
        for (RateLimit limit : RateLimit.values()) {
            configurations.put(limit, limit.configuration(limits));
        }
    }

    @Override
    public Bucket bucket(RateLimit limit, String caller) {
        BucketConfiguration configuration = configurations.get(limit);
        return proxies.builder().build(prefix + "ratelimit:" + limit.apiName() + ":" + caller, () -> configuration);
    }
}
