package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The result cache over HTTP, switched on for these tests: identical problems complete at once. */
class ResultCacheTest extends WebTestBase {
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void cacheOn() {
        resultCache.switchOn();
    }

    private double count(String name) {
        return meters.counter(name).count();
    }

    /** Solves the problem; returns the completed job. */
    private JsonNode solved(Object problem, String user) {
        return awaitFinished(submitOk(problem, user));
    }

    @Test
    void anIdenticalProblemWithAnotherProblemIdCompletesAtOnceFromTheCacheMarkedCached() {
        JsonNode first = solved(Fixtures.withProblemId("sample1.json", "cache-a"), "cara");
        assertThat(first.get("cached").asBoolean()).isFalse();
        double hits = count("bookingopt.cache.hits");

        // the same hotel: another ProblemId, keys in another order, numbers spelled otherwise
        ObjectNode again = Fixtures.withProblemId("sample1.json", "cache-b");
        String reordered = ProblemFingerprintCheck.reversedKeys(again);
        Response r = submit(reordered, "carl");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("completed");
        JsonNode cached = job(r.json().get("job_id").asString());
        assertThat(cached.get("status").asString()).isEqualTo("completed");
        assertThat(cached.get("cached").asBoolean()).isTrue();
        assertThat(cached.get("cache_key").asString()).isEqualTo(first.get("cache_key").asString());
        assertThat(cached.get("progress").asInt()).isEqualTo(100);
        assertThat(cached.get("attempt").asInt()).as("no worker ran it").isZero();
        assertThat(cached.get("result").get("problem_id").asString()).isEqualTo("cache-b");
        assertThat(cached.get("result").get("result").get("ProblemId").asString()).isEqualTo("cache-b");
        assertThat(cached.get("result").get("result").get("OptimizedPlan"))
                .isEqualTo(first.get("result").get("result").get("OptimizedPlan"));
        assertThat(count("bookingopt.cache.hits")).isEqualTo(hits + 1);
        JsonNode listed = Json.MAPPER.readTree(send(HttpRequest.newBuilder(uri("/api/v1/jobs"))
                .header("X-User-ID", "carl")).body()).get("jobs").get(0);
        assertThat(listed.get("cached").asBoolean()).isTrue();
        assertThat(listed.get("solver_status").asString()).isEqualTo("OPTIMAL");
    }

    @Test
    void anotherTimeLimitIsAnotherKey() {
        JsonNode first = solved(Fixtures.withProblemId("sample1.json", "cache-tl"), "tim");
        ObjectNode shorter = Fixtures.withProblemId("sample1.json", "cache-tl2");
        shorter.put("TimeLimitSeconds", 30);

        JsonNode second = solved(shorter, "tim");

        assertThat(second.get("cached").asBoolean()).isFalse();
        assertThat(second.get("cache_key").asString()).isNotEqualTo(first.get("cache_key").asString());
    }

    @Test
    void aRunWithoutAPlanIsNotCached() {
        double misses = count("bookingopt.cache.misses");
        JsonNode first = solved(Fixtures.withProblemId("sample_infeas.json", "cache-inf-1"), "ines");
        assertThat(first.get("result").get("success").asBoolean()).isFalse();

        JsonNode second = solved(Fixtures.withProblemId("sample_infeas.json", "cache-inf-2"), "ines");

        assertThat(second.get("cached").asBoolean()).isFalse();
        assertThat(second.get("attempt").asInt()).as("solved again").isEqualTo(1);
        assertThat(count("bookingopt.cache.misses")).isEqualTo(misses + 2);
    }

    @Test
    void anAdminDeletesOneEntryOrClearsAll() {
        JsonNode first = solved(Fixtures.withProblemId("sample1.json", "cache-del"), "dora");
        solved(Fixtures.withProblemId("sample2.json", "cache-del2"), "dora");
        String key = first.get("cache_key").asString();

        Response deleted = send(HttpRequest.newBuilder(uri("/api/v1/cache/" + key)).DELETE());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asLong()).isEqualTo(1);
        Response again = send(HttpRequest.newBuilder(uri("/api/v1/cache/" + key)).DELETE());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/cache-entry-not-found");
        assertThat(solved(Fixtures.withProblemId("sample1.json", "cache-del3"), "dora").get("cached").asBoolean())
                .as("solved anew").isFalse();

        Response cleared = send(HttpRequest.newBuilder(uri("/api/v1/cache/clear-all"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("deleted").asLong()).as("sample1 (again) and sample2").isEqualTo(2);
        assertThat(solved(Fixtures.withProblemId("sample2.json", "cache-del4"), "dora").get("cached").asBoolean())
                .isFalse();
    }

    /** Rewrites a problem with its top-level keys reversed and whole numbers written as decimals. */
    static final class ProblemFingerprintCheck {
        static String reversedKeys(ObjectNode problem) {
            java.util.List<String> names = new java.util.ArrayList<>(problem.propertyNames());
            java.util.Collections.reverse(names);
            ObjectNode reversed = Json.NODES.objectNode();
            for (String name : names) {
                reversed.set(name, problem.get(name));
            }
            String text = Json.MAPPER.writeValueAsString(reversed);
            String whole = text.replaceAll("(\\d)\\.0([,\\s}\\]])", "$1$2"); // 2.0 → 2
            assertThat(whole).isNotEqualTo(text);
            return whole;
        }
    }
}
