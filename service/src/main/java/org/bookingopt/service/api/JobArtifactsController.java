package org.bookingopt.service.api;

import java.util.Locale;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.plot.ChartFormat;
import org.bookingopt.core.plot.PlanFigure;
import org.bookingopt.core.plot.RoomPlanChart;
import org.bookingopt.core.restrictions.ChannelRestrictionsCsv;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobService;
import org.bookingopt.service.job.JobStatus;
import org.bookingopt.service.job.ResultExpiredException;
import org.bookingopt.service.job.ResultNotAvailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/** What a completed job's result looks like as a picture and as a channel-manager file. */
@RestController
@RequestMapping("/api/v1/jobs")
public class JobArtifactsController {
    private final JobService jobs;

    public JobArtifactsController(JobService jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "The plan as a chart (PNG or SVG); plan=initial|optimized, default both when a current plan was given")
    @GetMapping("/{jobId}/plot.{format:png|svg}")
    ResponseEntity<byte[]> plot(@PathVariable String jobId, @PathVariable String format,
                                @RequestParam(required = false) String plan, HttpServletRequest request) {
        Job job = Callers.readable(jobs, jobId, request);
        JsonNode result = successfulResult(job);
        if (job.input() == null) {
            throw ResultNotAvailableException.noProblemKept(job); // read from the history
        }
        Problem problem = ProblemReader.read(job.input()).problem();
        if ("initial".equalsIgnoreCase(plan) && !hasInitialPlan(result)) {
            throw ResultNotAvailableException.noInitialPlan(job);
        }
        String title = "Room plan " + job.problemId().asString();
        PlanFigure figure = switch (plan == null ? "" : plan.toLowerCase(Locale.ROOT)) {
            case "" -> PlanFigure.fromResult(problem, result, title);
            case "initial" -> PlanFigure.fromResult(problem, result, RoomPlanChart.Plan.INITIAL, title);
            case "optimized" -> PlanFigure.fromResult(problem, result, RoomPlanChart.Plan.OPTIMIZED, title);
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "plan must be initial or optimized, got " + plan);
        };
        ChartFormat chart = format.equals("png") ? ChartFormat.PNG : ChartFormat.SVG;
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chart.mediaType())).body(chart.render(figure));
    }

    @Operation(summary = "The restrictions per room type and date range, as CSV for a channel manager")
    @GetMapping(path = "/{jobId}/restrictions.csv", produces = "text/csv")
    ResponseEntity<String> restrictionsCsv(@PathVariable String jobId, HttpServletRequest request) {
        JsonNode result = successfulResult(Callers.readable(jobs, jobId, request));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"restrictions-" + jobId + ".csv\"")
                .body(ChannelRestrictionsCsv.fromResult(result));
    }

    private static boolean hasInitialPlan(JsonNode result) {
        JsonNode rows = result.get("InitialPlan");
        return rows != null && rows.isArray() && !rows.isEmpty();
    }

    /** The result of a completed, successful job; 404 problem details otherwise. */
    private static JsonNode successfulResult(Job job) {
        if (JobView.resultExpired(job)) {
            throw new ResultExpiredException(job);
        }
        if (job.status() != JobStatus.COMPLETED || !job.result().get("success").asBoolean()) {
            throw new ResultNotAvailableException(job);
        }
        return job.result().get("result");
    }
}
