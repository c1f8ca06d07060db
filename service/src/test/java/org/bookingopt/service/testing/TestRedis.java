package org.bookingopt.service.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real Redis for tests: the machines' shared server on 127.0.0.1:6379 (no persistence, shared with other
 * runs), or a server of the test's own ({@link RedisServerProcess}). Every test takes a fresh key prefix, so
 * runs never see each other's keys; {@link #close} deletes them.
 */
public final class TestRedis implements AutoCloseable {
    public static final int SHARED_PORT = 6379;

    private final LettuceConnectionFactory factory;
    private final StringRedisTemplate template;
    private final List<String> prefixes = new ArrayList<>();

    public TestRedis(int port) {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
        factory.afterPropertiesSet();
        factory.start();
        template = new StringRedisTemplate(factory);
        template.afterPropertiesSet();
    }

    private static TestRedis shared;

    /** The shared server, one connection for the whole test run; its keys are deleted when the JVM exits. */
    public static synchronized TestRedis shared() {
        if (shared == null) {
            shared = new TestRedis(SHARED_PORT);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-redis-cleanup"));
        }
        return shared;
    }

    public StringRedisTemplate template() {
        return template;
    }

    /** Lets the TTL of every key matching the pattern run out now (as if its time had passed). */
    public void expireNow(String pattern) {
        template.keys(pattern).forEach(key -> template.expire(key, Duration.ofMillis(1)));
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A key prefix no other test or run uses. */
    public synchronized String newPrefix() {
        String prefix = "bookingopt-test:" + UUID.randomUUID() + ":";
        prefixes.add(prefix);
        return prefix;
    }

    @Override
    public void close() {
        try {
            for (String prefix : prefixes) {
                List<String> keys = new ArrayList<>();
                try (Cursor<String> c = template.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000)
                        .build())) {
                    c.forEachRemaining(keys::add);
                }
                if (!keys.isEmpty()) {
                    template.delete(keys);
                }
            }
        } catch (RuntimeException e) {
            // the server may be gone (a test's own, stopped): nothing to clean
        } finally {
            factory.destroy();
        }
    }
}
