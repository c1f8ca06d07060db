package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.BookingOptApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** By default (no auth yet, bookingopt.cache.admin-without-auth false) nobody may change the result cache. */
class CacheAdminForbiddenTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theCacheEndpointsAnswer403ProblemDetailsByDefault() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplication(BookingOptApplication.class).run(
                "--server.port=0", "--bookingopt.jobs.workers=1")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            for (HttpRequest.Builder request : new HttpRequest.Builder[] {
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cache/abc")).DELETE(),
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cache/clear-all"))
                            .POST(HttpRequest.BodyPublishers.noBody())}) {
                HttpResponse<String> r = HTTP.send(request.header("X-User-ID", "admin")
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(r.statusCode()).isEqualTo(403);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(Json.MAPPER.readTree(r.body()).get("type").asString()).isEqualTo("/problems/forbidden");
            }
        }
    }
}
