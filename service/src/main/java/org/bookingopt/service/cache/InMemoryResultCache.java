package org.bookingopt.service.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.node.ObjectNode;

/** The embedded backend's cache: in this process's memory, bounded, gone on restart. */
public final class InMemoryResultCache implements ResultCache {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;

    public InMemoryResultCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<ObjectNode> find(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.wrapper().deepCopy());
    }

    @Override
    public synchronized void put(String key, ObjectNode wrapper) {
        Instant now = clock.instant();
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
            while (entries.size() >= maxEntries) {
                entries.entrySet().stream().min(Comparator.comparing(e -> e.getValue().expiresAt()))
                        .ifPresent(oldest -> entries.remove(oldest.getKey()));
            }
        }
        entries.put(key, new Entry(wrapper.deepCopy(), now.plus(ttl)));
    }

    @Override
    public boolean delete(String key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized long clear() {
        long size = entries.size();
        entries.clear();
        return size;
    }

    private record Entry(ObjectNode wrapper, Instant expiresAt) {
    }
}
