package org.bookingopt.core.plan;

/** Why a stay may not move, reported as the plan row's {@code Reason} code. */
public enum Pin {
    NONE(null),
    LOCKED("locked"),
    OUTSIDE_REQUEST_WINDOW("outside request window"),
    /** Fit solve and restrictions-only runs: existing stays keep their current room. */
    KEPT("kept");

    private final String reason;

    Pin(String reason) {
        this.reason = reason;
    }

    /** The {@code Reason} code of SPEC §9.2, or {@code null} for a movable stay. */
    public String reason() {
        return reason;
    }
}
