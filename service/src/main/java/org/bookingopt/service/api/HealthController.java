package org.bookingopt.service.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.bookingopt.cli.Version;
import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.job.JobService;
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

    public HealthController(JobService jobs, BookingOptProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Liveness")
    @GetMapping("/health")
    Health health() {
        return new Health("healthy", Version.current(), clock.instant());
    }

    @Operation(summary = "Readiness: 200 while jobs are accepted, 503 while shutting down")
    @GetMapping("/health/ready")
    ResponseEntity<Readiness> ready() {
        boolean accepting = jobs.isAccepting();
        // The embedded default has no external dependencies; Redis and PostgreSQL will report here.
        Readiness readiness = new Readiness(accepting ? "ready" : "shutting_down", Map.of(),
                new Jobs(jobs.queuedCount(), properties.jobs().queueCapacity(), jobs.runningCount(),
                        properties.jobs().workers()));
        return ResponseEntity.status(accepting ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(readiness);
    }

    record Health(String status, String version, Instant timestamp) {
    }

    record Readiness(String status, Map<String, Object> dependencies, Jobs jobs) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Jobs(int queued, int queueCapacity, int running, int workers) {
    }
}
