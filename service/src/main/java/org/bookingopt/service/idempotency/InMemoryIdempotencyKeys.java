package org.bookingopt.service.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded backend's keys: in this process's memory, gone on restart. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {
    /** Beyond this many keys, expired ones are swept out. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryIdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String claim(String key, String request, Duration pendingTtl) {
        Instant now = clock.instant();
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(e -> e.expiredAt(now));
        }
        Entry claimed = new Entry(IdempotencyKeys.pending(request), now.plus(pendingTtl));
        Entry entry = entries.compute(key, (k, old) -> old == null || old.expiredAt(now) ? claimed : old);
        return entry == claimed ? null : entry.value();
    }

    @Override
    public void complete(String key, String request, String jobId, Duration ttl) {
        entries.put(key, new Entry(IdempotencyKeys.done(request, jobId), clock.instant().plus(ttl)));
    }

    @Override
    public void release(String key, String value) {
        entries.computeIfPresent(key, (k, old) -> old.value().equals(value) ? null : old);
    }

    private record Entry(String value, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
