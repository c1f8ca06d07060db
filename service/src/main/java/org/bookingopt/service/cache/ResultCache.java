package org.bookingopt.service.cache;

import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * Completed results by {@link ProblemFingerprint}, kept for {@code bookingopt.cache.ttl}: in this process's memory
 * for the embedded backend ({@link InMemoryResultCache}), in Redis for the redis backend ({@link RedisResultCache}).
 */
public interface ResultCache {
    /** The worker wrapper (SPEC §9.5) stored under the key, unless expired. */
    Optional<ObjectNode> find(String key);

    /** Stores the wrapper under the key for the cache's TTL, replacing what was there. */
    void put(String key, ObjectNode wrapper);

    /** Removes the key; false if there was no such entry. */
    boolean delete(String key);

    /** Removes every entry; returns how many. */
    long clear();
}
