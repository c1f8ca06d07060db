package org.bookingopt.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.bookingopt.service.testing.AuthWebTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The API keys in PostgreSQL: only hashes stored, checked, revoked, listed. */
class ApiKeysTest extends AuthWebTestBase {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyTheSha256OfAKeyIsStored() throws Exception {
        ApiKeys.NewKey made = keys.issue("hashed", KeyRole.USER);

        byte[] stored = jdbc.queryForObject("SELECT key_hash FROM api_keys WHERE key_id = ?", byte[].class,
                made.key().keyId());
        assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(made.text().getBytes(StandardCharsets.US_ASCII)));
        String row = jdbc.queryForList("SELECT * FROM api_keys WHERE key_id = ?", made.key().keyId()).toString();
        assertThat(row).doesNotContain(made.text().substring(16));
        assertThat(made.text()).matches("bo_" + made.key().keyId() + "_[A-Za-z0-9_-]{43}");
    }

    @Test
    void aKeyProvesItsUserAndRoleAndRecordsItsLastUse() {
        ApiKeys.NewKey made = keys.issue("  frontdesk ", KeyRole.ADMIN);
        assertThat(keys.find(made.key().keyId()).orElseThrow().lastUsedAt()).isNull();

        ApiKeys.Check check = keys.check(made.text());

        assertThat(check).isInstanceOfSatisfying(ApiKeys.Check.Valid.class, valid -> {
            assertThat(valid.key().userName()).isEqualTo("frontdesk");
            assertThat(valid.key().role()).isEqualTo(KeyRole.ADMIN);
        });
        assertThat(keys.find(made.key().keyId()).orElseThrow().lastUsedAt()).isNotNull();
    }

    @Test
    void wrongMalformedAndRevokedKeysAreRefusedWithTheirReason() {
        ApiKeys.NewKey made = keys.issue("refused", KeyRole.USER);
        String other = keys.issue("refused", KeyRole.USER).text();
        String mixed = made.text().substring(0, 16) + other.substring(16); // right id, another key's secret

        assertThat(keys.check(mixed)).isEqualTo(new ApiKeys.Check.Refused(AuthFailure.INVALID, made.key().keyId()));
        assertThat(keys.check("bo_" + made.key().keyId())).isEqualTo(new ApiKeys.Check.Refused(AuthFailure.MALFORMED,
                null));
        assertThat(keys.check(made.text() + "x".repeat(200))).isEqualTo(
                new ApiKeys.Check.Refused(AuthFailure.MALFORMED, null));

        assertThat(keys.revoke(made.key().keyId()).orElseThrow().isRevoked()).isTrue();
        assertThat(keys.check(made.text())).isEqualTo(new ApiKeys.Check.Refused(AuthFailure.REVOKED,
                made.key().keyId()));
        assertThat(keys.revoke("000000000000")).isEmpty();
    }

    @Test
    void aRevokedKeyKeepsItsFirstRevocationTime() {
        ApiKeys.NewKey made = keys.issue("twice", KeyRole.USER);
        var first = keys.revoke(made.key().keyId()).orElseThrow().revokedAt();
        clock.advance(java.time.Duration.ofMinutes(5));

        assertThat(keys.revoke(made.key().keyId()).orElseThrow().revokedAt()).isEqualTo(first);
        assertThat(keys.list()).anySatisfy(key -> assertThat(key.keyId()).isEqualTo(made.key().keyId()));
    }
}
