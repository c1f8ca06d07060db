package org.bookingopt.service.idempotency;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The redis backend's keys: {@code <prefix>idempotency:<key>}, each with its TTL, shared by every api node. */
public final class RedisIdempotencyKeys implements IdempotencyKeys {
    /** KEYS: the key. ARGV: pending value, TTL millis. Returns "" when claimed (SET NX), else the value there. */
    private static final RedisScript<String> CLAIM = RedisScript.of("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return '' end
            return redis.call('GET', KEYS[1])
            """, String.class);

    /** KEYS: the key. ARGV: the value it must have. */
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    public RedisIdempotencyKeys(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix + "idempotency:";
    }

    @Override
    public String claim(String key, String request, Duration pendingTtl) {
        String value = redis.execute(CLAIM, List.of(prefix + key), IdempotencyKeys.pending(request),
                Long.toString(pendingTtl.toMillis()));
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public void complete(String key, String request, String jobId, Duration ttl) {
        redis.opsForValue().set(prefix + key, IdempotencyKeys.done(request, jobId), ttl);
    }

    @Override
    public void release(String key, String value) {
        redis.execute(RELEASE, List.of(prefix + key), value);
    }
}
