package org.bookingopt.service.config;

import java.time.Clock;

import org.bookingopt.service.cache.RedisResultCache;
import org.bookingopt.service.idempotency.RedisIdempotencyKeys;
import org.bookingopt.service.limits.RedisRateLimitBuckets;
import org.bookingopt.service.redis.RedisJobQueue;
import org.bookingopt.service.redis.RedisJobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The redis backend ({@code bookingopt.backend=redis}): jobs, the queue, the rate limits' buckets, the result
 * cache and idempotency keys in the Redis of {@code spring.data.redis.*}, shared by every api and worker process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bookingopt.backend", havingValue = "redis")
public class RedisJobConfig {
    private static final Logger log = LoggerFactory.getLogger(RedisJobConfig.class);

    @Bean
    RedisJobStore jobStore(StringRedisTemplate redis, BookingOptProperties properties) {
        return new RedisJobStore(redis, properties.redis().keyPrefix(), properties.jobs().resultTtl());
    }

    @Bean
    RedisJobQueue jobQueue(StringRedisTemplate redis, BookingOptProperties properties, Clock clock) {
        BookingOptProperties.Jobs jobs = properties.jobs();
        RedisJobQueue queue = new RedisJobQueue(redis, properties.redis().keyPrefix(), jobs.queueCapacity(),
                jobs.workerName(), jobs.lease(), clock);
        queue.createGroups();
        log.info("Jobs and queue in Redis under '{}': role {}, worker name {}, lease {} ms, heartbeat {} ms, "
                + "{} attempts at most", properties.redis().keyPrefix(), properties.role().name().toLowerCase(),
                jobs.workerName(), jobs.lease().toMillis(), jobs.heartbeat().toMillis(), jobs.maxAttempts());
        return queue;
    }

    @Bean
    RedisResultCache resultCache(StringRedisTemplate redis, BookingOptProperties properties, CacheProperties cache) {
        return new RedisResultCache(redis, properties.redis().keyPrefix(), cache.ttl());
    }

    @Bean
    RedisIdempotencyKeys idempotencyKeys(StringRedisTemplate redis, BookingOptProperties properties) {
        return new RedisIdempotencyKeys(redis, properties.redis().keyPrefix());
    }

    /**
     * The Lettuce connection of the rate limits' buckets (Bucket4j keeps each bucket as bytes), made by the
     * client of Spring's connection factory, so it has the same server, password and TLS settings.
     */
    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, byte[]> rateLimitConnection(LettuceConnectionFactory factory) {
        return ((RedisClient) factory.getRequiredNativeClient())
                .connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    @Bean
    RedisRateLimitBuckets rateLimitBuckets(StatefulRedisConnection<String, byte[]> rateLimitConnection,
                                           BookingOptProperties properties, LettuceConnectionFactory factory) {
        return new RedisRateLimitBuckets(rateLimitConnection, properties.redis().keyPrefix(), properties.limits(),
                factory.getClientConfiguration().getCommandTimeout());
    }
}
