package org.bookingopt.service.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobPriority;
import org.bookingopt.service.job.JobService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/v1/optimize}: validate a problem now, solve it in a job. */
@RestController
public class OptimizeController {
    private final JobService jobs;

    public OptimizeController(JobService jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "Submit a problem (SPEC §2); it is validated now and solved in a job. "
            + "?priority=high|normal|low (default normal): high jobs are served first")
    @PostMapping(path = "/api/v1/optimize", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Submitted> optimize(@RequestBody(required = false) byte[] problem,
                                       @RequestParam(required = false) String priority,
                                       HttpServletRequest request) {
        String json = problem == null ? "" : new String(problem, StandardCharsets.UTF_8);
        Job job = jobs.submit(json, Callers.of(request).user(), parsePriority(priority));
        return ResponseEntity.ok()
                .location(URI.create("/api/v1/jobs/" + job.id()))
                .body(new Submitted(job.id(), job.status().apiName(), job.problemId(),
                        "Optimization job queued: poll GET /api/v1/jobs/" + job.id()));
    }

    private static JobPriority parsePriority(String priority) {
        try {
            return JobPriority.fromApiName(priority);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Submitted(String jobId, String status, JsonNode problemId, String message) {
    }
}
