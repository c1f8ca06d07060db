package org.bookingopt.service.api;

/** Who is calling: the {@code X-User-ID} header until API keys come. */
final class Callers {
    static final String HEADER = "X-User-ID";
    static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    static String of(String header) {
        return header == null || header.isBlank() ? ANONYMOUS : header.strip();
    }
}
