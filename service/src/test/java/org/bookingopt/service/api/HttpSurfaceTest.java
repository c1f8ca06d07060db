package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** What a client sees at the edges: problem details for every error, bodies, health and the docs. */
class HttpSurfaceTest extends WebTestBase {

    @Test
    void anInvalidProblemGets422ListingEveryErrorWithItsPath() {
        String problem = """
                {"Rooms": [{"RoomNumber": 1, "AdjacentRooms": []}, {"RoomType": "Suite"}],
                 "Reservations": [{"Name": "A", "Arrival": "2021-03-01", "Length": -2},
                                  {"Name": "B", "Arrival": "March", "Length": 1}],
                 "MinimumStay": 0}""";

        Response r = submit(problem, "invalid");

        assertProblem(r, 422, "/problems/invalid-problem");
        List<String> paths = new ArrayList<>();
        r.json().get("errors").forEach(e -> {
            paths.add(e.get("path").asString());
            assertThat(e.get("message").asString()).isNotBlank();
        });
        assertThat(paths).contains("ProblemId", "MinimumStay", "Rooms[1].RoomNumber", "Reservations[0].Length",
                "Reservations[1].Arrival");
        assertThat(r.json().get("instance").asString()).isEqualTo("/api/v1/optimize");
    }

    @Test
    void aBodyThatIsNotJsonGets422() {
        Response r = submit("this is not json {", "invalid");
        assertProblem(r, 422, "/problems/invalid-problem");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("not valid JSON");

        assertProblem(submit("", "invalid"), 422, "/problems/invalid-problem");
        assertProblem(submit("[1, 2]", "invalid"), 422, "/problems/invalid-problem");
    }

    @Test
    void thePriorityIsTakenFromTheQueryAndAnUnknownOneIs400() {
        Response high = submit(Fixtures.text("sample1.fixedplan.json"), "prio", "?priority=high");
        assertThat(high.status()).as(high.body()).isEqualTo(200);
        JsonNode job = awaitFinished(high.json().get("job_id").asString());
        assertThat(job.get("priority").asString()).isEqualTo("high");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertThat(job.get("worker").asString()).isNotBlank();
        assertThat(job(submitOk(Fixtures.text("sample1.fixedplan.json"), "prio")).get("priority").asString())
                .isEqualTo("normal");

        Response urgent = submit(Fixtures.text("sample1.fixedplan.json"), "prio", "?priority=urgent");
        assertThat(urgent.status()).isEqualTo(400);
        assertThat(urgent.contentType()).startsWith("application/problem+json");
        assertThat(urgent.json().get("detail").asString()).contains("use high, normal or low");
    }

    @Test
    void unknownJobsGet404ProblemDetails() {
        String unknown = "/api/v1/jobs/00000000-0000-0000-0000-000000000000";
        assertProblem(get(unknown), 404, "/problems/job-not-found");
        assertProblem(get(unknown + "/result"), 404, "/problems/job-not-found");
        assertProblem(get(unknown + "/events"), 404, "/problems/job-not-found");
        assertProblem(delete(unknown, "anyone"), 404, "/problems/job-not-found");
    }

    @Test
    void onlyTheOwnerCancelsAndAFinishedJobCannotBeCancelled() {
        String id = submitOk(Fixtures.text("sample1.fixedplan.json"), "owner");
        awaitFinished(id);

        assertProblem(delete("/api/v1/jobs/" + id, "intruder"), 404, "/problems/job-not-found");
        Response finished = delete("/api/v1/jobs/" + id, "owner");
        assertProblem(finished, 400, "/problems/job-finished");
        assertThat(finished.json().get("detail").asString()).contains("already finished");
        // Reading needs no identity.
        assertThat(get("/api/v1/jobs/" + id).status()).isEqualTo(200);
    }

    @Test
    void theFrameworksOwnErrorsAreProblemDetailsToo() {
        assertProblem(get("/no/such/path"), 404, "/problems/not-found");
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/optimize")).GET()), 405,
                "/problems/method-not-allowed");
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/optimize")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "/problems/unsupported-media-type");
        // Even for a client that asks for HTML.
        assertProblem(send(HttpRequest.newBuilder(uri("/no/such/path")).header("Accept", "text/html").GET()), 404,
                "/problems/not-found");
        assertProblem(send(HttpRequest.newBuilder(uri("/health")).header("Accept", "application/xml").GET()), 406,
                "/problems/not-acceptable");
        assertProblem(get("/error"), 500, "/problems/internal-error");
    }

    @Test
    void aBodyOverTheLimitGets413() {
        String big = "{\"ProblemId\": \"" + "x".repeat(4 * 1024 * 1024) + "\"}";
        assertProblem(submit(big, "big"), 413, "/problems/body-too-large");
    }

    @Test
    void gzipBodiesAreAcceptedAndHeldToTheLimitAfterDecoding() throws IOException {
        Response ok = submitGzip(gzip(Fixtures.text("sample1.fixedplan.json")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(awaitFinished(ok.json().get("job_id").asString()).get("status").asString())
                .isEqualTo("completed");

        byte[] bomb = gzip("{\"ProblemId\": \"" + " ".repeat(16 * 1024 * 1024) + "\"}");
        assertThat(bomb.length).isLessThan(100 * 1024);
        assertProblem(submitGzip(bomb), 413, "/problems/body-too-large");

        assertProblem(submitGzip("not gzip at all".getBytes(StandardCharsets.UTF_8)), 400, "/problems/bad-request");
    }

    @Test
    void healthAndReadiness() {
        JsonNode health = get("/health").json();
        assertThat(health.get("status").asString()).isEqualTo("healthy");
        assertThat(health.get("version").asString()).isNotBlank();
        assertThat(health.get("timestamp").asString()).isNotBlank();

        Response ready = get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("ready");
        assertThat(ready.json().get("jobs").get("workers").intValue()).isEqualTo(1);
        assertThat(ready.json().get("jobs").get("queue_capacity").intValue()).isEqualTo(1000);
    }

    @Test
    void theOpenApiDocumentHasEveryEndpointAndTheSamplesAsExamples() {
        Response r = get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/optimize", "/api/v1/jobs", "/api/v1/jobs/{jobId}",
                "/api/v1/jobs/{jobId}/result", "/api/v1/jobs/{jobId}/events", "/health", "/health/ready",
                "/api/v1/demo-problems", "/api/v1/demo-problems/{name}", "/api/v1/problems/generate");
        JsonNode examples = paths.get("/api/v1/optimize").get("post").get("requestBody").get("content")
                .get("application/json").get("examples");
        assertThat(examples.get("sample1").get("value").get("ProblemId").asString()).isEqualTo("1111");
        assertThat(examples.propertyNames()).contains("sample4", "sample1.fixedplan", "sample2.newres");
        assertThat(paths.get("/api/v1/optimize").get("post").get("responses").propertyNames())
                .contains("200", "422", "429", "503");
        JsonNode generate = paths.get("/api/v1/problems/generate").get("post");
        assertThat(generate.get("requestBody").get("content").get("application/json").get("schema")
                .get("required")).hasSize(3);
        assertThat(generate.get("responses").propertyNames()).contains("200", "415", "422");

        Response ui = send(HttpRequest.newBuilder(uri("/docs")).GET());
        assertThat(ui.status()).isEqualTo(302);
        String location = ui.headers().firstValue("Location").orElseThrow();
        Response page = send(HttpRequest.newBuilder(uri(location.replaceFirst("^https?://[^/]+", ""))).GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    private Response submitGzip(byte[] body) {
        return send(HttpRequest.newBuilder(uri("/api/v1/optimize")).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void assertProblem(Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
