package org.bookingopt.service.limits;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bookingopt.service.config.BookingOptProperties;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/** The embedded backend's buckets: Bucket4j local buckets in this process's memory. */
public final class LocalRateLimitBuckets implements RateLimitBuckets {
    /** Beyond this many buckets, full ones are dropped: a full bucket is the same as a new one. */
    static final int TIDY_ABOVE = 10_000;

    private final Map<RateLimit, Bandwidth> bandwidths = new EnumMap<>(RateLimit.class);
    private final Map<String, Held> buckets = new ConcurrentHashMap<>();

    public LocalRateLimitBuckets(BookingOptProperties.Limits limits) {
        for (RateLimit limit : RateLimit.values()) {
            bandwidths.put(limit, limit.configuration(limits).getBandwidths()[0]);
        }
    }

    @Override
    public Bucket bucket(RateLimit limit, String caller) {
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(Held::full); // callers come and go
        }
        return buckets.computeIfAbsent(limit.apiName() + ":" + caller, key -> {
            Bandwidth bandwidth = bandwidths.get(limit);
            return new Held(Bucket.builder().addLimit(bandwidth).build(), bandwidth.getCapacity());
        }).bucket();
    }

    int size() {
        return buckets.size();
    }

    private record Held(Bucket bucket, long capacity) {
        boolean full() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }
}
