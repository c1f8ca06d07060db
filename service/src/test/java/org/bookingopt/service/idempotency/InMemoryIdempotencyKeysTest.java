package org.bookingopt.service.idempotency;

import java.time.Duration;

import org.bookingopt.service.testing.MutableClock;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {
    private final MutableClock clock = new MutableClock();

    @Override
    protected IdempotencyKeys newKeys() {
        return new InMemoryIdempotencyKeys(clock);
    }

    @Override
    protected void expire() {
        clock.advance(Duration.ofDays(1));
    }
}
