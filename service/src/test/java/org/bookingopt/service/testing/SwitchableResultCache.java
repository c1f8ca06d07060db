package org.bookingopt.service.testing;

import java.util.Optional;

import org.bookingopt.service.cache.ResultCache;

import tools.jackson.databind.node.ObjectNode;

/**
 * The application's result cache, passed by in the shared test context (tests submit the same samples again and
 * again and expect them solved), unless a test switches it on; {@link WebTestBase} switches it off and empties
 * it after each test.
 */
public final class SwitchableResultCache implements ResultCache {
    private final ResultCache cache;
    private volatile boolean on;

    public SwitchableResultCache(ResultCache cache) {
        this.cache = cache;
    }

    public void switchOn() {
        on = true;
    }

    public void reset() {
        on = false;
        cache.clear();
    }

    @Override
    public Optional<ObjectNode> find(String key) {
        return on ? cache.find(key) : Optional.empty();
    }

    @Override
    public void put(String key, ObjectNode wrapper) {
        if (on) {
            cache.put(key, wrapper);
        }
    }

    @Override
    public boolean delete(String key) {
        return cache.delete(key);
    }

    @Override
    public long clear() {
        return cache.clear();
    }
}
