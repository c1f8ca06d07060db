package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.history.HistoryProperties;
import org.bookingopt.service.history.JobHistory;
import org.bookingopt.service.history.JobRecord;
import org.bookingopt.service.job.JobStatus;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.PostgresWebTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The service with {@code bookingopt.database=postgres} over HTTP: the history outlives the job store's TTL. */
class JobHistoryHttpTest extends PostgresWebTestBase {
    @Autowired
    private BookingOptProperties properties;
    @Autowired
    private HistoryProperties historyProperties;

    private final String user = "history-" + UUID.randomUUID();

    @Test
    void aSubmissionWritesItsRowAndTheCompletionIsRecorded() {
        String body = Fixtures.withProblemId("sample1.json", "http-history").toString();
        String id = submitOk(body, user);
        JobRecord queued = history.find(id).orElseThrow();
        assertThat(queued.inputHash()).isEqualTo(sha256(body));

        JsonNode done = awaitFinished(id);
        assertThat(done.get("status").asString()).isEqualTo("completed");

        await("the history to record the completion", () -> history.find(id).orElseThrow().job().isFinished());
        JobRecord row = history.find(id).orElseThrow();
        assertThat(row.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(row.job().owner()).isEqualTo(user);
        assertThat(row.job().attempt()).isEqualTo(1);
        assertThat(row.solverStatus()).isEqualTo(done.get("result").get("result").get("SolverStatus").asString());
        assertThat(row.job().result()).isEqualTo(done.get("result"));
        assertThat(row.queueWait()).isNotNull();
        assertThat(row.run()).isNotNull();
    }

    @Test
    void theCallersJobsAreListedFromTheHistoryNewestFirstWithACursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = submitOk(Fixtures.withProblemId("sample1.json", "list-" + i).toString(), user);
            awaitFinished(id);
            ids.add(id);
        }
        await("the history to record every completion", () -> history.list(user, JobStatus.COMPLETED, null, 10)
                .rows().size() == 3);

        Response first = get(user, "/api/v1/jobs?limit=2");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(ids(first.json())).containsExactly(ids.get(2), ids.get(1));
        JsonNode item = first.json().get("jobs").get(0);
        assertThat(item.get("solver_status").asString()).isEqualTo("OPTIMAL");
        assertThat(item.has("objective")).isTrue();
        String cursor = first.json().get("next_cursor").asString();

        Response second = get(user, "/api/v1/jobs?limit=2&cursor=" + cursor);
        assertThat(ids(second.json())).containsExactly(ids.get(0));
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
        assertThat(ids(get(user, "/api/v1/jobs?status=failed").json())).isEmpty();
        assertThat(get(user, "/api/v1/jobs?cursor=nonsense").status()).isEqualTo(400);
    }

    @Test
    void afterTheResultTtlAJobIsReadFromTheHistoryAndAfterTheRetentionWithoutItsResult() {
        String id = submitOk(Fixtures.withProblemId("sample1.json", "outlives").toString(), user);
        JsonNode done = awaitFinished(id);
        await("the history to record the completion", () -> history.find(id).orElseThrow().job().isFinished());

        clock.advance(properties.jobs().resultTtl().plusSeconds(1));
        Response fromHistory = get("/api/v1/jobs/" + id);
        assertThat(fromHistory.status()).as(fromHistory.body()).isEqualTo(200);
        assertThat(fromHistory.json().get("status").asString()).isEqualTo("completed");
        assertThat(fromHistory.json().get("result")).isEqualTo(done.get("result"));
        assertThat(fromHistory.json().get("message").isNull()).isTrue();
        assertThat(get("/api/v1/jobs/" + id + "/result").json()).isEqualTo(done.get("result").get("result"));
        assertThat(get("/api/v1/jobs/" + id + "/restrictions.csv").status()).as("needs the result only")
                .isEqualTo(200);
        assertThat(get("/api/v1/jobs/" + id + "/plot.svg").status()).as("needs the problem, not kept")
                .isEqualTo(404);

        clock.advance(historyProperties.retention());
        assertThat(history.purgeResults(historyProperties.retention())).isGreaterThanOrEqualTo(1);
        Response purged = get("/api/v1/jobs/" + id);
        assertThat(purged.status()).isEqualTo(200);
        assertThat(purged.json().get("status").asString()).isEqualTo("completed");
        assertThat(purged.json().get("result").isNull()).isTrue();
        assertThat(purged.json().get("message").asString()).contains("retention");
        Response result = get("/api/v1/jobs/" + id + "/result");
        assertThat(result.status()).isEqualTo(410);
        assertThat(result.contentType()).startsWith("application/problem+json");
        assertThat(result.json().get("type").asString()).isEqualTo("/problems/result-expired");
        assertThat(get("/api/v1/jobs/" + id + "/restrictions.csv").status()).isEqualTo(410);
        assertThat(get("/api/v1/jobs/" + UUID.randomUUID()).status()).as("unknown").isEqualTo(404);
    }

    @Test
    void aJobThatNeverReachedTheQueueIsQueuedByTheReconcilerAndCompletes() {
        String body = Fixtures.withProblemId("sample1.json", "reconciled").toString();
        org.bookingopt.service.job.Job lost = org.bookingopt.service.job.Job.queued(UUID.randomUUID().toString(),
                user, tools.jackson.databind.node.StringNode.valueOf("reconciled"), body, clock.instant());
        history.recordQueued(lost); // the API node died here, before the job store and the queue
        assertThat(get("/api/v1/jobs/" + lost.id()).json().get("status").asString()).as("from the history")
                .isEqualTo("queued");

        clock.advance(historyProperties.reconcileAfter().plusSeconds(1));
        assertThat(reconciler.reconcile()).isEqualTo(1);

        assertThat(awaitFinished(lost.id()).get("status").asString()).isEqualTo("completed");
    }

    @Test
    void readinessReportsTheDatabase() {
        Response ready = get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("dependencies").get("database").asString()).isEqualTo("up");
    }

    private Response get(String caller, String path) {
        return send(java.net.http.HttpRequest.newBuilder(uri(path)).GET().header("X-User-ID", caller));
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("jobs").forEach(job -> ids.add(job.get("job_id").asString()));
        return ids;
    }

    private static String sha256(String body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
