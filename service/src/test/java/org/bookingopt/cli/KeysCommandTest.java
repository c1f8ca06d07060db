package org.bookingopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.stream.Stream;

import org.bookingopt.service.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** {@code bookingopt keys create|list|revoke} against this run's schema of the real test PostgreSQL. */
class KeysCommandTest {
    private static final String[] DATABASE = TestPostgres.properties(TestPostgres.SCHEMA).entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);

    private static CommandRun keys(String... args) {
        return CommandRun.of(Stream.concat(Stream.concat(Stream.of("keys"), Stream.of(args)), Stream.of(DATABASE))
                .toArray(String[]::new));
    }

    @Test
    void createPrintsTheKeyOnceAndStoresOnlyItsHash() throws Exception {
        CommandRun created = keys("create", "--user", "reception", "--role", "admin");

        assertThat(created.exitCode()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).matches("bo_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        String keyId = key.substring(3, 15);
        assertThat(created.err()).contains("Key " + keyId + " for user reception (role admin)")
                .doesNotContain(key);
        try (Connection db = DriverManager.getConnection(TestPostgres.url(TestPostgres.SCHEMA), "postgres", null);
             PreparedStatement query = db.prepareStatement(
                     "SELECT key_hash, user_name, role FROM api_keys WHERE key_id = ?")) {
            query.setString(1, keyId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes(1)).isEqualTo(MessageDigest.getInstance("SHA-256")
                        .digest(key.getBytes(StandardCharsets.US_ASCII)));
                assertThat(row.getString(2)).isEqualTo("reception");
                assertThat(row.getString(3)).isEqualTo("admin");
            }
        }
    }

    @Test
    void listShowsKeysWithoutSecretsAndRevokeMarksThem() {
        String key = keys("create", "--user", "housekeeping").out().strip();
        String keyId = key.substring(3, 15);

        CommandRun listed = keys("list");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).startsWith("KEY ID").doesNotContain(key.substring(16));
        String line = listed.out().lines().filter(l -> l.startsWith(keyId)).findFirst().orElseThrow();
        assertThat(line).contains("housekeeping", "user").endsWith("-");

        CommandRun revoked = keys("revoke", keyId);
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("Key " + keyId + " of user housekeeping is revoked");
        String after = keys("list").out().lines().filter(l -> l.startsWith(keyId)).findFirst().orElseThrow();
        assertThat(after).doesNotEndWith("-").matches(".*\\d{4}-\\d{2}-\\d{2}T\\S+Z$");
    }

    @Test
    void revokingAnUnknownKeyFailsAndWrongOptionsAreUsageErrors() {
        CommandRun unknown = keys("revoke", "000000000000");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("no key with id 000000000000");

        assertThat(keys("create", "--user", "x", "--role", "owner").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(keys("create").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(keys("list", "--colour").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void withoutADatabaseKeysSayWhatToConfigure() {
        CommandRun run = CommandRun.of("keys", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("bookingopt.database is not postgres", "--bookingopt.database=postgres");
    }
}
