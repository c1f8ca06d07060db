package org.bookingopt.service.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.service.BookingOptApplication;
import org.bookingopt.service.cache.ResultCache;
import org.bookingopt.service.job.JobQueue;
import org.bookingopt.service.limits.RateLimitBuckets;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import tools.jackson.databind.JsonNode;

/**
 * Base of every test over HTTP: one shared Spring context (same configuration everywhere) with a real
 * server on a random port, one worker, a 4 MB body limit, a clock tests can move, the
 * {@link ScriptedSolver}, a queue whose capacity a test may lower ({@link AdjustableJobQueue}), rate limits
 * generous enough for tests that poll fast unless a test sets its own ({@link AdjustableRateLimits}), and the
 * result cache passed by unless a test switches it on ({@link SwitchableResultCache}).
 */
@SpringBootTest(classes = BookingOptApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bookingopt.jobs.workers=1", "bookingopt.jobs.solver-threads=1",
                "bookingopt.limits.max-body=4MB", "bookingopt.limits.submissions-per-minute=1000000",
                "bookingopt.limits.submissions-burst=1000000", "bookingopt.limits.polls-per-second=1000000",
                "bookingopt.limits.polls-burst=1000000", "bookingopt.cache.admin-without-auth=true"})
@Import(WebTestBase.TestBeans.class)
public abstract class WebTestBase {
    /** The generous bound of every wait: cancellations, stops and small solves all end well within it. */
    protected static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WAIT).build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected ScriptedSolver solver;
    @Autowired
    protected AdjustableJobQueue queue;
    @Autowired
    protected AdjustableRateLimits rateLimits;
    @Autowired
    protected SwitchableResultCache resultCache;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }

        @Bean
        @Primary
        ScriptedSolver scriptedSolver() {
            return new ScriptedSolver(new RoomFlowSolver());
        }

        @Bean
        @Primary
        AdjustableJobQueue adjustableJobQueue(@Qualifier("jobQueue") JobQueue jobQueue) {
            return new AdjustableJobQueue(jobQueue);
        }

        @Bean
        @Primary
        AdjustableRateLimits adjustableRateLimits(@Qualifier("rateLimitBuckets") RateLimitBuckets buckets) {
            return new AdjustableRateLimits(buckets);
        }

        @Bean
        @Primary
        SwitchableResultCache switchableResultCache(@Qualifier("resultCache") ResultCache cache) {
            return new SwitchableResultCache(cache);
        }
    }

    @AfterEach
    void restoreSharedContext() {
        queue.reset();
        rateLimits.reset();
        resultCache.reset();
    }

    /** A response, its body as text. */
    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            return Json.MAPPER.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Response get(String path) {
        return send(asReader(HttpRequest.newBuilder(uri(path)).GET()));
    }

    /**
     * How the tests' plain reads ({@link #get}, {@link #job}, {@link #awaitFinished}) identify themselves: not at
     * all here (authentication is off, and any caller may read a job by its id).
     */
    protected HttpRequest.Builder asReader(HttpRequest.Builder request) {
        return request;
    }

    protected Response delete(String path, String user) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().header("X-User-ID", user));
    }

    protected Response submit(Object problem, String user) {
        return submit(problem, user, "");
    }

    /** Submits with a query string, e.g. {@code ?priority=high}. */
    protected Response submit(Object problem, String user, String query) {
        return send(submitRequest(problem, user, query));
    }

    /** {@code POST /api/v1/optimize<query>} of {@code problem} from {@code user} (authentication off). */
    protected HttpRequest.Builder submitRequest(Object problem, String user, String query) {
        return submission(problem, query).header("X-User-ID", user);
    }

    /** {@code POST /api/v1/optimize<query>} of {@code problem} (JSON text, or a tree), from no one yet. */
    protected HttpRequest.Builder submission(Object problem, String query) {
        String body = problem instanceof String s ? s : Json.MAPPER.writeValueAsString(problem);
        return HttpRequest.newBuilder(uri("/api/v1/optimize" + query)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Submits and expects it queued; returns the job id. */
    protected String submitOk(Object problem, String user) {
        Response r = submit(problem, user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("job_id").asString();
    }

    /** A job's event stream (SSE), read to its end: the status, Content-Type and the data of every event. */
    public record EventStream(int status, String contentType, List<JsonNode> events) {
    }

    protected EventStream events(HttpRequest.Builder request) {
        try {
            HttpResponse<Stream<String>> response = HTTP.send(request.timeout(WAIT)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                return new EventStream(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        lines.filter(line -> line.startsWith("data:"))
                                .map(line -> Json.MAPPER.readTree(line.substring("data:".length()))).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode job(String id) {
        Response r = get("/api/v1/jobs/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Polls the job until it has finished; fails after {@link #WAIT}. */
    protected JsonNode awaitFinished(String id) {
        return awaitStatus(id, FINISHED);
    }

    /**
     * Polls the job until it has finished; fails after {@code solveTime} (what the job's own time limit allows)
     * plus {@link #WAIT}: for jobs that do real solver work, where {@link #WAIT} alone bounds the work itself.
     */
    protected JsonNode awaitFinished(String id, Duration solveTime) {
        return awaitStatus(id, FINISHED, solveTime.plus(WAIT));
    }

    protected JsonNode awaitStatus(String id, Set<String> statuses) {
        return awaitStatus(id, statuses, WAIT);
    }

    private JsonNode awaitStatus(String id, Set<String> statuses, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonNode job = job(id);
            if (statuses.contains(job.get("status").asString())) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s still %s after %s", id, job.get("status"), wait)
                    .isLessThan(deadline);
            pause(Duration.ofMillis(20));
        }
    }

    /** Waits until {@code condition} holds; fails after {@link #WAIT}. */
    protected static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            pause(Duration.ofMillis(10));
        }
    }

    protected static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
