package org.bookingopt.service.testing;

import org.bookingopt.service.history.HistoryReconciler;
import org.bookingopt.service.history.JobHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test over HTTP with {@code bookingopt.database=postgres}: the {@link WebTestBase} context
 * plus the job history in a schema of its own, one shared Spring context for all of them. The reconciler is
 * not scheduled within a test's time: tests run it themselves.
 */
public abstract class PostgresWebTestBase extends WebTestBase {
    /** The context's schema: its reconciler looks at every row, so no other test writes there. */
    public static final String SCHEMA = TestPostgres.SCHEMA + "_web";

    @Autowired
    protected JobHistory history;
    @Autowired
    protected HistoryReconciler reconciler;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.properties(SCHEMA).forEach((name, value) -> registry.add(name, () -> value));
        // Dynamic properties arrive after DatabaseEnvironment has looked (it saw no database and excluded the
        // DataSource and Flyway): they take precedence, so this undoes that exclusion.
        registry.add("spring.autoconfigure.exclude", () -> "");
        registry.add("bookingopt.history.reconcile-every", () -> "1h");
        registry.add("bookingopt.history.purge-every", () -> "1h");
    }
}
