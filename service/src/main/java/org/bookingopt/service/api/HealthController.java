package org.bookingopt.service.api;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bookingopt.cli.Version;
import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.history.JobHistory;
import org.bookingopt.service.job.JobService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Liveness ({@code /health}) and readiness ({@code /health/ready}). */
@RestController
public class HealthController {
    private final JobService jobs;
    private final BookingOptProperties properties;
    private final Clock clock;
    private final ObjectProvider<StringRedisTemplate> redis;

    public HealthController(JobService jobs, BookingOptProperties properties, Clock clock,
                            ObjectProvider<StringRedisTemplate> redis) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
        this.redis = redis;
    }

    @Operation(summary = "Liveness")
    @GetMapping("/health")
    Health health() {
        return new Health("healthy", Version.current(), clock.instant());
    }

    @Operation(summary = "Readiness: 200 while jobs are accepted and the backend (Redis, PostgreSQL) answers; 503 otherwise")
    @GetMapping("/health/ready")
    ResponseEntity<Readiness> ready() {
        boolean accepting = jobs.isAccepting();
        Map<String, Object> dependencies = new LinkedHashMap<>();
        boolean up = true;
        if (properties.backend() == BookingOptProperties.Backend.REDIS) {
            String redisState = redisState();
            dependencies.put("redis", redisState);
            up = "up".equals(redisState);
        }
        if (jobs.history().isPresent()) { // submissions write the history first: no database, no jobs
            String databaseState = databaseState(jobs.history().get());
            dependencies.put("database", databaseState);
            up = up && "up".equals(databaseState);
        }
        String status = !accepting ? "shutting_down" : up ? "ready" : "backend_down";
        Jobs queue = up ? new Jobs(jobs.queuedCount(), properties.jobs().queueCapacity(), jobs.runningCount(),
                properties.jobs().workers()) : null;
        Readiness readiness = new Readiness(status, dependencies, queue);
        return ResponseEntity.status(accepting && up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(readiness);
    }

    private String redisState() {
        try {
            String pong = redis.getObject().execute((RedisCallback<String>) c -> c.ping());
            return "PONG".equalsIgnoreCase(pong) ? "up" : "down: " + pong;
        } catch (RuntimeException e) {
            return "down: " + e.getMessage();
        }
    }

    private static String databaseState(JobHistory history) {
        try {
            history.ping();
            return "up";
        } catch (RuntimeException e) {
            return "down: " + e.getMessage();
        }
    }

    record Health(String status, String version, Instant timestamp) {
    }

    record Readiness(String status, Map<String, Object> dependencies, Jobs jobs) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Jobs(int queued, int queueCapacity, int running, int workers) {
    }
}
