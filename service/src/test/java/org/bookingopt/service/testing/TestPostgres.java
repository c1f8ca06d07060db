package org.bookingopt.service.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The machines' PostgreSQL (127.0.0.1:5432, database {@code test}, trusted local connections), shared with
 * earlier runs: every test run gets a schema of its own, which Flyway creates and migrates. The schemas of runs
 * whose process has ended are dropped when this class loads, so the shared database does not grow run by run.
 */
public final class TestPostgres {
    private static final String PREFIX = "bookingopt_test_";

    /** This run's schema. */
    public static final String SCHEMA = PREFIX + ProcessHandle.current().pid() + "_"
            + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);

    static {
        dropSchemasOfEndedRuns();
    }

    private TestPostgres() {
    }

    /** A run's schemas carry its process id; a schema whose process is gone belongs to no running test. */
    private static void dropSchemasOfEndedRuns() {
        try (Connection db = DriverManager.getConnection(url("public"), "postgres", "");
             Statement sql = db.createStatement()) {
            List<String> ended = new ArrayList<>();
            try (ResultSet schemas = sql.executeQuery(
                    "select nspname from pg_namespace where nspname like '" + PREFIX + "%'")) {
                while (schemas.next()) {
                    String name = schemas.getString(1);
                    String pid = name.substring(PREFIX.length()).split("_")[0];
                    if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                        ended.add(name);
                    }
                }
            }
            for (String name : ended) {
                sql.execute("drop schema if exists \"" + name + "\" cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database at " + url("public"), e);
        }
    }

    /** The JDBC URL of the test database with {@code schema} as the current schema. */
    public static String url(String schema) {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
    }

    private static final Map<String, HikariDataSource> MIGRATED = new java.util.HashMap<>();

    /** A pool on this run's {@link #SCHEMA}; see {@link #dataSource(String)}. */
    public static DataSource dataSource() {
        return dataSource(SCHEMA);
    }

    /**
     * A pool on {@code schema} (created if missing), migrated by Flyway with the application's migrations, for
     * tests without Spring; closed when the JVM exits. Tests whose checks span the whole table take a schema of
     * their own ({@code SCHEMA + "_name"}).
     */
    public static synchronized DataSource dataSource(String schema) {
        return MIGRATED.computeIfAbsent(schema, s -> {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(url(s));
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(4);
            Flyway.configure().dataSource(pool).schemas(s).locations("classpath:db/migration").load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "test-postgres-pool"));
            return pool;
        });
    }

    /** Spring properties that point the service at {@code schema} of the test database. */
    public static Map<String, String> properties(String schema) {
        return Map.of("bookingopt.database", "postgres",
                "spring.datasource.url", url(schema),
                "spring.datasource.username", "postgres",
                "spring.flyway.schemas", schema);
    }
}
