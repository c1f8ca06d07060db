package org.bookingopt.service.api;

import org.bookingopt.service.auth.Caller;
import org.bookingopt.service.auth.CallerFilter;
import org.bookingopt.service.config.CacheProperties;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobNotFoundException;
import org.bookingopt.service.job.JobService;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling, as the {@link CallerFilter} resolved it (an API key's holder, or with authentication off
 * the {@code X-User-ID} header), and which jobs that caller may see.
 */
public final class Callers {
    private Callers() {
    }

    /** The caller of a request to {@code /api/**}. */
    public static Caller of(HttpServletRequest request) {
        if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("no caller for " + request.getRequestURI() + ": the CallerFilter did not run");
    }

    /** The caller holds an admin key (never with authentication off). */
    public static boolean isAdmin(HttpServletRequest request) {
        return of(request).isAdmin();
    }

    /**
     * The job, if the caller may read it; another user's job is not found (404), exactly like an unknown one,
     * so job ids of others are never confirmed.
     */
    static Job readable(JobService jobs, String jobId, HttpServletRequest request) {
        Job job = jobs.get(jobId);
        if (!of(request).mayRead(job.owner())) {
            throw new JobNotFoundException(jobId);
        }
        return job;
    }

    /**
     * Whose rate-limit bucket a request draws from: the caller's, or for anonymous callers their address, so
     * that anonymous clients do not share one bucket.
     */
    static String rateLimitKey(HttpServletRequest request) {
        Caller caller = of(request);
        return !caller.authenticated() && caller.user().equals(CallerFilter.ANONYMOUS)
                ? "address:" + request.getRemoteAddr() : "user:" + caller.user();
    }

    /**
     * May the caller administer the service (the result cache's endpoints)? An admin key may; with authentication
     * off only when {@code bookingopt.cache.admin-without-auth} is set: without keys anybody could claim to be an
     * admin, so that must be chosen explicitly.
     */
    static boolean isAdmin(HttpServletRequest request, CacheProperties cache) {
        Caller caller = of(request);
        return caller.isAdmin() || (!caller.authenticated() && cache.adminWithoutAuth());
    }
}
