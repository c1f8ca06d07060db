package org.bookingopt.service.api;

import java.net.URI;

/**
 * The {@code type} URIs of our RFC 9457 problem details, one per kind of error. They are relative
 * references, documented in docs/api.md.
 */
public final class ProblemTypes {
    public static final URI INVALID_PROBLEM = of("invalid-problem");
    public static final URI INVALID_GENERATOR_SETTINGS = of("invalid-generator-settings");
    public static final URI BAD_REQUEST = of("bad-request");
    public static final URI JOB_FINISHED = of("job-finished");
    public static final URI JOB_NOT_FOUND = of("job-not-found");
    public static final URI RESULT_NOT_AVAILABLE = of("result-not-available");
    public static final URI RESULT_EXPIRED = of("result-expired");
    public static final URI DEMO_PROBLEM_NOT_FOUND = of("demo-problem-not-found");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI BODY_TOO_LARGE = of("body-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI TOO_MANY_ACTIVE_JOBS = of("too-many-active-jobs");
    public static final URI RATE_LIMITED = of("rate-limited");
    public static final URI IDEMPOTENCY_KEY_IN_PROGRESS = of("idempotency-key-in-progress");
    public static final URI IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused");
    public static final URI CACHE_ENTRY_NOT_FOUND = of("cache-entry-not-found");
    public static final URI QUEUE_FULL = of("queue-full");
    public static final URI SHUTTING_DOWN = of("shutting-down");
    public static final URI BACKEND_UNAVAILABLE = of("backend-unavailable");
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    /** The type of an error the framework raised, by its status. */
    public static URI forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }

    private static URI of(String kind) {
        return URI.create("/problems/" + kind);
    }
}
