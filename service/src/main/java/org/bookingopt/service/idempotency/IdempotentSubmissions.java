package org.bookingopt.service.idempotency;

import java.time.Duration;

import org.bookingopt.service.cache.ProblemFingerprint;
import org.bookingopt.service.config.BookingOptProperties;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobNotFoundException;
import org.bookingopt.service.job.JobPriority;
import org.bookingopt.service.job.JobService;
import org.springframework.stereotype.Service;

/**
 * Submissions with an {@code Idempotency-Key}: the first request with a key (per caller) creates the job; a retry
 * with the same key and the same request (body and priority) gets that job again, for
 * {@code bookingopt.jobs.result-ttl}. While the first is still being created a retry gets
 * {@link InProgressException} (409); the same key with another request gets {@link ReusedKeyException} (422).
 * A creation that fails (invalid problem, a limit, the queue full) frees the key for a retry.
 */
@Service
public class IdempotentSubmissions {
    /** Longest key accepted. */
    public static final int MAX_KEY_LENGTH = 255;
    /** A creation takes far less; a claim of a process that died in between frees itself after this. */
    static final Duration PENDING_TTL = Duration.ofMinutes(1);

    private final JobService jobs;
    private final IdempotencyKeys keys;
    private final Duration ttl;

    public IdempotentSubmissions(JobService jobs, IdempotencyKeys keys, BookingOptProperties properties) {
        this.jobs = jobs;
        this.keys = keys;
        this.ttl = properties.jobs().resultTtl();
    }

    /** The job created for the request, and whether an earlier request with the key created it. */
    public record Submission(Job job, boolean replayed) {
    }

    /**
     * Submits the problem, or answers the job an earlier request with the same key created.
     *
     * @param idempotencyKey the header, or null for a plain submission
     */
    public Submission submit(String problemJson, String caller, JobPriority priority, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Submission(jobs.submit(problemJson, caller, priority), false);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new InvalidKeyException();
        }
        String key = ProblemFingerprint.sha256(caller + "\n" + idempotencyKey);
        String request = ProblemFingerprint.sha256(priority.apiName() + "\n" + problemJson);
        for (int tries = 0; ; tries++) {
            String value = keys.claim(key, request, PENDING_TTL);
            if (value == null) {
                return create(key, request, problemJson, caller, priority);
            }
            String[] parts = value.split(" ");
            if (!parts[1].equals(request)) {
                throw new ReusedKeyException();
            }
            if (parts[0].equals("pending")) {
                throw new InProgressException();
            }
            try {
                return new Submission(jobs.get(parts[2]), true);
            } catch (JobNotFoundException e) {
                keys.release(key, value); // its job is gone: the key is free again
                if (tries > 0) {
                    throw e;
                }
            }
        }
    }

    private Submission create(String key, String request, String problemJson, String caller, JobPriority priority) {
        Job job;
        try {
            job = jobs.submit(problemJson, caller, priority);
        } catch (RuntimeException e) {
            keys.release(key, IdempotencyKeys.pending(request));
            throw e;
        }
        keys.complete(key, request, job.id(), ttl);
        return new Submission(job, false);
    }

    /** The key's first request is still being created. */
    public static final class InProgressException extends RuntimeException {
        InProgressException() {
            super("A request with this Idempotency-Key is still being created; retry in a moment");
        }
    }

    /** The key came before with another request (body or priority). */
    public static final class ReusedKeyException extends RuntimeException {
        ReusedKeyException() {
            super("This Idempotency-Key was used for a different request (body or priority); use a new key for a "
                    + "new request");
        }
    }

    /** The header is empty or too long. */
    public static final class InvalidKeyException extends RuntimeException {
        InvalidKeyException() {
            super("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }
}
