package org.bookingopt.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.testing.AuthWebTestBase;
import org.bookingopt.service.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/** The HTTP API with authentication on: who gets in, and which jobs each caller sees. */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationTest extends AuthWebTestBase {

    private double failures(String reason) {
        var counter = meters.find("bookingopt.auth.failed").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void assertRefused(Response r, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer realm=\"bookingopt\""));
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(r.json().get("status").intValue()).isEqualTo(401);
        assertThat(r.json().get("detail").asString()).contains(detail);
    }

    @Test
    void withoutAKeyEveryApiCallIs401AndCounted() {
        double before = failures("missing");

        assertRefused(send(HttpRequest.newBuilder(uri("/api/v1/jobs"))), "needs an API key");
        assertRefused(send(submission(Fixtures.text("sample1.json"), "")), "needs an API key");
        assertRefused(send(HttpRequest.newBuilder(uri("/api/v1/jobs/x")).header("X-User-ID", "alice")),
                "needs an API key");

        assertThat(failures("missing")).isEqualTo(before + 3);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/jobs"))).headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"bookingopt\"");
    }

    @Test
    void aWrongKeyIs401AndTheLogNamesItsKeyIdButNeverTheKey(CapturedOutput output) {
        String key = keyOf("wrong", KeyRole.USER);
        String keyId = key.substring(3, 15);
        String wrongSecret = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        String unknownId = "bo_000000000000_" + key.substring(16);
        double invalid = failures("invalid");
        double malformed = failures("malformed");

        assertRefused(get("/api/v1/jobs", wrongSecret), "not valid");
        assertRefused(get("/api/v1/jobs", unknownId), "not valid");
        assertRefused(get("/api/v1/jobs", "let-me-in"), "not an API key");
        assertRefused(send(HttpRequest.newBuilder(uri("/api/v1/jobs")).header("Authorization", "Basic " + key)),
                "not an API key");
        assertRefused(send(HttpRequest.newBuilder(uri("/api/v1/jobs")).header("X-API-Key", wrongSecret)),
                "not valid");

        assertThat(failures("invalid")).isEqualTo(invalid + 3);
        assertThat(failures("malformed")).isEqualTo(malformed + 2);
        assertThat(get("/api/v1/jobs", wrongSecret).headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"bookingopt\", error=\"invalid_token\"");
        assertThat(output.getOut()).contains("Authentication failed (invalid) for key id " + keyId)
                .doesNotContain(key.substring(16, 40)).doesNotContain("let-me-in");
    }

    @Test
    void aRevokedKeyIs401FromTheMomentItIsRevoked() {
        ApiKeys.NewKey made = keys.issue("leaving", KeyRole.USER);
        assertThat(get("/api/v1/jobs", made.text()).status()).isEqualTo(200);
        double revoked = failures("revoked");

        keys.revoke(made.key().keyId());

        assertRefused(get("/api/v1/jobs", made.text()), "revoked");
        assertRefused(submitWithKey(Fixtures.text("sample1.json"), made.text()), "revoked");
        assertThat(failures("revoked")).isEqualTo(revoked + 2);
    }

    @Test
    void theKeyMayComeAsBearerOrAsXApiKeyAndDecidesTheUserWhateverXUserIdSays() {
        String alice = keyOf("alice-h", KeyRole.USER);
        Response submitted = send(submission(Fixtures.text("sample1.json"), "").header("X-API-Key", alice)
                .header("X-User-ID", "mallory"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        String id = submitted.json().get("job_id").asString();

        assertThat(ids(get("/api/v1/jobs", alice))).contains(id);
        assertThat(ids(send(HttpRequest.newBuilder(uri("/api/v1/jobs")).header("X-API-Key", alice)))).contains(id);
        String mallory = keyOf("mallory", KeyRole.USER);
        assertThat(ids(get("/api/v1/jobs", mallory))).doesNotContain(id);
        awaitFinished(id);
    }

    @Test
    void anotherUsersJobIsNotFoundWhereverItIsAskedFor() {
        String alice = keyOf("alice", KeyRole.USER);
        String bob = keyOf("bob", KeyRole.USER);
        String id = submitWithKey(Fixtures.text("sample1.json"), alice).json().get("job_id").asString();
        awaitFinished(id);
        assertThat(get("/api/v1/jobs/" + id, alice).status()).isEqualTo(200);

        for (String path : List.of("", "/result", "/events", "/plot.png", "/plot.svg", "/restrictions.csv")) {
            Response r = get("/api/v1/jobs/" + id + path, bob);
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(404);
            assertThat(r.json().get("type").asString()).as(path).isEqualTo("/problems/job-not-found");
        }
        Response cancel = cancel(id, bob);
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.json().get("type").asString()).isEqualTo("/problems/job-not-found");
        assertThat(ids(get("/api/v1/jobs", bob))).doesNotContain(id);
        Response others = get("/api/v1/jobs?user=alice", bob);
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.json().get("type").asString()).isEqualTo("/problems/forbidden");
    }

    @Test
    void anAdminSeesListsAndCancelsEveryonesJobs() {
        String carol = keyOf("carol", KeyRole.USER);
        String admin = keyOf("night-manager", KeyRole.ADMIN);
        String held = submitWithKey(Fixtures.withProblemId("sample1.json", "hold-admin"), carol).json().get("job_id")
                .asString();
        await("carol's job to run", () -> solver.isHolding("hold-admin"));

        assertThat(get("/api/v1/jobs/" + held, admin).json().get("status").asString()).isEqualTo("running");
        assertThat(ids(get("/api/v1/jobs?user=carol", admin))).contains(held);
        assertThat(ids(get("/api/v1/jobs", admin))).as("an admin's own list is its own").doesNotContain(held);
        Response cancelled = cancel(held, admin);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(awaitFinished(held).get("status").asString()).isEqualTo("cancelled");
        assertThat(get("/api/v1/jobs/" + held, carol).json().get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void eventsPlotsAndCsvWorkWithTheKeyInAHeader() throws Exception {
        String dora = keyOf("dora", KeyRole.USER);
        String id = submitWithKey(Fixtures.text("sample1.json"), dora).json().get("job_id").asString();

        EventStream stream = events(bearer(HttpRequest.newBuilder(uri("/api/v1/jobs/" + id + "/events")), dora));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.events().getLast().get("status").asString()).isEqualTo("completed");

        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                uri("/api/v1/jobs/" + id + "/plot.png")).header("X-API-Key", dora).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
        Response csv = get("/api/v1/jobs/" + id + "/restrictions.csv", dora);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("Scope,RoomType,From,To");
    }

    @Test
    void spellingsOfAnApiPathThatTheServerMapsToItNeedAKeyToo() {
        String eve = keyOf("eve-owner", KeyRole.USER);
        String id = submitWithKey(Fixtures.text("sample1.json"), eve).json().get("job_id").asString();

        for (String path : List.of("//api/v1/jobs/" + id, "/%61pi/v1/jobs/" + id, "/./api/v1/jobs/" + id,
                "/api/v1/../v1/jobs/" + id, "/api;x=1/v1/jobs/" + id, "/api/v1/jobs/" + id + "/")) {
            Response r = send(HttpRequest.newBuilder(uri(path)));
            assertThat(r.status()).as(path + ": " + r.body()).isIn(400, 401, 404);
            assertThat(r.body()).as(path).doesNotContain("\"status\":\"queued\"", "\"status\":\"completed\"");
        }
        assertThat(send(HttpRequest.newBuilder(uri("//api/v1/jobs/" + id))).status()).isEqualTo(401);
        awaitFinished(id);
    }

    @Test
    void healthDocsAndTheWebAppNeedNoKey() {
        for (String path : List.of("/health", "/health/ready", "/openapi.json", "/", "/js/api.js")) {
            assertThat(send(HttpRequest.newBuilder(uri(path))).status()).as(path).isEqualTo(200);
        }
        JsonNode schemes = Json.MAPPER.readTree(send(HttpRequest.newBuilder(uri("/openapi.json"))).body())
                .get("components").get("securitySchemes");
        assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("apiKey").get("name").asString()).isEqualTo("X-API-Key");
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("jobs").valueStream().map(j -> j.get("job_id").asString()).toList();
    }
}
