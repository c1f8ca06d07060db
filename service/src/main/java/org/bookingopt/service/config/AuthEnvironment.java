package org.bookingopt.service.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The default of {@code bookingopt.auth.enabled} when no one set it: off for the embedded default (role
 * {@code all} with backend {@code embedded}: one process for a first try), on for everything that is meant to
 * be shared (role {@code api}, or any role on the redis backend). An explicit setting always wins.
 */
public class AuthEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String ENABLED = "bookingopt.auth.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("bookingopt-auth-default",
                Map.of(ENABLED, Boolean.toString(!isEmbeddedDefault(environment)))));
    }

    static boolean isEmbeddedDefault(ConfigurableEnvironment environment) {
        return "all".equalsIgnoreCase(environment.getProperty(RoleEnvironment.ROLE, "all").strip())
                && "embedded".equalsIgnoreCase(environment.getProperty("bookingopt.backend", "embedded").strip());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
    }
}
