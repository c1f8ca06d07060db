package org.bookingopt.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key as its holder sends it: {@code bo_<key id>_<secret>}, the key id 12 hex digits (48 random bits,
 * not secret), the secret 256 random bits in base64url. Only {@link #hash} of the whole text is stored.
 * <p>
 * A fast hash is enough here: slow password hashes (bcrypt, Argon2) protect guessable passwords against
 * someone who stole the table, but no one can search 2^256 secrets for one that matches a SHA-256; a slow
 * hash would only slow down every request.
 */
public final class ApiKeyText {
    /** Longer texts are not keys; they are not even hashed. */
    static final int MAX_LENGTH = 100;
    private static final Pattern FORM = Pattern.compile("bo_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyText() {
    }

    /** A new key id and key text. */
    static Issued generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        return new Issued(keyId, "bo_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key id of a text in the form of a key, or empty if it is not one. */
    static Optional<String> keyIdOf(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        var matcher = FORM.matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** SHA-256 of the key text. */
    static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Compares hashes in time independent of where they differ. */
    static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** A key just made: its id, and its text, which is shown once and never stored. */
    record Issued(String keyId, String text) {
    }
}
