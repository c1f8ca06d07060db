package org.bookingopt.service.config;

import java.time.Clock;

import org.bookingopt.service.redis.RedisJobQueue;
import org.bookingopt.service.redis.RedisJobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The redis backend ({@code bookingopt.backend=redis}): jobs and the queue in the Redis of
 * {@code spring.data.redis.*}, shared by every api and worker process.
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
}
