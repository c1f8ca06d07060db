package org.bookingopt.service.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.service.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryResultCacheTest extends ResultCacheContract {
    private final MutableClock clock = new MutableClock();

    @Override
    protected ResultCache newCache() {
        return new InMemoryResultCache(clock, Duration.ofMinutes(1), 3);
    }

    @Override
    protected void expire() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void whenFullTheEntryThatExpiresFirstMakesRoom() {
        cache.put("oldest", wrapper("a"));
        clock.advance(Duration.ofSeconds(1));
        cache.put("k2", wrapper("b"));
        cache.put("k3", wrapper("c"));

        cache.put("k4", wrapper("d"));

        assertThat(cache.find("oldest")).isEmpty();
        assertThat(cache.find("k2")).isPresent();
        assertThat(cache.find("k4")).isPresent();
    }
}
