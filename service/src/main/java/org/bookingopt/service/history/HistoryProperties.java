package org.bookingopt.service.history;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bookingopt.history.*}: the job history in PostgreSQL ({@code bookingopt.database=postgres}); defaults
 * in {@code application.yml}, documented in docs/history.md.
 *
 * @param retention      a finished job's result JSON is kept this long, then deleted (the row stays)
 * @param purgeEvery     how often results past the retention are deleted
 * @param reconcileAfter an unfinished row the job store does not know this long after its submission is
 *                       queued again (its submission stopped between the row and the queue)
 * @param reconcileEvery how often the reconciler looks
 */
@ConfigurationProperties("bookingopt.history")
public record HistoryProperties(Duration retention, Duration purgeEvery, Duration reconcileAfter,
                                Duration reconcileEvery) {
    public HistoryProperties {
        retention = Objects.requireNonNullElse(retention, Duration.ofDays(90));
        purgeEvery = Objects.requireNonNullElse(purgeEvery, Duration.ofHours(1));
        reconcileAfter = Objects.requireNonNullElse(reconcileAfter, Duration.ofMinutes(1));
        reconcileEvery = Objects.requireNonNullElse(reconcileEvery, Duration.ofSeconds(30));
    }
}
