package org.bookingopt.service.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API keys in PostgreSQL (table {@code api_keys}, migration V2): issue, check, revoke, list. Only the
 * SHA-256 of a key is stored (see {@link ApiKeyText} for why no slow hash); a presented key is found by its
 * key id and compared by hash in constant time.
 */
public class ApiKeys {
    /** A key's last use is written at most this often, so a busy client does not write on every poll. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes a key for {@code userName}; its text is in the answer only. */
    public NewKey issue(String userName, KeyRole role) {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("a key needs a user name");
        }
        ApiKeyText.Issued issued = ApiKeyText.generate();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO api_keys (key_id, key_hash, user_name, role, created_at) VALUES (?, ?, ?, ?, ?)",
                issued.keyId(), ApiKeyText.hash(issued.text()), userName.strip(), role.apiName(),
                Timestamp.from(now));
        return new NewKey(new ApiKey(issued.keyId(), userName.strip(), role, now, null, null), issued.text());
    }

    /** What a presented key text proves: a valid key, or why not. */
    public Check check(String text) {
        Optional<String> keyId = ApiKeyText.keyIdOf(text);
        if (keyId.isEmpty()) {
            return new Check.Refused(AuthFailure.MALFORMED, null);
        }
        List<Stored> found = jdbc.query("SELECT key_id, key_hash, user_name, role, created_at, revoked_at, "
                + "last_used_at FROM api_keys WHERE key_id = ?", (rs, n) -> new Stored(key(rs),
                rs.getBytes("key_hash")), keyId.get());
        if (found.isEmpty() || !ApiKeyText.sameHash(found.getFirst().hash(), ApiKeyText.hash(text))) {
            return new Check.Refused(AuthFailure.INVALID, keyId.get());
        }
        ApiKey key = found.getFirst().key();
        if (key.isRevoked()) {
            return new Check.Refused(AuthFailure.REVOKED, key.keyId());
        }
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            jdbc.update("UPDATE api_keys SET last_used_at = ? WHERE key_id = ?", Timestamp.from(now), key.keyId());
        }
        return new Check.Valid(key);
    }

    /** Revokes the key from now on; empty if there is no such key, the key as it was if it was already revoked. */
    public Optional<ApiKey> revoke(String keyId) {
        jdbc.update("UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), keyId);
        return find(keyId);
    }

    public Optional<ApiKey> find(String keyId) {
        return jdbc.query("SELECT * FROM api_keys WHERE key_id = ?", (rs, n) -> key(rs), keyId).stream().findFirst();
    }

    /** Every key, oldest first, without secrets (there are none to show). */
    public List<ApiKey> list() {
        return jdbc.query("SELECT * FROM api_keys ORDER BY created_at, key_id", (rs, n) -> key(rs));
    }

    /** Keys that are not revoked. */
    public int activeCount() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE revoked_at IS NULL", Integer.class);
        return count == null ? 0 : count;
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("key_id"), rs.getString("user_name"), KeyRole.fromApiName(rs.getString("role")),
                instant(rs, "created_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private record Stored(ApiKey key, byte[] hash) {
    }

    /** A key just issued, with its text: shown once, never stored. */
    public record NewKey(ApiKey key, String text) {
    }

    /** The answer of {@link #check}. */
    public sealed interface Check {
        record Valid(ApiKey key) implements Check {
        }

        /** @param keyId the key id the text names, if it names one (for the log; not secret) */
        record Refused(AuthFailure reason, String keyId) implements Check {
        }
    }
}
