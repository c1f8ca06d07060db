package org.bookingopt.service.testing;

import java.net.http.HttpRequest;

import org.bookingopt.service.auth.ApiKeys;
import org.bookingopt.service.auth.KeyRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Base of every HTTP test with authentication on: the {@link WebTestBase} service (same beans) with API keys
 * in this run's schema of the test PostgreSQL, and a meter registry to count failures in. One shared context
 * for all of them. Plain reads ({@link #get}, {@link #awaitFinished}) go with an admin key.
 */
@SpringBootTest(classes = org.bookingopt.service.BookingOptApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bookingopt.jobs.workers=1", "bookingopt.jobs.solver-threads=1",
                "bookingopt.limits.max-body=4MB", "bookingopt.auth.enabled=true",
                // here, not only below: the database decides which auto-configuration runs, before dynamic properties
                "bookingopt.database=postgres"})
public abstract class AuthWebTestBase extends WebTestBase {
    @Autowired
    protected ApiKeys keys;
    @Autowired
    protected MeterRegistry meters;
    private String readerKey;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.properties(TestPostgres.SCHEMA).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** A new key of {@code user}; its text. */
    protected String keyOf(String user, KeyRole role) {
        return keys.issue(user, role).text();
    }

    /** {@code Authorization: Bearer <key>}. */
    protected static HttpRequest.Builder bearer(HttpRequest.Builder request, String key) {
        return request.header("Authorization", "Bearer " + key);
    }

    protected Response get(String path, String key) {
        return send(bearer(HttpRequest.newBuilder(uri(path)).GET(), key));
    }

    protected Response cancel(String jobId, String key) {
        return send(bearer(HttpRequest.newBuilder(uri("/api/v1/jobs/" + jobId)).DELETE(), key));
    }

    /** Submits {@code problem} with {@code key}. */
    protected Response submitWithKey(Object problem, String key) {
        return send(bearer(submission(problem, ""), key));
    }

    @Override
    protected HttpRequest.Builder asReader(HttpRequest.Builder request) {
        if (readerKey == null) {
            readerKey = keyOf("test-reader", KeyRole.ADMIN);
        }
        return bearer(request, readerKey);
    }
}
