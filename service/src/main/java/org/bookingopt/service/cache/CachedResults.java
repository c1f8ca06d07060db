package org.bookingopt.service.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.bookingopt.cli.Version;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.config.CacheProperties;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result cache as the job service uses it: the key of a submission, the result of an identical earlier
 * one (counted as {@code bookingopt.cache.hits} / {@code bookingopt.cache.misses}), and remembering a
 * completed job's result. Only plans are cached: a completed job whose wrapper says {@code success: true},
 * {@code OPTIMAL} or {@code FEASIBLE} (the best plan found within the time limit, which is part of the key).
 * A cache that fails (Redis gone) never fails a submission: the job is then solved as usual.
 */
public final class CachedResults {
    private static final Logger log = LoggerFactory.getLogger(CachedResults.class);

    private final ResultCache cache;
    private final boolean enabled;
    private final BookingOptProperties.Jobs jobs;
    private final Counter hits;
    private final Counter misses;

    public CachedResults(ResultCache cache, CacheProperties settings, BookingOptProperties properties,
                         MeterRegistry meters) {
        this.cache = cache;
        this.enabled = settings.enabled();
        this.jobs = properties.jobs();
        this.hits = Counter.builder("bookingopt.cache.hits").description("Submissions answered from the result cache")
                .register(meters);
        this.misses = Counter.builder("bookingopt.cache.misses")
                .description("Submissions the result cache had no result for").register(meters);
    }

    /** No cache ({@code bookingopt.cache.enabled=false}). */
    public static CachedResults disabled(BookingOptProperties properties) {
        return new CachedResults(null, new CacheProperties(false, null, false, 0), properties,
                new SimpleMeterRegistry());
    }

    /** The cache key of a validated problem, as this service's workers will run it; null when the cache is off. */
    public String keyOf(String problemJson, ParsedProblem parsed) {
        if (!enabled) {
            return null;
        }
        return ProblemFingerprint.of(problemJson, Version.current(), timeLimit(parsed, jobs.maxDuration()),
                jobs.solverThreads());
    }

    /**
     * The cached wrapper for the key, made out to the new request's ProblemId (in the wrapper's
     * {@code problem_id} and the result's {@code ProblemId}).
     */
    public Optional<ObjectNode> find(String key, JsonNode problemId) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<ObjectNode> found;
        try {
            found = cache.find(key);
        } catch (DataAccessException e) {
            log.warn("Result cache unavailable, solving instead: {}", e.toString());
            return Optional.empty();
        }
        (found.isPresent() ? hits : misses).increment();
        return found.map(wrapper -> {
            wrapper.set("problem_id", problemId);
            if (wrapper.get("result") instanceof ObjectNode result && result.has("ProblemId")) {
                result.set("ProblemId", problemId);
            }
            return wrapper;
        });
    }

    /** Keeps the result of a job that completed with a plan. */
    public void remember(Job job) {
        if (job.cacheKey() == null || job.cached() || job.status() != JobStatus.COMPLETED
                || !job.result().path("success").asBoolean()) {
            return;
        }
        try {
            cache.put(job.cacheKey(), job.result());
        } catch (DataAccessException e) {
            log.warn("Result of job {} not cached: {}", job.id(), e.toString());
        }
    }

    /** The problem's {@code TimeLimitSeconds} (default 60 s), never more than {@code max-duration}. */
    public static Duration timeLimit(ParsedProblem parsed, Duration maxDuration) {
        Duration asked = Objects.requireNonNullElse(parsed.problem().options().timeLimit(),
                SolverSettings.DEFAULT_TIME_LIMIT);
        return asked.compareTo(maxDuration) < 0 ? asked : maxDuration;
    }
}
