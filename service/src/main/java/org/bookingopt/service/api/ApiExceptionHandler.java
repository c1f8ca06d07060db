package org.bookingopt.service.api;

import java.net.URI;
import java.util.List;

import org.bookingopt.core.validation.InvalidProblemException;
import org.bookingopt.core.validation.ValidationError;
import org.bookingopt.service.idempotency.IdempotentSubmissions;
import org.bookingopt.service.job.JobFinishedException;
import org.bookingopt.service.job.JobNotFoundException;
import org.bookingopt.service.job.JobRejectedException;
import org.bookingopt.service.job.ResultExpiredException;
import org.bookingopt.service.job.ResultNotAvailableException;
import org.bookingopt.service.limits.RateLimitedException;
import org.bookingopt.service.limits.RateLimiter;
import org.bookingopt.service.problems.InvalidGeneratorSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details ({@code application/problem+json}), each kind with its own
 * {@code type} (see {@link ProblemTypes}); Spring MVC's own errors (404, 405, 415, …) included.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final RateLimiter rateLimiter;

    public ApiExceptionHandler(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidProblem(InvalidProblemException e) {
        return unprocessable(ProblemTypes.INVALID_PROBLEM, "Invalid problem", "the problem", e.errors());
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidGeneratorSettings(InvalidGeneratorSettingsException e) {
        return unprocessable(ProblemTypes.INVALID_GENERATOR_SETTINGS, "Invalid generator settings",
                "the generator settings", e.errors());
    }

    private static ResponseEntity<Object> unprocessable(URI type, String title, String what,
                                                        List<ValidationError> errors) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, type, title,
                errors.size() + " error(s) in " + what + ", each listed in 'errors' with its JSON path");
        problem.setProperty("errors", errors);
        return respond(problem, new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> demoProblemNotFound(DemoProblemController.DemoProblemNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, ProblemTypes.DEMO_PROBLEM_NOT_FOUND, "Demo problem not found",
                e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> jobNotFound(JobNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, ProblemTypes.JOB_NOT_FOUND, "Job not found", e.getMessage()),
                new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> resultNotAvailable(ResultNotAvailableException e) {
        return respond(problem(HttpStatus.NOT_FOUND, ProblemTypes.RESULT_NOT_AVAILABLE, "No result",
                e.getMessage()), new HttpHeaders());
    }

    /** The job is known (from the history) but its result was purged: gone for good, unlike a 404. */
    @ExceptionHandler
    ResponseEntity<Object> resultExpired(ResultExpiredException e) {
        return respond(problem(HttpStatus.GONE, ProblemTypes.RESULT_EXPIRED, "Result expired", e.getMessage()),
                new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> jobFinished(JobFinishedException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, ProblemTypes.JOB_FINISHED, "Job already finished",
                e.getMessage()), new HttpHeaders());
    }

    /** The job backend (Redis) does not answer: a moment's outage, so 503 and a retry, not a 500. */
    @ExceptionHandler
    ResponseEntity<Object> backendUnavailable(DataAccessException e) {
        log.warn("The job backend failed: {}", e.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.BACKEND_UNAVAILABLE,
                "Job backend unavailable", "The job store does not answer just now; try again in a few seconds"),
                headers);
    }

    @ExceptionHandler
    ResponseEntity<Object> rateLimited(RateLimitedException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Rate limited",
                e.getMessage());
        problem.setProperty("limit", e.limit().apiName());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        return respond(problem, headers);
    }

    @ExceptionHandler
    ResponseEntity<Object> idempotencyKeyInProgress(IdempotentSubmissions.InProgressException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return respond(problem(HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_KEY_IN_PROGRESS,
                "Request with this key in progress", e.getMessage()), headers);
    }

    @ExceptionHandler
    ResponseEntity<Object> idempotencyKeyReused(IdempotentSubmissions.ReusedKeyException e) {
        return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                "Idempotency-Key reused", e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidIdempotencyKey(IdempotentSubmissions.InvalidKeyException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad Idempotency-Key",
                e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> forbidden(CacheController.ForbiddenException e) {
        return respond(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", e.getMessage()),
                new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> cacheEntryNotFound(CacheController.EntryNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, ProblemTypes.CACHE_ENTRY_NOT_FOUND, "Cache entry not found",
                e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> rejected(JobRejectedException e) {
        ProblemDetail problem = switch (e) {
            case JobRejectedException.TooManyActiveJobs t -> {
                rateLimiter.countRejected(RateLimiter.ACTIVE_JOBS);
                yield problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_ACTIVE_JOBS, "Too many active jobs",
                        t.getMessage());
            }
            case JobRejectedException.QueueFull q ->
                    problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.QUEUE_FULL, "Queue full", q.getMessage());
            default -> problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SHUTTING_DOWN, "Shutting down",
                    e.getMessage());
        };
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        return respond(problem, headers);
    }

    /** A body over the limit, or a gzip body that does not decode. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyFilter.BodyTooLargeException tooLarge) {
                return respond(problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE, "Body too large",
                        tooLarge.getMessage()), new HttpHeaders());
            }
        }
        String reason = e.getMostSpecificCause().getMessage();
        return respond(problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Unreadable body",
                "The request body could not be read" + (reason == null ? "" : ": " + reason)), new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
                "The service hit an unexpected error; it has been logged"), new HttpHeaders());
    }

    /** Gives the framework's problem details (404, 405, 415, …) their type, and the problem+json type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(ProblemTypes.forStatus(status.value()));
        }
        HttpHeaders withType = new HttpHeaders();
        withType.putAll(headers);
        withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.createResponseEntity(body, withType, status, request);
    }

    static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
