package org.bookingopt.service.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without {@code bookingopt.database=postgres} (the embedded default) the service has no database: this turns
 * off Spring Boot's DataSource and Flyway auto-configuration, which would otherwise fail for want of a URL.
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String DATABASE = "bookingopt.database";
    private static final String EXCLUDED = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!usesPostgres(environment.getProperty(DATABASE, "none"))) {
            String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
            environment.getPropertySources().addFirst(new MapPropertySource("bookingopt-no-database",
                    Map.of("spring.autoconfigure.exclude", excluded.isBlank() ? EXCLUDED : excluded + "," + EXCLUDED)));
        }
    }

    /** The service is configured with a database (the keys command needs it). */
    public static boolean usesPostgres(Environment environment) {
        return usesPostgres(environment.getProperty(DATABASE, "none"));
    }

    static boolean usesPostgres(String database) {
        return "postgres".equalsIgnoreCase(database.strip());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
    }
}
