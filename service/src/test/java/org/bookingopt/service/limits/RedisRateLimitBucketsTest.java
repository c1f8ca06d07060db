package org.bookingopt.service.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.github.bucket4j.Bucket;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Rate-limit buckets in the real shared Redis: two api nodes (two clients, two proxy managers) on one key prefix
 * draw from one bucket per caller.
 */
class RedisRateLimitBucketsTest {
    private static final TestRedis redis = TestRedis.shared();
    private static final BookingOptProperties.Limits DEFAULTS = new BookingOptProperties.Limits(DataSize.ofMegabytes(1), 3);
    private final String prefix = redis.newPrefix();
    private final RedisClient client1 = RedisClient.create(RedisURI.create("127.0.0.1", TestRedis.SHARED_PORT));
    private final RedisClient client2 = RedisClient.create(RedisURI.create("127.0.0.1", TestRedis.SHARED_PORT));

    @AfterEach
    void close() {
        client1.shutdown();
        client2.shutdown();
    }

    private RedisRateLimitBuckets node(RedisClient client, String keyPrefix) {
        StatefulRedisConnection<String, byte[]> connection = client.connect(
                RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        return new RedisRateLimitBuckets(connection, keyPrefix, DEFAULTS, Duration.ofSeconds(5));
    }

    @Test
    void twoNodesOnOnePrefixShareTheCallersBucket() {
        RedisRateLimitBuckets node1 = node(client1, prefix);
        RedisRateLimitBuckets node2 = node(client2, prefix);

        assertThat(node1.bucket(RateLimit.SUBMISSIONS, "user:ann").tryConsume(2)).isTrue();
        assertThat(node2.bucket(RateLimit.SUBMISSIONS, "user:ann").tryConsume(1)).isTrue();

        Bucket onNode1 = node1.bucket(RateLimit.SUBMISSIONS, "user:ann");
        var probe = onNode1.tryConsumeAndReturnRemaining(1);
        assertThat(probe.isConsumed()).as("the burst of 3 is spent, across both nodes").isFalse();
        assertThat(Duration.ofNanos(probe.getNanosToWaitForRefill())).isBetween(Duration.ofSeconds(4),
                Duration.ofSeconds(5));
        assertThat(node2.bucket(RateLimit.SUBMISSIONS, "user:bob").tryConsume(3)).as("bob's own bucket").isTrue();
        assertThat(node2.bucket(RateLimit.POLLING, "user:ann").tryConsume(50)).as("ann's polling bucket").isTrue();
    }

    @Test
    void anotherPrefixIsAnotherInstallationWithItsOwnBuckets() {
        String otherPrefix = redis.newPrefix();
        assertThat(node(client1, prefix).bucket(RateLimit.SUBMISSIONS, "user:ann").tryConsume(3)).isTrue();

        assertThat(node(client2, otherPrefix).bucket(RateLimit.SUBMISSIONS, "user:ann").tryConsume(3)).isTrue();
    }

    @Test
    void aBucketKeyExpiresOnceItWouldBeFullAgain() {
        node(client1, prefix).bucket(RateLimit.SUBMISSIONS, "user:ann").tryConsume(1);

        Long ttl = redis.template().getExpire(prefix + "ratelimit:submissions:user:ann");
        assertThat(ttl).as("5 s to refill one token, plus 10 s").isBetween(10L, 16L);
    }
}
