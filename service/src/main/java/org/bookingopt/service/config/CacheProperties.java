package org.bookingopt.service.config;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The result cache's {@code bookingopt.cache.*} settings (defaults in {@code application.yml}).
 *
 * @param enabled           identical submissions are answered from the cache
 * @param ttl               how long a result stays in the cache
 * @param adminWithoutAuth  while authentication is off, every caller may use the cache's admin endpoints
 * @param maxEntries        embedded backend: results kept at most (the soonest to expire go first)
 */
@ConfigurationProperties("bookingopt.cache")
public record CacheProperties(Boolean enabled, Duration ttl, boolean adminWithoutAuth, int maxEntries) {
    @ConstructorBinding
    public CacheProperties {
        enabled = !Boolean.FALSE.equals(enabled);
        ttl = Objects.requireNonNullElse(ttl, Duration.ofHours(12));
        maxEntries = maxEntries > 0 ? maxEntries : 1000;
    }

    /** The cache on with its defaults (tests). */
    public CacheProperties() {
        this(true, null, false, 0);
    }
}
