package org.bookingopt.service.job;

import java.util.Locale;

/** Where a job is in its life: queued → running → completed | failed | cancelled. */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    /** Queued or running: counts against the owner's limit of active jobs. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    /** The lower-case name the API uses. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API name such as {@code completed}, or throws {@link IllegalArgumentException}. */
    public static JobStatus fromApiName(String name) {
        for (JobStatus s : values()) {
            if (s.apiName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown job status '" + name + "': use one of queued, running, "
                + "completed, failed, cancelled");
    }
}
