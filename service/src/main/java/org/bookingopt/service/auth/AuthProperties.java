package org.bookingopt.service.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bookingopt.auth.*}.
 *
 * @param enabled API keys on {@code /api/**}; when not set, on except in the embedded default (role {@code all},
 *                backend {@code embedded}), see {@link org.bookingopt.service.config.AuthEnvironment}
 */
@ConfigurationProperties("bookingopt.auth")
public record AuthProperties(boolean enabled) {
}
