package org.bookingopt.service.api;

import java.util.List;

import org.bookingopt.service.history.JobHistory;
import org.bookingopt.service.auth.Caller;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobEvents;
import org.bookingopt.service.job.JobService;
import org.bookingopt.service.job.JobStatus;
import org.bookingopt.service.job.ResultExpiredException;
import org.bookingopt.service.job.ResultNotAvailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Reading, listing, cancelling and following jobs. */
@RestController
@RequestMapping("/api/v1/jobs")
public class JobController {
    static final int MAX_PAGE = 100;

    private final JobService jobs;
    private final JobEvents events;

    public JobController(JobService jobs, JobEvents events) {
        this.jobs = jobs;
        this.events = events;
    }

    @Operation(summary = "A job: status, progress and, once completed, the result wrapper (SPEC §9.5)")
    @GetMapping("/{jobId}")
    JobView get(@PathVariable String jobId, HttpServletRequest request) {
        return JobView.of(Callers.readable(jobs, jobId, request));
    }

    @Operation(summary = "The result object alone (SPEC §9.1), once the job is completed")
    @GetMapping("/{jobId}/result")
    JsonNode result(@PathVariable String jobId, HttpServletRequest request) {
        Job job = Callers.readable(jobs, jobId, request);
        if (JobView.resultExpired(job)) {
            throw new ResultExpiredException(job);
        }
        if (job.status() != JobStatus.COMPLETED) {
            throw new ResultNotAvailableException(job);
        }
        return job.result().get(job.result().get("success").asBoolean() ? "result" : "details");
    }

    @Operation(summary = "Cancel a queued or running job of the caller (an admin: of anyone)")
    @DeleteMapping("/{jobId}")
    Cancelled cancel(@PathVariable String jobId, HttpServletRequest request) {
        Caller caller = Callers.of(request);
        Job job = jobs.cancel(jobId, caller.user(), caller.isAdmin());
        return new Cancelled("Job cancelled", job.id());
    }

    @Operation(summary = "The caller's jobs, newest first, without results; an admin may ask for another "
            + "user's with ?user=NAME")
    @GetMapping
    JobList list(HttpServletRequest request,
                 @RequestParam(required = false) String user,
                 @RequestParam(required = false) String status,
                 @RequestParam(defaultValue = "20") int limit,
                 @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to " + MAX_PAGE);
        }
        Caller caller = Callers.of(request);
        if (user != null && !user.equals(caller.user()) && !caller.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only an admin key may list the jobs of "
                    + "another user");
        }
        String owner = user == null ? caller.user() : user;
        JobStatus only = status == null ? null : parseStatus(status);
        if (jobs.history().isPresent()) {
            return listHistory(jobs.history().get(), owner, only, limit, cursor);
        }
        JobService.JobPage page = jobs.list(owner, only, limit,
                cursor == null ? Long.MAX_VALUE : parseCursor(cursor));
        return new JobList(page.jobs().stream().map(JobView.Summary::of).toList(),
                page.nextBeforeSeq() == null ? null : Long.toString(page.nextBeforeSeq()));
    }

    /** From the durable history; unfinished jobs as the job store has them now (progress, phase, worker). */
    private JobList listHistory(JobHistory history, String owner, JobStatus status, int limit, String cursor) {
        JobHistory.Page page;
        try {
            page = history.list(owner, status, cursor, limit);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        List<JobView.Summary> summaries = page.rows().stream()
                .map(row -> row.job().isFinished() ? JobView.Summary.of(row) : JobView.Summary.of(jobs.get(row.job().id())))
                .toList();
        return new JobList(summaries, page.nextCursor());
    }

    @Operation(summary = "Server-Sent Events: the job's status and progress as they change, until it finishes")
    @GetMapping(path = "/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String jobId, HttpServletRequest request) {
        Callers.readable(jobs, jobId, request);
        return JobEventStream.open(jobId, jobs, events);
    }

    private static JobStatus parseStatus(String status) {
        try {
            return JobStatus.fromApiName(status);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "cursor must be the next_cursor of a previous page");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Cancelled(String message, String jobId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record JobList(List<JobView.Summary> jobs, String nextCursor) {
    }
}
