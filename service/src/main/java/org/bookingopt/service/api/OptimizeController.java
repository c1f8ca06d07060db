package org.bookingopt.service.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.bookingopt.service.idempotency.IdempotentSubmissions;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobPriority;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on the answer to a retry: the job is the one an earlier request with the same key created. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotentSubmissions submissions;

    public OptimizeController(IdempotentSubmissions submissions) {
        this.submissions = submissions;
    }

    @Operation(summary = "Submit a problem (SPEC §2); it is validated now and solved in a job. "
            + "?priority=high|normal|low (default normal): high jobs are served first. An identical problem solved "
            + "before completes at once from the result cache. With an Idempotency-Key, a retry gets the same job")
    @PostMapping(path = "/api/v1/optimize", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Submitted> optimize(@RequestBody(required = false) byte[] problem,
                                       @RequestParam(required = false) String priority,
                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                       HttpServletRequest request) {
        String json = problem == null ? "" : new String(problem, StandardCharsets.UTF_8);
        IdempotentSubmissions.Submission submission = submissions.submit(json, Callers.of(request).user(),
                parsePriority(priority), key);
        Job job = submission.job();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().location(URI.create("/api/v1/jobs/" + job.id()));
        if (submission.replayed()) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(new Submitted(job.id(), job.status().apiName(), job.problemId(), message(submission)));
    }

    private static String message(IdempotentSubmissions.Submission submission) {
        Job job = submission.job();
        if (submission.replayed()) {
            return "The job an earlier request with this Idempotency-Key created: GET /api/v1/jobs/" + job.id();
        }
        return job.cached() ? "Solved before: completed from the result cache, GET /api/v1/jobs/" + job.id()
                : "Optimization job queued: poll GET /api/v1/jobs/" + job.id();
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
