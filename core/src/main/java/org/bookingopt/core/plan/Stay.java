package org.bookingopt.core.plan;

import org.bookingopt.core.model.Reservation;

/**
 * A stay as the solvers see it: nights [arrival, departure) in epoch days, the room types it accepts
 * (indices into {@link AssignmentProblem#types()}, best first) and what pins it.
 *
 * @param index        position in the stay list (SPEC §3.1), the index {@code NonAdjacentAssignments} reports
 * @param reservation  the reservation it comes from (for a split piece: the new reservation)
 * @param allowedTypes accepted room types, best first; may name types no room has
 * @param pinnedRoom   the room it must occupy, or -1
 * @param group        index of its adjacency group (of two or more reservations), or -1
 * @param splitGroup   1-based number of the new reservation it is a piece of, or -1 (SPEC §8.2)
 */
public record Stay(int index, Reservation reservation, int arrival, int departure, int[] allowedTypes,
                   int pinnedRoom, Pin pin, int group, int splitGroup) {

    public int length() {
        return departure - arrival;
    }

    public boolean isPinned() {
        return pinnedRoom >= 0;
    }

    public boolean isTest() {
        return splitGroup >= 0;
    }

    public boolean acceptsType(int type) {
        for (int t : allowedTypes) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code other} counts as this stay's neighbour for the adjacency group (SPEC §4.5): another member of its
     * group, not a piece of the same split reservation.
     */
    public boolean isGroupPartnerOf(Stay other) {
        return group >= 0 && other.group == group && other.index != index
                && !(splitGroup >= 0 && other.splitGroup == splitGroup);
    }

    public boolean overlaps(Stay other) {
        return arrival < other.departure && other.arrival < departure;
    }

    public Stay pinnedTo(int room, Pin why) {
        return new Stay(index, reservation, arrival, departure, allowedTypes, room, why, group, splitGroup);
    }
}
