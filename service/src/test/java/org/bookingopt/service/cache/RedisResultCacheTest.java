package org.bookingopt.service.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.Test;

/** The cache contract against the real shared Redis, under a fresh key prefix per test. */
class RedisResultCacheTest extends ResultCacheContract {
    private static final TestRedis redis = TestRedis.shared();
    private String prefix;

    @Override
    protected ResultCache newCache() {
        prefix = redis.newPrefix();
        return new RedisResultCache(redis.template(), prefix, Duration.ofMinutes(1));
    }

    @Override
    protected void expire() {
        redis.expireNow(prefix + "cache:*");
    }

    @Test
    void anEntryIsOneKeyWithTheTtl() {
        cache.put("k1", wrapper("a"));

        assertThat(redis.template().getExpire(prefix + "cache:k1")).isBetween(55L, 60L);
    }

    @Test
    void twoNodesOnOnePrefixShareTheCacheAndClearLeavesOtherKeysAlone() {
        ResultCache other = new RedisResultCache(redis.template(), prefix, Duration.ofMinutes(1));
        redis.template().opsForValue().set(prefix + "job:x", "not a cache entry");
        cache.put("k1", wrapper("a"));

        assertThat(other.find("k1")).contains(wrapper("a"));
        assertThat(other.clear()).isEqualTo(1);
        assertThat(redis.template().hasKey(prefix + "job:x")).isTrue();
    }
}
