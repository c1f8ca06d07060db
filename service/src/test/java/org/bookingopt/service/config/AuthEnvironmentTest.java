package org.bookingopt.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AuthEnvironmentTest {

    @Test
    void theEmbeddedDefaultHasAuthenticationOff() {
        assertThat(enabled(Map.of())).isEqualTo("false");
        assertThat(enabled(Map.of("bookingopt.role", "all", "bookingopt.backend", "embedded"))).isEqualTo("false");
    }

    @Test
    void anApiNodeAndAnythingOnRedisHaveAuthenticationOn() {
        assertThat(enabled(Map.of("bookingopt.role", "api", "bookingopt.backend", "redis"))).isEqualTo("true");
        assertThat(enabled(Map.of("bookingopt.backend", "redis"))).isEqualTo("true");
        assertThat(enabled(Map.of("bookingopt.role", " API "))).isEqualTo("true");
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(enabled(Map.of("bookingopt.role", "api", "bookingopt.auth.enabled", "false"))).isEqualTo("false");
        assertThat(enabled(Map.of("bookingopt.auth.enabled", "true"))).isEqualTo("true");
    }

    private static String enabled(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new AuthEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("bookingopt.auth.enabled");
    }
}
