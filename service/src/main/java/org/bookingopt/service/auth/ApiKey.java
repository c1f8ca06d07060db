package org.bookingopt.service.auth;

import java.time.Instant;

/**
 * An API key as stored, without its secret (only a hash of the key is kept).
 *
 * @param keyId      names the key in listings, logs and {@code bookingopt keys revoke}; not secret
 * @param userName   whose key it is: the owner of the jobs it submits
 * @param role       {@code user} or {@code admin}
 * @param createdAt  when it was issued
 * @param revokedAt  when it was revoked, or null while it is valid
 * @param lastUsedAt when it last authenticated a request (to the minute), or null if never
 */
public record ApiKey(String keyId, String userName, KeyRole role, Instant createdAt, Instant revokedAt,
                     Instant lastUsedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
