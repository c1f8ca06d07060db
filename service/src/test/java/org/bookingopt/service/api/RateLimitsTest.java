package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.MeterRegistry;

/** The default rate limits over HTTP: 429 with Retry-After and problem details, per caller, counted. */
class RateLimitsTest extends WebTestBase {
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void defaultLimits() {
        rateLimits.use(new BookingOptProperties.Limits(DataSize.ofMegabytes(4), 3)); // 12/min burst 3, 10/s burst 50
    }

    private double rejected(String limit) {
        var counter = meters.find("bookingopt.ratelimit.rejected").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Reads until the first 429: at least the burst of 50 passes, and no more than the burst plus what refilled
     * meanwhile (10 a second).
     */
    private Response readUntilRejected(HttpRequest.Builder read) {
        long started = System.nanoTime();
        int passed = 0;
        Response r;
        while ((r = send(read)).status() == 200) {
            passed++;
            assertThat(passed).as("never rejected").isLessThan(10_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(passed).isBetween(50, 50 + (int) Math.ceil(seconds * 10) + 1);
        return r;
    }

    @Test
    void theFourthSubmissionAtOnceIs429WithRetryAfterAndAnotherCallerIsNotHeldBack() {
        double before = rejected("submissions");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submitOk(Fixtures.withProblemId("sample1.json", "rl-" + i), "rita"));
        }

        Response fourth = submit(Fixtures.withProblemId("sample1.json", "rl-3"), "rita");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        assertThat(fourth.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(fourth.json().get("limit").asString()).isEqualTo("submissions");
        assertThat(fourth.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).as("a token every 5 s").isBetween(1, 5));
        assertThat(rejected("submissions")).isEqualTo(before + 1);
        assertThat(submit(Fixtures.withProblemId("sample1.json", "rl-other"), "rolf").status()).isEqualTo(200);
        ids.forEach(this::awaitFinished);
    }

    @Test
    void aBurstOfFiftyReadsThenOneEveryTenthOfASecondThen429ForOneSecond() {
        String id = submitOk(Fixtures.withProblemId("sample1.json", "rl-poll"), "paula");
        HttpRequest.Builder read = HttpRequest.newBuilder(uri("/api/v1/jobs/" + id)).header("X-User-ID", "paula");

        Response over = readUntilRejected(read);

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(over.json().get("limit").asString()).isEqualTo("polling");
        assertThat(over.headers().firstValue("Retry-After")).contains("1");
        rateLimits.use(new BookingOptProperties.Limits(true, DataSize.ofMegabytes(4), 3, 12, 3, 1, 5)); // 1/s, 5 at once
        for (int i = 0; i < 5; i++) {
            assertThat(send(read).status()).isEqualTo(200);
        }
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/jobs")).header("X-User-ID", "paula")).status())
                .as("listing is reading jobs too").isEqualTo(429);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + id)).header("X-User-ID", "peter")).status())
                .isEqualTo(200);
        assertThat(get("/health").status()).as("not a job endpoint").isEqualTo(200);
        rateLimits.reset();
        awaitFinished(id);
    }

    @Test
    void anonymousReadersAreLimitedByTheirAddressNotAllTogether() {
        String id = submitOk(Fixtures.withProblemId("sample1.json", "rl-anon"), "anna");
        rateLimits.use(new BookingOptProperties.Limits(true, DataSize.ofMegabytes(4), 3, 12, 3, 1, 5)); // 1/s, 5 at once
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/v1/jobs/" + id).status()).isEqualTo(200);
        }

        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + id)).header("X-User-ID", "anonymous")).status())
                .as("a caller named anonymous is anonymous: this address's bucket, empty").isEqualTo(429);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + id)).header("X-User-ID", "anna")).status())
                .as("a named caller from the same address has a bucket of its own").isEqualTo(200);
        rateLimits.reset();
        awaitFinished(id);
    }
}
