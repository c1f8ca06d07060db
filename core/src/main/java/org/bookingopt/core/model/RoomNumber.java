package org.bookingopt.core.model;

/**
 * A room number as sent: clients use both strings and numbers. {@code 1} and {@code "1"} are different
 * room numbers (SPEC §2.2: the comparison is exact), so the JSON kind is part of the identity.
 *
 * @param text    the number as text, {@code "12"} for both {@code 12} and {@code "12"}
 * @param numeric whether the client sent a JSON number
 */
public record RoomNumber(String text, boolean numeric) {
    public static RoomNumber of(String text) {
        return new RoomNumber(text, false);
    }

    @Override
    public String toString() {
        return text;
    }
}
