package org.bookingopt.service.api;

import org.bookingopt.service.limits.RateLimit;
import org.bookingopt.service.limits.RateLimiter;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Holds submissions ({@code POST /api/v1/optimize}) and reads of jobs ({@code GET /api/v1/jobs...}) to the
 * caller's rate limits before the controller runs; over the limit, {@link org.bookingopt.service.limits.RateLimitedException}
 * becomes a 429 in the {@link ApiExceptionHandler}. {@link WebConfig} registers it for those paths.
 */
@Component
public class RateLimitInterceptor implements HandlerInterceptor {
    private final RateLimiter limiter;

    public RateLimitInterceptor(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true; // the second dispatch of an event stream is the same request
        }
        if (HttpMethod.POST.matches(request.getMethod()) && request.getRequestURI().equals("/api/v1/optimize")) {
            limiter.check(RateLimit.SUBMISSIONS, Callers.rateLimitKey(request));
        } else if (HttpMethod.GET.matches(request.getMethod())) {
            limiter.check(RateLimit.POLLING, Callers.rateLimitKey(request));
        }
        return true;
    }
}
