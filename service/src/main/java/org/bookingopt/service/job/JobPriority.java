package org.bookingopt.service.job;

import java.util.Locale;

/** {@code ?priority=} on submit: waiting high jobs are served before normal ones, normal before low. */
public enum JobPriority {
    HIGH, NORMAL, LOW;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code high}, {@code normal} or {@code low}; null means normal. */
    public static JobPriority fromApiName(String name) {
        if (name == null) {
            return NORMAL;
        }
        for (JobPriority p : values()) {
            if (p.apiName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown priority '" + name + "': use high, normal or low");
    }
}
