package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Many clients at once: each honours 429 + Retry-After, and every job completes exactly once. */
class ConcurrentSubmissionsTest extends WebTestBase {
    private static final int USERS = 10;
    private static final int JOBS_PER_USER = 5;
    /** Small standard runs: real solves, quick enough for 50 of them on one worker. */
    private static final String[] PROBLEMS = {"sample1.json", "sample2.json", "sample3.json", "sample5.json",
            "sample6.json"};

    @Test
    void fiftySubmissionsFromTenUsersAllCompleteExactlyOnce() throws Exception {
        Map<String, String> jobOfProblem = new ConcurrentHashMap<>();
        AtomicInteger rejected = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(USERS);
        List<Future<?>> done = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = "crowd-" + u;
            done.add(clients.submit(() -> {
                for (int j = 0; j < JOBS_PER_USER; j++) {
                    String problemId = user + "-job-" + j;
                    jobOfProblem.put(problemId, submitHonouringRetryAfter(
                            Fixtures.withProblemId(PROBLEMS[j], problemId), user, rejected));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(jobOfProblem).hasSize(USERS * JOBS_PER_USER);
        assertThat(Set.copyOf(jobOfProblem.values())).hasSize(USERS * JOBS_PER_USER);
        jobOfProblem.forEach((problemId, jobId) -> {
            JsonNode job = awaitFinished(jobId);
            assertThat(job.get("status").asString()).isEqualTo("completed");
            assertThat(job.get("result").get("result").get("ProblemId").asString()).isEqualTo(problemId);
        });
        for (int u = 0; u < USERS; u++) {
            JsonNode own = send(HttpRequest.newBuilder(uri("/api/v1/jobs?limit=100"))
                    .header("X-User-ID", "crowd-" + u).GET()).json();
            assertThat(own.get("jobs")).hasSize(JOBS_PER_USER);
        }
        // With one worker and 3 active jobs allowed per user, some clients were made to wait.
        assertThat(rejected.get()).isPositive();
    }

    /** Submits until accepted; on 429 waits as long as Retry-After says. Returns the job id. */
    private String submitHonouringRetryAfter(Object problem, String user, AtomicInteger rejected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Response r = submit(problem, user);
            if (r.status() == 200) {
                return r.json().get("job_id").asString();
            }
            assertThat(r.status()).as(r.body()).isEqualTo(429);
            assertThat(System.nanoTime()).as("accepted in time").isLessThan(deadline);
            rejected.incrementAndGet();
            long seconds = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertThat(seconds).isBetween(1L, 60L);
            pause(Duration.ofSeconds(seconds));
        }
    }
}
