package org.bookingopt.service.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bookingopt.core.json.Json;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/** The redis backend's cache: one string key per result, {@code <prefix>cache:<key>}, expiring after the TTL. */
public final class RedisResultCache implements ResultCache {
    private static final ObjectWriter WRITER = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    public RedisResultCache(StringRedisTemplate redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix + "cache:";
        this.ttl = ttl;
    }

    @Override
    public Optional<ObjectNode> find(String key) {
        String json = redis.opsForValue().get(prefix + key);
        return json == null ? Optional.empty() : Optional.of((ObjectNode) Json.MAPPER.readTree(json));
    }

    @Override
    public void put(String key, ObjectNode wrapper) {
        redis.opsForValue().set(prefix + key, WRITER.writeValueAsString(wrapper), ttl);
    }

    @Override
    public boolean delete(String key) {
        return Boolean.TRUE.equals(redis.delete(prefix + key));
    }

    @Override
    public long clear() {
        long deleted = 0;
        List<String> batch = new ArrayList<>();
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(500).build())) {
            while (keys.hasNext()) {
                batch.add(keys.next());
                if (batch.size() == 500) {
                    deleted += deleteAll(batch);
                }
            }
        }
        return deleted + deleteAll(batch);
    }

    private long deleteAll(List<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Long n = redis.delete(keys);
        keys.clear();
        return n == null ? 0 : n;
    }
}
