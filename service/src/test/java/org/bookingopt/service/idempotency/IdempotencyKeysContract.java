package org.bookingopt.service.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyKeys} does; each implementation's test extends this. */
public abstract class IdempotencyKeysContract {
    protected static final Duration PENDING = Duration.ofMinutes(1);
    protected IdempotencyKeys keys;

    protected abstract IdempotencyKeys newKeys();

    /** Lets every TTL given so far run out. */
    protected abstract void expire();

    @BeforeEach
    void setUp() {
        keys = newKeys();
    }

    @Test
    void theFirstClaimWinsAndLaterOnesSeeItPending() {
        assertThat(keys.claim("k", "r1", PENDING)).isNull();

        assertThat(keys.claim("k", "r1", PENDING)).isEqualTo("pending r1");
        assertThat(keys.claim("k", "r2", PENDING)).isEqualTo("pending r1");
        assertThat(keys.claim("other", "r1", PENDING)).isNull();
    }

    @Test
    void aCompletedKeyNamesItsJob() {
        keys.claim("k", "r1", PENDING);

        keys.complete("k", "r1", "job-1", Duration.ofHours(1));

        assertThat(keys.claim("k", "r1", PENDING)).isEqualTo("done r1 job-1");
    }

    @Test
    void releaseFreesTheKeyOnlyWhileItHasThatValue() {
        keys.claim("k", "r1", PENDING);
        keys.complete("k", "r1", "job-1", Duration.ofHours(1));

        keys.release("k", "pending r1");
        assertThat(keys.claim("k", "r1", PENDING)).as("completed meanwhile: kept").isEqualTo("done r1 job-1");

        keys.release("k", "done r1 job-1");
        assertThat(keys.claim("k", "r2", PENDING)).isNull();
    }

    @Test
    void aClaimThatWasNeverCompletedFreesItselfAfterItsTtl() {
        keys.claim("k", "r1", PENDING);

        expire();

        assertThat(keys.claim("k", "r2", PENDING)).isNull();
    }
}
