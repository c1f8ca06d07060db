package org.bookingopt.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DatabaseEnvironmentTest {

    @Test
    void withoutADatabaseTheDataSourceAndFlywayAreNotConfigured() {
        StandardEnvironment environment = environment(Map.of("spring.autoconfigure.exclude", "com.example.Other"));

        assertThat(environment.getProperty("spring.autoconfigure.exclude"))
                .startsWith("com.example.Other,")
                .contains("jdbc.autoconfigure.DataSourceAutoConfiguration",
                        "flyway.autoconfigure.FlywayAutoConfiguration");
    }

    @Test
    void withPostgresTheDataSourceAndFlywayAreConfigured() {
        StandardEnvironment environment = environment(Map.of("bookingopt.database", "postgres"));

        assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new DatabaseEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
