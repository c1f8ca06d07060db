package org.bookingopt.service.testing;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The machines' PostgreSQL (127.0.0.1:5432, database {@code test}, trusted local connections), shared with
 * earlier runs: every test run gets a schema of its own, which Flyway creates and migrates.
 */
public final class TestPostgres {
    /** This run's schema. */
    public static final String SCHEMA = "bookingopt_test_" + ProcessHandle.current().pid() + "_"
            + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);

    private TestPostgres() {
    }

    /** The JDBC URL of the test database with {@code schema} as the current schema. */
    public static String url(String schema) {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
    }

    /** Spring properties that point the service at {@code schema} of the test database. */
    public static Map<String, String> properties(String schema) {
        return Map.of("bookingopt.database", "postgres",
                "spring.datasource.url", url(schema),
                "spring.datasource.username", "postgres",
                "spring.flyway.schemas", schema);
    }
}
