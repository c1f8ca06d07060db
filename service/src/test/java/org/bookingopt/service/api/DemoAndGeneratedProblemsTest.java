package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.Json;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** {@code /api/v1/demo-problems} and {@code POST /api/v1/problems/generate}: problems to try the service with. */
class DemoAndGeneratedProblemsTest extends WebTestBase {

    @Test
    void theDemoListNamesEveryPackagedSampleWithItsSizeAndWhatItDoes() {
        Response r = get("/api/v1/demo-problems");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        List<String> names = new ArrayList<>();
        r.json().get("problems").forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).isEqualTo(Fixtures.names().stream().map(n -> n.replaceFirst("\\.json$", "")).toList())
                .contains("sample1", "sample1.fixedplan", "sample2.newres", "sample_infeas");
        JsonNode sample1 = entry(r.json(), "sample1");
        assertThat(sample1.get("rooms").intValue()).isEqualTo(5);
        assertThat(sample1.get("stays").intValue()).isEqualTo(9);
        assertThat(sample1.get("description").asString())
                .isEqualTo("Optimize the room plan: 14 nights from 2021-02-28, 5 rooms, 9 stays, 1 locked");
        assertThat(entry(r.json(), "sample4").get("description").asString())
                .contains("53 stays", "10 locked", "2 adjacency groups");
        assertThat(entry(r.json(), "sample1.fixedplan").get("description").asString())
                .startsWith("Restrictions for the plan it carries, no optimization:");
        assertThat(entry(r.json(), "sample3.newres").get("description").asString())
                .startsWith("Will 2 new reservations fit?");
    }

    @Test
    void aDemoProblemIsThePackagedFixtureAndCanBeSubmittedAsIs() {
        Response r = get("/api/v1/demo-problems/sample1.fixedplan");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.body()).isEqualTo(Fixtures.text("sample1.fixedplan.json"));
        String id = submitOk(r.body(), "demo");
        JsonNode job = awaitFinished(id);
        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("result").get("success").booleanValue()).isTrue();
    }

    @Test
    void anUnknownDemoProblemGets404ProblemDetails() {
        for (String name : List.of("sample9", "sample1.json", "application")) {
            Response r = get("/api/v1/demo-problems/" + name);
            assertThat(r.status()).as(name).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).isEqualTo("/problems/demo-problem-not-found");
            assertThat(r.json().get("detail").asString()).contains(name);
        }
    }

    @Test
    void generateAnswersWhatTheGeneratorWritesForTheseSettings() {
        Response r = generate("{\"rooms\": 12, \"days\": 21, \"occupancy\": 0.8, \"types\": 2, \"seed\": 5}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode problem = r.json();
        assertThat(problem.get("ProblemId").asString()).isEqualTo("gen-12x21-occ80-t2-seed5");
        assertThat(problem.get("Rooms").size()).isEqualTo(12);
        assertThat(problem).isEqualTo(HotelGenerator.generate(GeneratorSettings.of(12, 21, 0.8, 2, 5)).toJson());
        // The same request, the same problem; and the service takes it.
        assertThat(generate("{\"seed\": 5, \"types\": 2, \"occupancy\": 0.8, \"days\": 21, \"rooms\": 12}").body())
                .isEqualTo(r.body());
        assertThat(awaitFinished(submitOk(r.body(), "generated")).get("status").asString()).isEqualTo("completed");
    }

    @Test
    void generateDefaultsToThreeTypesOrFewerAndSeedOne() {
        assertThat(generate("{\"rooms\": 10, \"days\": 14, \"occupancy\": 0.7}").json())
                .isEqualTo(HotelGenerator.generate(GeneratorSettings.of(10, 14, 0.7, 3, 1)).toJson());
        assertThat(generate("{\"rooms\": 2, \"days\": 14, \"occupancy\": 0.7, \"seed\": null}").json())
                .isEqualTo(HotelGenerator.generate(GeneratorSettings.of(2, 14, 0.7, 2, 1)).toJson());
    }

    @Test
    void invalidGeneratorSettingsGet422ListingEveryError() {
        Response r = generate("{\"rooms\": 601, \"days\": 0, \"occupancy\": 1.5, \"types\": 2.5, \"seed\": \"x\","
                + " \"colour\": \"blue\"}");

        assertInvalid(r);
        assertThat(paths(r)).containsExactlyInAnyOrder("colour", "rooms", "days", "occupancy", "types", "seed");

        assertThat(paths(generate("{}"))).containsExactlyInAnyOrder("rooms", "days", "occupancy");
        // The bounds themselves are accepted: only what lies beyond them is an error.
        assertThat(paths(generate("{\"rooms\": 600, \"days\": 366, \"occupancy\": 1}"))).containsExactly("days");
        assertThat(paths(generate("{\"rooms\": 0, \"days\": 365, \"occupancy\": 0}")))
                .containsExactlyInAnyOrder("rooms", "occupancy");
        assertThat(paths(generate("{\"rooms\": 4, \"days\": 7, \"occupancy\": 0.5, \"types\": 5}")))
                .containsExactly("types");
        for (String notAnObject : List.of("", "not json", "[1, 2]", "12")) {
            Response bad = generate(notAnObject);
            assertInvalid(bad);
            assertThat(paths(bad)).as(notAnObject).containsExactly("");
        }
    }

    @Test
    void generateTakesOnlyJson() {
        Response r = send(HttpRequest.newBuilder(uri("/api/v1/problems/generate")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rooms\": 5, \"days\": 7, \"occupancy\": 0.5}")));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/unsupported-media-type");
    }

    private Response generate(String body) {
        return send(HttpRequest.newBuilder(uri("/api/v1/problems/generate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertInvalid(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/invalid-generator-settings");
        r.json().get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank());
    }

    private static List<String> paths(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> paths = new ArrayList<>();
        r.json().get("errors").forEach(e -> paths.add(e.get("path").asString()));
        return paths;
    }

    private static JsonNode entry(JsonNode list, String name) {
        for (JsonNode p : list.get("problems")) {
            if (p.get("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no demo problem " + name + " in " + Json.MAPPER.writeValueAsString(list));
    }
}
