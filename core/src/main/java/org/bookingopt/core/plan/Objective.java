package org.bookingopt.core.plan;

/**
 * A plan's cost under SPEC §4.3 "Our objective", by term.
 *
 * @param gaps         sum of interior gap costs
 * @param adjacency    100·2^M per unsatisfied adjacency-group member
 * @param splits       room changes and downgrades of split new reservations (feasibility mode)
 * @param orphanNights free nights in interior gaps shorter than their first night's minimum stay
 */
public record Objective(double gaps, double adjacency, double splits, int orphanNights, int unsatisfiedMembers) {
    public double total() {
        return gaps + adjacency + splits;
    }
}
