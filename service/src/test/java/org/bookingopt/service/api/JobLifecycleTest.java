package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.job.JobService;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Cancellation, limits, time limits, crashes, expiry, listing and events of jobs, over HTTP. */
class JobLifecycleTest extends WebTestBase {
    @Autowired
    JobService jobService;
    @Autowired
    BookingOptProperties properties;

    /** Jobs a test leaves active, cancelled after it so the single worker is free for the next. */
    private final List<String[]> toCancel = new ArrayList<>();

    @AfterEach
    void cancelLeftovers() {
        for (String[] job : toCancel) {
            delete("/api/v1/jobs/" + job[0], job[1]);
            awaitFinished(job[0]);
        }
        await("the worker to be idle", () -> jobService.runningCount() == 0);
    }

    /** A standard problem whose solve holds until cancelled (see ScriptedSolver). */
    private String submitHold(String problemId, String user) {
        String id = submitOk(Fixtures.withProblemId("sample1.json", problemId), user);
        toCancel.add(new String[] {id, user});
        return id;
    }

    @Test
    void cancellingAQueuedJobCancelsItAtOnce() {
        submitHold("hold-busy-1", "cq");
        await("the first job to run", () -> solver.isHolding("hold-busy-1"));
        String queued = submitOk(Fixtures.text("sample1.fixedplan.json"), "cq");
        assertThat(job(queued).get("status").asString()).isEqualTo("queued");

        Response cancel = delete("/api/v1/jobs/" + queued, "cq");

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("job_id").asString()).isEqualTo(queued);
        assertThat(cancel.json().get("message").asString()).isNotBlank();
        JsonNode job = job(queued);
        assertThat(job.get("status").asString()).isEqualTo("cancelled");
        assertThat(job.get("started_at").isNull()).isTrue();
        assertThat(job.get("completed_at").isNull()).isFalse();
        assertThat(jobService.queuedCount()).isZero();
    }

    @Test
    void cancellingARunningJobStopsItsSolve() {
        String running = submitHold("hold-running-1", "cr");
        await("the job to run", () -> solver.isHolding("hold-running-1"));
        assertThat(job(running).get("status").asString()).isEqualTo("running");

        Response cancel = delete("/api/v1/jobs/" + running, "cr");

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(job(running).get("status").asString()).isEqualTo("cancelled");
        await("the solve to stop", () -> solver.wasStoppedByCancel("hold-running-1"));
        await("the worker to be free", () -> jobService.runningCount() == 0);
        // The worker takes the next job, and the cancelled one stays cancelled.
        String next = submitOk(Fixtures.text("sample1.fixedplan.json"), "cr");
        assertThat(awaitFinished(next).get("status").asString()).isEqualTo("completed");
        assertThat(job(running).get("status").asString()).isEqualTo("cancelled");
        assertThat(job(running).get("result").isNull()).isTrue();
    }

    @Test
    void cancellingARunningRealSolveStopsIt() {
        // Far beyond what the solver finishes within this test's bounds: it is still solving when cancelled.
        String problem = HotelGenerator.generate(GeneratorSettings.of(150, 120, 0.9, 3, 1)).toJsonString();
        String id = submitOk(problem, "real");
        await("the solve to start", () -> "assign".equals(job(id).get("phase").asString()));

        Response cancel = delete("/api/v1/jobs/" + id, "real");

        assertThat(cancel.status()).as("cancelled while running: %s", cancel.body()).isEqualTo(200);
        await("the solve to stop", () -> jobService.runningCount() == 0);
        assertThat(job(id).get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void theFourthActiveJobOfAUserGets429WithRetryAfter() {
        submitHold("hold-limit-1", "limited");
        submitHold("hold-limit-2", "limited");
        submitHold("hold-limit-3", "limited");

        Response fourth = submit(Fixtures.text("sample1.fixedplan.json"), "limited");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        assertThat(fourth.json().get("type").asString()).isEqualTo("/problems/too-many-active-jobs");
        assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        // Another caller is not limited by it.
        String other = submitOk(Fixtures.text("sample1.fixedplan.json"), "not-limited");
        toCancel.add(new String[] {other, "not-limited"});
    }

    @Test
    void aCancelFreesASlotOfTheLimit() {
        String first = submitHold("hold-slot-1", "slots");
        submitHold("hold-slot-2", "slots");
        submitHold("hold-slot-3", "slots");
        assertThat(submit(Fixtures.text("sample1.fixedplan.json"), "slots").status()).isEqualTo(429);

        assertThat(delete("/api/v1/jobs/" + first, "slots").status()).isEqualTo(200);

        String fourth = submitOk(Fixtures.text("sample1.fixedplan.json"), "slots");
        toCancel.add(new String[] {fourth, "slots"});
    }

    @Test
    void aFullQueueGets503WithRetryAfterAndKeepsNoTraceOfTheJob() {
        queue.limitCapacity(1);
        submitHold("hold-queue-full", "qf-running");
        await("the first job to run", () -> solver.isHolding("hold-queue-full"));
        String waiting = submitOk(Fixtures.text("sample1.fixedplan.json"), "qf-waiting");
        toCancel.add(new String[] {waiting, "qf-waiting"});
        assertThat(job(waiting).get("status").asString()).isEqualTo("queued");

        Response full = submit(Fixtures.text("sample1.fixedplan.json"), "qf-rejected");

        assertThat(full.status()).as(full.body()).isEqualTo(503);
        assertThat(full.contentType()).startsWith("application/problem+json");
        assertThat(full.json().get("type").asString()).isEqualTo("/problems/queue-full");
        assertThat(full.json().get("detail").asString()).contains("1 jobs are already waiting");
        assertThat(Long.parseLong(full.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        assertThat(jobList("qf-rejected", "")).isEmpty();
        assertThat(jobService.queuedCount()).isEqualTo(1);

        // Once the waiting job leaves the queue, there is room again.
        assertThat(delete("/api/v1/jobs/" + waiting, "qf-waiting").status()).isEqualTo(200);
        String accepted = submitOk(Fixtures.text("sample1.fixedplan.json"), "qf-rejected");
        toCancel.add(new String[] {accepted, "qf-rejected"});
    }

    @Test
    void aRunOutOfTimeIsACompletedJobWithTheFailureWrapper() {
        ObjectNode problem = Fixtures.withProblemId("sample1.json", "hold-time-limit");
        problem.put("TimeLimitSeconds", 1);
        String id = submitOk(problem, "timer");

        JsonNode job = awaitFinished(id);

        assertThat(job.get("status").asString()).isEqualTo("completed");
        JsonNode wrapper = job.get("result");
        assertThat(wrapper.get("success").booleanValue()).isFalse();
        assertThat(wrapper.get("error").asString()).isEqualTo("Optimization failed");
        assertThat(wrapper.get("problem_id").asString()).isEqualTo("hold-time-limit");
        assertThat(wrapper.get("details").get("SolverStatus").asString()).isEqualTo("TIMEOUT");
        assertThat(wrapper.get("details").get("Succeeded").booleanValue()).isFalse();
        assertThat(solver.wasStoppedByCancel("hold-time-limit")).isFalse();
        assertThat(get("/api/v1/jobs/" + id + "/result").json()).isEqualTo(wrapper.get("details"));
    }

    @Test
    void aCrashFailsTheJobWithAMessageAndTheServiceGoesOn() {
        String id = submitOk(Fixtures.withProblemId("sample1.json", "crash-1"), "crasher");

        JsonNode job = awaitFinished(id);

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).contains("internal error").doesNotContain("Exception:");
        assertThat(job.get("result").isNull()).isTrue();
        Response result = get("/api/v1/jobs/" + id + "/result");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.json().get("type").asString()).isEqualTo("/problems/result-not-available");
        String next = submitOk(Fixtures.text("sample2.fixedplan.json"), "crasher");
        assertThat(awaitFinished(next).get("status").asString()).isEqualTo("completed");
    }

    @Test
    void finishedJobsExpireAfterTheResultTtl() {
        String id = submitOk(Fixtures.text("sample1.fixedplan.json"), "expiry");
        awaitFinished(id);
        Duration ttl = properties.jobs().resultTtl();

        clock.advance(ttl.minusSeconds(1));
        assertThat(get("/api/v1/jobs/" + id).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        Response gone = get("/api/v1/jobs/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("type").asString()).isEqualTo("/problems/job-not-found");
        assertThat(get("/api/v1/jobs/" + id + "/result").status()).isEqualTo(404);
        assertThat(get("/api/v1/jobs").status()).isEqualTo(200);
        assertThat(jobList("expiry", "")).isEmpty();
        assertThat(jobService.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/jobs/" + id).status()).isEqualTo(404);
    }

    @Test
    void aCallerListsOwnJobsNewestFirstInPages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = submitOk(Fixtures.text("sample1.fixedplan.json"), "lister");
            awaitFinished(id);
            ids.add(id);
        }
        submitOk(Fixtures.text("sample1.fixedplan.json"), "someone-else");

        Response first = get("/api/v1/jobs?limit=2", "lister");
        assertThat(first.status()).isEqualTo(200);
        List<String> page1 = ids(first.json());
        String cursor = first.json().get("next_cursor").asString();
        Response second = get("/api/v1/jobs?limit=2&cursor=" + cursor, "lister");
        List<String> page2 = ids(second.json());

        assertThat(Stream.concat(page1.stream(), page2.stream()).toList()).containsExactly(ids.get(2), ids.get(1),
                ids.get(0));
        JsonNode newest = first.json().get("jobs").get(0);
        assertThat(newest.has("result")).isFalse();
        // The plan's objective comes along, for a history; a restrictions-only run has no solver status.
        assertThat(newest.get("objective").doubleValue()).isEqualTo(33.5);
        assertThat(newest.get("solver_status").isNull()).isTrue();
        assertThat(jobList("lister", "&status=completed")).hasSize(3);
        assertThat(jobList("lister", "&status=running")).isEmpty();
        assertThat(get("/api/v1/jobs?status=bogus", "lister").status()).isEqualTo(400);
        assertThat(get("/api/v1/jobs?limit=0", "lister").status()).isEqualTo(400);
        assertThat(get("/api/v1/jobs?cursor=x", "lister").json().get("type").asString())
                .isEqualTo("/problems/bad-request");
    }

    @Test
    void eventsStreamProgressUntilTheJobFinishes() throws Exception {
        String id = submitOk(Fixtures.text("sample4.json"), "events");
        EventStream stream = events(HttpRequest.newBuilder(uri("/api/v1/jobs/" + id + "/events")));
        List<JsonNode> events = stream.events();

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(events).isNotEmpty();
        assertThat(events.getLast().get("status").asString()).isEqualTo("completed");
        assertThat(events.getLast().get("progress").intValue()).isEqualTo(100);
        assertThat(events).allSatisfy(e -> assertThat(e.get("job_id").asString()).isEqualTo(id));
        List<Integer> progress = events.stream().map(e -> e.get("progress").intValue()).toList();
        assertThat(progress).isSorted();
        assertThat(Set.copyOf(events.stream().map(e -> e.get("status").asString()).toList()))
                .contains("completed").isSubsetOf("queued", "running", "completed");
    }

    private Response get(String path, String user) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("X-User-ID", user));
    }

    private List<String> jobList(String user, String query) {
        return ids(get("/api/v1/jobs?limit=100" + query, user).json());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("jobs").forEach(j -> ids.add(j.get("job_id").asString()));
        return ids;
    }
}
