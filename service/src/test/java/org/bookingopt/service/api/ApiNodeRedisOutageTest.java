package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.BookingOptApplication;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * An api node on a Redis of the test's own (AOF on), which is killed and restarted: while it is down the API
 * answers 503 problem+json with Retry-After and readiness says so; afterwards the job is there again.
 */
class ApiNodeRedisOutageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whileRedisIsDownTheApiAnswers503AndAfterItsRestartTheJobIsStillThere() throws Exception {
        try (RedisServerProcess redis = new RedisServerProcess(dir)) {
            redis.start();
            try (ConfigurableApplicationContext api = new SpringApplication(BookingOptApplication.class).run(
                    "--server.port=0", "--bookingopt.role=api", "--bookingopt.backend=redis",
                    "--bookingopt.auth.enabled=false",
                    "--spring.data.redis.port=" + redis.port(), "--spring.data.redis.timeout=2s")) {
                int port = ((WebServerApplicationContext) api).getWebServer().getPort();
                URI optimize = URI.create("http://localhost:" + port + "/api/v1/optimize");
                HttpRequest.Builder submit = HttpRequest.newBuilder(optimize).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.text("sample1.json")));
                HttpResponse<String> queued = send(submit);
                assertThat(queued.statusCode()).as(queued.body()).isEqualTo(200);
                URI job = URI.create("http://localhost:" + port + "/api/v1/jobs/"
                        + Json.MAPPER.readTree(queued.body()).get("job_id").asString());

                redis.kill();

                for (HttpResponse<String> r : new HttpResponse[] {send(submit), send(HttpRequest.newBuilder(job))}) {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(r.headers().firstValue("Retry-After")).contains("5");
                    assertThat(r.body()).contains("/problems/backend-unavailable");
                }
                HttpResponse<String> ready = send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/health/ready")));
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("backend_down");

                redis.start();

                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                HttpResponse<String> again;
                do {
                    again = send(HttpRequest.newBuilder(job));
                    assertThat(System.nanoTime()).as("the api node to reach Redis again").isLessThan(deadline);
                } while (again.statusCode() == 503);
                JsonNode back = Json.MAPPER.readTree(again.body());
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(back.get("status").asString()).as("no worker in this test").isEqualTo("queued");
            }
        }
    }
}
