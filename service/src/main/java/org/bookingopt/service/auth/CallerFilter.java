package org.bookingopt.service.auth;

import java.io.IOException;
import java.net.URI;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.api.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves the {@link Caller} of every request to {@code /api/**} and puts it in the request attribute
 * {@link Caller#ATTRIBUTE}, where the controllers read it. With authentication on, the caller is the holder of
 * the API key sent as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}; without a valid key
 * the answer is 401 problem+json with {@code WWW-Authenticate: Bearer}, logged (with the key id at most,
 * never the key) and counted as {@code bookingopt.auth.failed{reason}} when there is a MeterRegistry.
 * With authentication off, the {@code X-User-ID} header is trusted. Everything outside {@code /api/} (health,
 * docs, the web app, metrics) is open.
 */
public class CallerFilter extends OncePerRequestFilter {
    public static final String USER_HEADER = "X-User-ID";
    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String ANONYMOUS = "anonymous";
    private static final Logger log = LoggerFactory.getLogger(CallerFilter.class);
    private static final String BEARER = "Bearer ";
    private static final String CHALLENGE = "Bearer realm=\"bookingopt\"";

    /** Null with authentication off. */
    private final ApiKeys keys;
    private final ObjectProvider<MeterRegistry> meters;

    private CallerFilter(ApiKeys keys, ObjectProvider<MeterRegistry> meters) {
        this.keys = keys;
        this.meters = meters;
    }

    /** Authentication on: every API request needs a valid key. */
    public static CallerFilter authenticating(ApiKeys keys, ObjectProvider<MeterRegistry> meters) {
        return new CallerFilter(keys, meters);
    }

    /** Authentication off: the caller is whoever {@code X-User-ID} says. */
    public static CallerFilter trustingUserHeader() {
        return new CallerFilter(null, null);
    }

    /** Outside {@code /api/}, judged on the path as the server maps it (decoded, normalized: no {@code //}, {@code ./}). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (keys == null) {
            String user = request.getHeader(USER_HEADER);
            request.setAttribute(Caller.ATTRIBUTE, new Caller(user == null || user.isBlank() ? ANONYMOUS : user.strip(),
                    KeyRole.USER, false));
            chain.doFilter(request, response);
            return;
        }
        String text = presentedKey(request);
        ApiKeys.Check check;
        try {
            check = text == null ? new ApiKeys.Check.Refused(AuthFailure.MISSING, null)
                    : text.isEmpty() ? new ApiKeys.Check.Refused(AuthFailure.MALFORMED, null) : keys.check(text);
        } catch (DataAccessException e) {
            log.warn("API keys cannot be checked: the database does not answer: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ProblemTypes.BACKEND_UNAVAILABLE, "Database unavailable",
                    "API keys cannot be checked just now; try again in a few seconds");
            return;
        }
        switch (check) {
            case ApiKeys.Check.Valid valid -> {
                request.setAttribute(Caller.ATTRIBUTE, new Caller(valid.key().userName(), valid.key().role(), true));
                chain.doFilter(request, response);
            }
            case ApiKeys.Check.Refused refused -> refuse(request, response, refused);
        }
    }

    /**
     * The key sent as {@code Authorization: Bearer}, else as {@code X-API-Key}; null if none; empty if the
     * {@code Authorization} header has another scheme.
     */
    private static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            boolean bearer = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
            return bearer ? authorization.substring(BEARER.length()).strip() : "";
        }
        String header = request.getHeader(API_KEY_HEADER);
        return header == null || header.isBlank() ? null : header.strip();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiKeys.Check.Refused refused)
            throws IOException {
        AuthFailure reason = refused.reason();
        log.warn("Authentication failed ({}){} from {}: {} {}", reason.tag(),
                refused.keyId() == null ? "" : " for key id " + refused.keyId(), request.getRemoteAddr(),
                request.getMethod(), request.getRequestURI());
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Counter.builder("bookingopt.auth.failed").description("Requests refused for a missing or bad API key")
                    .tag("reason", reason.tag()).register(registry).increment();
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                reason == AuthFailure.MISSING ? CHALLENGE : CHALLENGE + ", error=\"invalid_token\"");
        problem(response, HttpServletResponse.SC_UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", reason.detail());
    }

    /** Answers problem+json (RFC 9457), as the ApiExceptionHandler does behind this filter. */
    private static void problem(HttpServletResponse response, int status, URI type, String title, String detail)
            throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("type", type.toString()).put("title", title)
                .put("status", status).put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.MAPPER.writeValueAsString(body));
    }
}
