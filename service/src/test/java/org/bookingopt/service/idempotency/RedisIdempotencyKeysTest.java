package org.bookingopt.service.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.Test;

/** The idempotency-key contract against the real shared Redis, under a fresh key prefix per test. */
class RedisIdempotencyKeysTest extends IdempotencyKeysContract {
    private static final TestRedis redis = TestRedis.shared();
    private String prefix;

    @Override
    protected IdempotencyKeys newKeys() {
        prefix = redis.newPrefix();
        return new RedisIdempotencyKeys(redis.template(), prefix);
    }

    @Override
    protected void expire() {
        redis.expireNow(prefix + "idempotency:*");
    }

    @Test
    void aPendingClaimLivesItsShortTtlAndACompletedKeyTheLongOne() {
        keys.claim("k", "r1", PENDING);
        assertThat(redis.template().getExpire(prefix + "idempotency:k")).isBetween(55L, 60L);

        keys.complete("k", "r1", "job-1", Duration.ofHours(1));

        assertThat(redis.template().getExpire(prefix + "idempotency:k")).isBetween(3590L, 3600L);
    }

    @Test
    void twoNodesOnOnePrefixSeeOneClaim() {
        IdempotencyKeys other = new RedisIdempotencyKeys(redis.template(), prefix);

        assertThat(keys.claim("k", "r1", PENDING)).isNull();
        assertThat(other.claim("k", "r1", PENDING)).isEqualTo("pending r1");
    }
}
