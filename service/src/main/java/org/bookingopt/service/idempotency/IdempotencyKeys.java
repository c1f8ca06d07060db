package org.bookingopt.service.idempotency;

import java.time.Duration;

/**
 * What became of each {@code Idempotency-Key}: being created, or the job it created, with the fingerprint of the
 * request that came with it. In this process's memory for the embedded backend ({@link InMemoryIdempotencyKeys}),
 * in Redis for the redis backend ({@link RedisIdempotencyKeys}). Values are {@code "pending <request>"} and
 * {@code "done <request> <job id>"}.
 */
public interface IdempotencyKeys {
    /**
     * Claims the key for the request unless it is taken: atomically, if there is no value, stores
     * {@code "pending <request>"} for {@code pendingTtl}.
     *
     * @return null if this call claimed it, else the value it has
     */
    String claim(String key, String request, Duration pendingTtl);

    /** The claimed key's request created the job: kept for {@code ttl}. */
    void complete(String key, String request, String jobId, Duration ttl);

    /** Removes the key if it still has this value (a failed creation, or a job that is gone). */
    void release(String key, String value);

    static String pending(String request) {
        return "pending " + request;
    }

    static String done(String request, String jobId) {
        return "done " + request + " " + jobId;
    }
}
