package org.bookingopt.core.model;

import java.time.Duration;

/**
 * BookingOpt-only options a problem may carry (SPEC §2.1).
 *
 * @param reoptimizeMaxStays      whether a standard run probes longer maximum stays (default true)
 * @param reoptimizeBudget        time budget of that probing, or {@code null} for "what is left"
 * @param timeLimit               wall-clock limit of the whole run, or {@code null} for the caller's default
 * @param compactReOptimizedPlans list only moved stays in {@code ReOptimizedPlans}
 */
public record RunOptions(boolean reoptimizeMaxStays, Duration reoptimizeBudget, Duration timeLimit,
                         boolean compactReOptimizedPlans) {
    public static final RunOptions DEFAULTS = new RunOptions(true, null, null, false);
}
