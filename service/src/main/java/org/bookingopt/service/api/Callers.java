package org.bookingopt.service.api;

import org.bookingopt.service.config.CacheProperties;

import jakarta.servlet.http.HttpServletRequest;

/** Who is calling: the {@code X-User-ID} header until API keys come. */
final class Callers {
    static final String HEADER = "X-User-ID";
    static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    static String of(String header) {
        return header == null || header.isBlank() ? ANONYMOUS : header.strip();
    }

    static String of(HttpServletRequest request) {
        return of(request.getHeader(HEADER));
    }

    /**
     * Whose rate-limit bucket a request draws from: the caller's, or for anonymous callers their address, so
     * that anonymous clients do not share one bucket.
     */
    static String rateLimitKey(HttpServletRequest request) {
        String caller = of(request);
        return caller.equals(ANONYMOUS) ? "address:" + request.getRemoteAddr() : "user:" + caller;
    }

    /**
     * May the caller administer the service (the result cache's endpoints)? Until API keys with roles come, only
     * when {@code bookingopt.cache.admin-without-auth} is set: without authentication anybody could claim to be
     * an admin, so that must be chosen explicitly.
     */
    static boolean isAdmin(HttpServletRequest request, CacheProperties cache) {
        return cache.adminWithoutAuth();
    }
}
