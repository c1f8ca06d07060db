package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.cache.ProblemFingerprint;
import org.bookingopt.service.idempotency.IdempotencyKeys;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Submissions with an Idempotency-Key over HTTP: a retry gets the same job; 409 while pending; 422 if reused. */
class IdempotencyKeyTest extends WebTestBase {
    @Autowired
    IdempotencyKeys keys;

    private Response submitWithKey(String body, String user, String key) {
        return send(submitRequest(body, user, "").header("Idempotency-Key", key));
    }

    private static String problem(String problemId) {
        return Json.MAPPER.writeValueAsString(Fixtures.withProblemId("sample1.json", problemId));
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameJob() {
        Response first = submitWithKey(problem("idem-1"), "ida", "order-1");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        String id = first.json().get("job_id").asString();

        Response retry = submitWithKey(problem("idem-1"), "ida", "order-1");

        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("job_id").asString()).isEqualTo(id);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.headers().firstValue("Location")).contains("/api/v1/jobs/" + id);
        Response otherCaller = submitWithKey(problem("idem-1"), "igor", "order-1");
        assertThat(otherCaller.json().get("job_id").asString()).as("keys are per caller").isNotEqualTo(id);
        awaitFinished(id);
        awaitFinished(otherCaller.json().get("job_id").asString());
        assertThat(submitWithKey(problem("idem-1"), "ida", "order-1").json().get("job_id").asString())
                .as("also once the job has finished").isEqualTo(id);
    }

    @Test
    void theSameKeyWithAnotherBodyOrPriorityIs422() {
        String id = submitWithKey(problem("idem-2"), "ivo", "order-2").json().get("job_id").asString();

        Response otherBody = submitWithKey(problem("idem-2b"), "ivo", "order-2");
        Response otherPriority = send(submitRequest(problem("idem-2"), "ivo", "?priority=high")
                .header("Idempotency-Key", "order-2"));

        for (Response r : new Response[] {otherBody, otherPriority}) {
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
        }
        awaitFinished(id);
    }

    @Test
    void whileTheFirstRequestIsStillBeingCreatedARetryIs409() {
        String body = problem("idem-3");
        // the first request has claimed the key and is still validating and queueing its problem
        keys.claim(ProblemFingerprint.sha256("iris\norder-3"), ProblemFingerprint.sha256("normal\n" + body),
                Duration.ofMinutes(1));

        Response retry = submitWithKey(body, "iris", "order-3");

        assertThat(retry.status()).as(retry.body()).isEqualTo(409);
        assertThat(retry.json().get("type").asString()).isEqualTo("/problems/idempotency-key-in-progress");
        assertThat(retry.headers().firstValue("Retry-After")).contains("1");
        assertThat(submitWithKey(problem("idem-3b"), "iris", "order-3").status()).as("another body").isEqualTo(422);
    }

    @Test
    void aSubmissionThatFailsFreesItsKeyForTheCorrectedRetry() {
        Response invalid = submitWithKey("{\"ProblemId\": \"idem-4\"}", "ivan", "order-4");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("type").asString()).isEqualTo("/problems/invalid-problem");

        Response corrected = submitWithKey(problem("idem-4"), "ivan", "order-4");

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        awaitFinished(corrected.json().get("job_id").asString());
    }

    @Test
    void anEmptyOrOverlongKeyIs400() {
        assertThat(submitWithKey(problem("idem-5"), "ina", " ").status()).isEqualTo(400);
        Response tooLong = submitWithKey(problem("idem-5"), "ina", "k".repeat(256));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("type").asString()).isEqualTo("/problems/bad-request");
    }
}
