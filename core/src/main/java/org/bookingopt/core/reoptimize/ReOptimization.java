package org.bookingopt.core.reoptimize;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * What re-optimizing the maximum stays found (SPEC §6.2–§6.4).
 *
 * @param provenMaxStays  night → longest stay from it shown feasible, where longer than FixedMax (for
 *                        {@code StayRestrictions.derive(problem, plan, provenMaxStays)})
 * @param plans           one entry per feasible test, in test order ({@code ReOptimizedPlans})
 * @param budgetExhausted nights whose probing the budget cut short or a test left open
 *                        ({@code MaxStayBudgetExhausted})
 * @param checkNanos      wall-clock time of each (night, length) test, in test order
 * @param elapsed         the whole probing
 * @param settledBy       tests settled by each step: ejection chains, flow LP (infeasible), room model over
 *                        a window (found), room model of the whole hotel (found or proven infeasible), none
 */
public record ReOptimization(Map<Integer, Integer> provenMaxStays, List<ReOptimizedPlan> plans,
                             NavigableSet<Integer> budgetExhausted, long[] checkNanos, Duration elapsed,
                             int[] settledBy) {
    public ReOptimization {
        provenMaxStays = Map.copyOf(provenMaxStays);
        plans = List.copyOf(plans);
        budgetExhausted = java.util.Collections.unmodifiableNavigableSet(new java.util.TreeSet<>(budgetExhausted));
        checkNanos = checkNanos.clone();
        settledBy = settledBy.clone();
    }

    /** Nothing probed: re-optimization off, or no night to probe. */
    public static ReOptimization none() {
        return new ReOptimization(Map.of(), List.of(), new java.util.TreeSet<>(), new long[0], Duration.ZERO, new int[5]);
    }

    /** The number of (night, length) tests run. */
    public int checks() {
        return checkNanos.length;
    }

    /** The median time of one test, zero when none ran. */
    public Duration medianCheck() {
        if (checkNanos.length == 0) {
            return Duration.ZERO;
        }
        long[] sorted = checkNanos.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return Duration.ofNanos(sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    @Override
    public int[] settledBy() {
        return settledBy.clone();
    }

    @Override
    public long[] checkNanos() {
        return checkNanos.clone();
    }
}
