package org.bookingopt.cli;

import java.time.Duration;

import org.bookingopt.core.model.Problem;
import org.bookingopt.core.solver.SolverSettings;

import picocli.CommandLine.Option;

/** The solver options of the commands that run the optimizer ({@code solve}, {@code fit}). */
final class SolverOptions {
    @Option(names = "--time-limit", defaultValue = "60s", converter = DurationConverter.class,
            description = "Wall-clock limit of the whole run (default ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Option(names = "--threads", description = "Solver threads (default: cores, at most 8).")
    Integer threads;

    /** The settings for this problem: its own {@code TimeLimitSeconds} wins when shorter. */
    SolverSettings settings(Problem problem) {
        Duration limit = problem.options().timeLimit() != null && problem.options().timeLimit().compareTo(timeLimit) < 0
                ? problem.options().timeLimit() : timeLimit;
        return threads == null ? SolverSettings.defaults().withTimeLimit(limit) : new SolverSettings(limit, threads);
    }
}
