package org.bookingopt.service.auth;

import java.util.Locale;

/** Why a request was not authenticated: the {@code reason} tag of {@code bookingopt.auth.failed}. */
public enum AuthFailure {
    /** No key sent. */
    MISSING("This API needs an API key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"),
    /** Something was sent that is not a key (or another scheme than Bearer). */
    MALFORMED("That is not an API key: keys look like bo_<key id>_<secret>, sent as 'Authorization: Bearer <key>' "
            + "or 'X-API-Key: <key>'"),
    /** No such key, or the secret does not match. */
    INVALID("The API key is not valid"),
    /** The right key, but revoked (only someone holding the key learns this). */
    REVOKED("The API key has been revoked");

    private final String detail;

    AuthFailure(String detail) {
        this.detail = detail;
    }

    /** What the client is told. */
    public String detail() {
        return detail;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
