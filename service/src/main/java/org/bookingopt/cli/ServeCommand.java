package org.bookingopt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.bookingopt.service.BookingOptApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code bookingopt serve}: the job service (Spring Boot), until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the HTTP job service: POST /api/v1/optimize, GET /api/v1/jobs/{id}, docs at /docs.",
                "Any --spring.* or --bookingopt.* option is passed to the service, "
                        + "e.g. --bookingopt.jobs.workers=2."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "HTTP port (default 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--role", paramLabel = "api|worker|all",
            description = "api: HTTP only; worker: solves jobs, no HTTP; all: both (default). "
                    + "api and worker need --bookingopt.backend=redis.")
    String role;

    @Unmatched
    List<String> properties = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (!SpringArguments.check("serve", "--port and --role", properties, spec.commandLine().getErr())) {
            return ExitCodes.USAGE;
        }
        List<String> args = new ArrayList<>(properties);
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (role != null) {
            if (!List.of("api", "worker", "all").contains(role)) {
                spec.commandLine().getErr().println("serve: --role must be api, worker or all, not " + role);
                return ExitCodes.USAGE;
            }
            args.add("--bookingopt.role=" + role);
        }
        SpringApplication application = new SpringApplication(BookingOptApplication.class);
        application.setMainApplicationClass(BookingOptApplication.class); // for the log, not this command
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await(); // the shutdown hook closes the context on SIGTERM
        }
        return 0;
    }
}
