package org.bookingopt.core.plan;

import java.util.Arrays;

/** A plan: the room (index into {@link AssignmentProblem#rooms()}) of every stay, by stay index. */
public record RoomPlan(int[] roomOfStay) {
    public RoomPlan {
        roomOfStay = roomOfStay.clone();
    }

    /** A copy: plans are values, a caller must not change this one by accident. */
    @Override
    public int[] roomOfStay() {
        return roomOfStay.clone();
    }

    public int room(int stay) {
        return roomOfStay[stay];
    }

    public int size() {
        return roomOfStay.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoomPlan p && Arrays.equals(roomOfStay, p.roomOfStay);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(roomOfStay);
    }

    @Override
    public String toString() {
        return Arrays.toString(roomOfStay);
    }
}
