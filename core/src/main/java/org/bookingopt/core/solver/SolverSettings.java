package org.bookingopt.core.solver;

import java.time.Duration;

/**
 * How long and with how many threads to solve.
 *
 * @param timeLimit wall-clock limit of the solve
 * @param threads   threads every underlying solver may use (always passed explicitly)
 */
public record SolverSettings(Duration timeLimit, int threads) {
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    public SolverSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static SolverSettings defaults() {
        return new SolverSettings(DEFAULT_TIME_LIMIT, Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8)));
    }

    public SolverSettings withTimeLimit(Duration limit) {
        return new SolverSettings(limit, threads);
    }
}
