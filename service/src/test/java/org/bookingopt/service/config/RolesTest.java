package org.bookingopt.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.bookingopt.service.BookingOptApplication;
import org.bookingopt.service.auth.ApiKeys;
import org.bookingopt.service.job.InMemoryJobQueue;
import org.bookingopt.service.job.InMemoryJobStore;
import org.bookingopt.service.job.JobQueue;
import org.bookingopt.service.job.JobStore;
import org.bookingopt.service.job.JobWorkers;
import org.bookingopt.service.redis.RedisJobQueue;
import org.bookingopt.service.redis.RedisJobStore;
import org.bookingopt.service.testing.TestPostgres;
import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Which beans each role and backend brings, started as {@code serve} starts the application. */
@ExtendWith(OutputCaptureExtension.class)
class RolesTest {
    private static final TestRedis redis = TestRedis.shared();

    private static ConfigurableApplicationContext start(String... properties) {
        String[] args = new String[properties.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--bookingopt.redis.key-prefix=" + redis.newPrefix();
        System.arraycopy(properties, 0, args, 2, properties.length);
        return new SpringApplication(BookingOptApplication.class).run(args);
    }

    @Test
    void theEmbeddedDefaultServesHttpAndRunsWorkersInMemory() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context).isInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBean(JobStore.class)).isInstanceOf(InMemoryJobStore.class);
            assertThat(context.getBean(JobQueue.class)).isInstanceOf(InMemoryJobQueue.class);
            assertThat(context.getBeansOfType(JobWorkers.class)).hasSize(1);
        }
    }

    @Test
    void anApiNodeServesHttpWithRedisAndRunsNoWorkers() {
        try (ConfigurableApplicationContext context = start(withPostgres("--bookingopt.role=api",
                "--bookingopt.backend=redis"))) {
            assertThat(context).isInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getEnvironment().getProperty("bookingopt.auth.enabled")).as("on by default")
                    .isEqualTo("true");
            assertThat(context.getBeansOfType(ApiKeys.class)).hasSize(1);
            assertThat(context.getBean(JobStore.class)).isInstanceOf(RedisJobStore.class);
            assertThat(context.getBean(JobQueue.class)).isInstanceOf(RedisJobQueue.class);
            assertThat(context.getBeansOfType(JobWorkers.class)).isEmpty();
        }
    }

    @Test
    void aWorkerNodeRunsWorkersWithRedisAndNoHttpServer() {
        try (ConfigurableApplicationContext context = start("--bookingopt.role=worker",
                "--bookingopt.backend=redis")) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBean(JobQueue.class)).isInstanceOf(RedisJobQueue.class);
            assertThat(context.getBeansOfType(JobWorkers.class)).hasSize(1);
        }
    }

    @Test
    void roleAllWorksWithRedisToo() {
        try (ConfigurableApplicationContext context = start("--bookingopt.backend=redis",
                "--bookingopt.auth.enabled=false")) {
            assertThat(context).isInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBean(JobStore.class)).isInstanceOf(RedisJobStore.class);
            assertThat(context.getBeansOfType(JobWorkers.class)).hasSize(1);
        }
    }

    @Test
    void theEmbeddedDefaultHasAuthenticationOffAndWarnsThatXUserIdIsTrusted(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getEnvironment().getProperty("bookingopt.auth.enabled")).isEqualTo("false");
            assertThat(context.getBeansOfType(ApiKeys.class)).isEmpty();
            assertThat(output.getOut()).containsPattern(
                    "WARN .* Authentication is off \\(bookingopt.auth.enabled=false\\): the X-User-ID header is trusted");
        }
    }

    @Test
    void anApiNodeWithoutADatabaseIsRefusedAtStartUpUnlessAuthenticationIsSwitchedOffExplicitly() {
        assertThatThrownBy(() -> start("--bookingopt.role=api", "--bookingopt.backend=redis").close())
                .hasStackTraceContaining("API keys live in PostgreSQL, but bookingopt.database is not postgres");
        try (ConfigurableApplicationContext context = start("--bookingopt.role=api", "--bookingopt.backend=redis",
                "--bookingopt.auth.enabled=false")) {
            assertThat(context.getBeansOfType(ApiKeys.class)).isEmpty();
        }
    }

    /** The properties plus this run's schema of the test database. */
    private static String[] withPostgres(String... properties) {
        return Stream.concat(Stream.of(properties), TestPostgres.properties(TestPostgres.SCHEMA).entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())).toArray(String[]::new);
    }

    @Test
    void anApiOrWorkerRoleOnTheEmbeddedBackendIsRefusedAtStartUp() {
        assertThatThrownBy(() -> start("--bookingopt.role=worker").close())
                .hasStackTraceContaining("bookingopt.role=worker needs a shared backend (bookingopt.backend=redis)");
        assertThatThrownBy(() -> start("--bookingopt.role=sideways").close())
                .hasStackTraceContaining("sideways");
    }
}
