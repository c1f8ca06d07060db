package org.bookingopt.core.model;

/**
 * An adjacency-group label. Clients send any JSON value; {@code 0} and {@code "0"} are different labels,
 * so the JSON kind is part of the identity, while {@link #key()} is how the label appears as a JSON key.
 *
 * @param key   the label as text, used as the key of {@code NonAdjacentAssignments}
 * @param value the raw value, echoed in plans
 */
public record GroupLabel(String key, Object value) {
    @Override
    public boolean equals(Object o) {
        return o instanceof GroupLabel other && key.equals(other.key)
                && (value instanceof String) == (other.value instanceof String);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + (value instanceof String ? 1 : 0);
    }
}
