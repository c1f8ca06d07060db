package org.bookingopt.service.auth;

import java.util.Locale;

/** What an API key's holder may do: {@code user} works with its own jobs; {@code admin} with everyone's. */
public enum KeyRole {
    USER,
    ADMIN;

    /** The name in the database, the CLI and the docs: {@code user} or {@code admin}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeyRole fromApiName(String name) {
        for (KeyRole role : values()) {
            if (role.apiName().equalsIgnoreCase(name.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be user or admin, not '" + name + "'");
    }
}
