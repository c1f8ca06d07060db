package org.bookingopt.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bookingopt.service.auth.ApiKey;
import org.bookingopt.service.auth.ApiKeys;
import org.bookingopt.service.auth.KeyRole;
import org.bookingopt.service.config.DatabaseEnvironment;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code bookingopt keys create|list|revoke}: the service's API keys, in its PostgreSQL (the same settings as
 * {@code serve}: {@code bookingopt.database=postgres}, {@code spring.datasource.*}, from options, environment
 * or configuration file). Starts Spring without a web server, with only the database, migrated by Flyway.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Makes, lists and revokes the API keys of the HTTP service (stored in its PostgreSQL).",
                "Any --spring.* or --bookingopt.* option is passed on, e.g. --spring.datasource.url=jdbc:…"},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Makes a key and prints it on stdout, once: only its hash is stored.")
    static final class Create extends DatabaseCommand {
        @Option(names = "--user", required = true, description = "Whose key: the owner of the jobs it submits.")
        String user;

        @Option(names = "--role", defaultValue = "user", paramLabel = "user|admin",
                description = "admin may read and cancel every job (default: ${DEFAULT-VALUE}).")
        String role;

        @Override
        String ownOptions() {
            return "--user and --role";
        }

        @Override
        Optional<Integer> checkOptions(PrintWriter err) {
            try {
                KeyRole.fromApiName(role);
                return user.isBlank() ? usage(err, "--user must not be blank") : Optional.empty();
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
        }

        @Override
        int run(ApiKeys keys, PrintWriter out, PrintWriter err) {
            ApiKeys.NewKey made = keys.issue(user, KeyRole.fromApiName(role));
            out.println(made.text());
            err.println("Key " + made.key().keyId() + " for user " + made.key().userName() + " (role "
                    + made.key().role().apiName() + "): shown this once, keep it now; revoke it with "
                    + "'bookingopt keys revoke " + made.key().keyId() + "'");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists every key (id, user, role, created, last used, revoked), no secrets.")
    static final class ListKeys extends DatabaseCommand {
        @Override
        int run(ApiKeys keys, PrintWriter out, PrintWriter err) {
            String format = "%-12s  %-20s  %-5s  %-20s  %-20s  %s%n";
            out.printf(format, "KEY ID", "USER", "ROLE", "CREATED", "LAST USED", "REVOKED");
            for (ApiKey key : keys.list()) {
                out.printf(format, key.keyId(), key.userName(), key.role().apiName(), time(key.createdAt()),
                        time(key.lastUsedAt()), time(key.revokedAt()));
            }
            return 0;
        }

        private static String time(Instant instant) {
            return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a key at once: its requests get 401 from then on.")
    static final class Revoke extends DatabaseCommand {
        @Parameters(paramLabel = "KEY_ID", description = "The key id, as 'keys create' and 'keys list' show it.")
        String keyId;

        @Override
        int run(ApiKeys keys, PrintWriter out, PrintWriter err) {
            Optional<ApiKey> revoked = keys.revoke(keyId.strip());
            if (revoked.isEmpty()) {
                err.println("keys revoke: there is no key with id " + keyId + " (see 'bookingopt keys list')");
                return ExitCodes.NOT_FOUND;
            }
            out.println("Key " + keyId + " of user " + revoked.get().userName() + " is revoked (since "
                    + revoked.get().revokedAt() + ")");
            return 0;
        }
    }

    /** A subcommand that works on the keys in the database: starts Spring with the database only. */
    abstract static class DatabaseCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> properties = new ArrayList<>();

        /** The options besides properties, for the message about an unknown one. */
        String ownOptions() {
            return "its options";
        }

        /** A usage error's exit code, if an option is wrong. */
        Optional<Integer> checkOptions(PrintWriter err) {
            return Optional.empty();
        }

        abstract int run(ApiKeys keys, PrintWriter out, PrintWriter err);

        static Optional<Integer> usage(PrintWriter err, String message) {
            err.println(message);
            return Optional.of(ExitCodes.USAGE);
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String name = "keys " + spec.name();
            if (!SpringArguments.check(name, ownOptions(), properties, err)) {
                return ExitCodes.USAGE;
            }
            Optional<Integer> wrong = checkOptions(err);
            if (wrong.isPresent()) {
                return wrong.get();
            }
            try (ConfigurableApplicationContext context = KeysDatabase.start(properties)) {
                return run(context.getBean(ApiKeys.class), spec.commandLine().getOut(), err);
            } catch (KeysDatabase.NotConfigured e) {
                err.println(name + ": " + e.getMessage());
                return ExitCodes.CONFIG;
            } catch (RuntimeException e) {
                err.println(name + ": the database could not be used: " + rootMessage(e));
                return ExitCodes.CONFIG;
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return cause.getMessage();
        }
    }

    /**
     * The Spring context of the keys commands: the configured DataSource, Flyway and the {@link ApiKeys}. Not in
     * the service's packages, so the service's component scan never picks it up.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class})
    static class KeysDatabase {
        @Bean
        ApiKeys apiKeys(JdbcTemplate jdbc) {
            return new ApiKeys(jdbc, java.time.Clock.systemUTC());
        }

        static ConfigurableApplicationContext start(List<String> arguments) {
            SpringApplication application = new SpringApplication(KeysDatabase.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setBannerMode(Banner.Mode.OFF);
            application.setLogStartupInfo(false);
            // Only problems in the log: stdout is for the key (scripts read it). A failed start is told on stderr
            // by the command itself, in one line, rather than as Spring's stack trace.
            application.setDefaultProperties(Map.of("logging.level.root", "WARN",
                    "logging.level.org.springframework.boot.SpringApplication", "OFF",
                    "logging.level.org.springframework.boot.diagnostics", "OFF"));
            application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
                if (!DatabaseEnvironment.usesPostgres(event.getEnvironment())) {
                    throw new NotConfigured();
                }
            });
            return application.run(arguments.toArray(String[]::new));
        }

        static final class NotConfigured extends RuntimeException {
            NotConfigured() {
                super("API keys live in the service's PostgreSQL, and bookingopt.database is not postgres: pass "
                        + "--bookingopt.database=postgres and --spring.datasource.url=… (or set BOOKINGOPT_DATABASE, "
                        + "SPRING_DATASOURCE_URL, …) as for 'bookingopt serve'");
            }
        }
    }
}
