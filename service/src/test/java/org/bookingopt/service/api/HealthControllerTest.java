package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.job.InMemoryJobQueue;
import org.bookingopt.service.job.InMemoryJobStore;
import org.bookingopt.service.job.JobEvents;
import org.bookingopt.service.job.JobMetrics;
import org.bookingopt.service.job.JobService;
import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Readiness turns 503 once shutdown begins (the shared web context never shuts down mid-suite) or Redis is down. */
class HealthControllerTest {
    @Test
    void notReadyOnceShutdownBegins() {
        BookingOptProperties properties = new BookingOptProperties(
                new BookingOptProperties.Jobs(2, 1, 10, Duration.ofHours(1), Duration.ofSeconds(120),
                        Duration.ofSeconds(30)),
                new BookingOptProperties.Limits(DataSize.ofMegabytes(1), 3));
        JobService jobs = new JobService(new InMemoryJobStore(), new InMemoryJobQueue(10), new JobEvents(),
                Clock.systemUTC(), properties, new JobMetrics(new SimpleMeterRegistry()));
        HealthController health = new HealthController(jobs, properties, Clock.systemUTC(), redis(null));
        assertThat(health.ready().getStatusCode().value()).isEqualTo(200);

        jobs.stopAccepting();

        ResponseEntity<HealthController.Readiness> ready = health.ready();
        assertThat(ready.getStatusCode().value()).isEqualTo(503);
        assertThat(ready.getBody().status()).isEqualTo("shutting_down");
        assertThat(ready.getBody().jobs().workers()).isEqualTo(2);
    }

    @Test
    void withTheRedisBackendReadinessReportsRedisAndIs503WhileItIsDown() {
        BookingOptProperties properties = new BookingOptProperties(BookingOptProperties.Role.API,
                BookingOptProperties.Backend.REDIS, new BookingOptProperties.Jobs(2, 1, 10, Duration.ofHours(1),
                        Duration.ofSeconds(120), Duration.ofSeconds(30)),
                new BookingOptProperties.Limits(DataSize.ofMegabytes(1), 3), null);
        JobService jobs = new JobService(new InMemoryJobStore(), new InMemoryJobQueue(10), new JobEvents(),
                Clock.systemUTC(), properties, new JobMetrics(new SimpleMeterRegistry()));

        HealthController up = new HealthController(jobs, properties, Clock.systemUTC(),
                redis(TestRedis.shared().template()));
        assertThat(up.ready().getStatusCode().value()).isEqualTo(200);
        assertThat(up.ready().getBody().dependencies()).containsEntry("redis", "up");

        try (TestRedis nowhere = new TestRedis(1)) { // nothing listens on port 1
            ResponseEntity<HealthController.Readiness> down = new HealthController(jobs, properties,
                    Clock.systemUTC(), redis(nowhere.template())).ready();
            assertThat(down.getStatusCode().value()).isEqualTo(503);
            assertThat(down.getBody().status()).isEqualTo("backend_down");
            assertThat((String) down.getBody().dependencies().get("redis")).startsWith("down");
        }
    }

    private static ObjectProvider<StringRedisTemplate> redis(StringRedisTemplate template) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (template != null) {
            beans.addBean("redis", template);
        }
        return beans.getBeanProvider(StringRedisTemplate.class);
    }
}
