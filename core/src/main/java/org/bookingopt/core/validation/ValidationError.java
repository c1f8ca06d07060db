package org.bookingopt.core.validation;

/**
 * One problem with the client's input.
 *
 * @param path    JSON path of the offending field, e.g. {@code Reservations[3].Length}
 * @param message a plain reason, e.g. {@code must be a positive whole number of nights, got -2}
 */
public record ValidationError(String path, String message) {
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
