package org.bookingopt.service.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code bookingopt.role=worker} runs no HTTP server: it sets {@code spring.main.web-application-type=none}
 * as a default (an explicit setting wins), whichever way the role was given (option, environment, file).
 */
public class RoleEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String ROLE = "bookingopt.role";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("worker".equalsIgnoreCase(environment.getProperty(ROLE, "all").strip())) {
            environment.getPropertySources().addLast(new MapPropertySource("bookingopt-worker-role",
                    Map.of("spring.main.web-application-type", "none")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
    }
}
