package org.bookingopt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one jar's main: {@code serve} starts the Spring Boot service; every other subcommand runs the core
 * directly, without Spring.
 */
@Command(name = "bookingopt", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Plans hotel rooms: assigns reservations to rooms and derives stay restrictions.",
        subcommands = {
                SolveCommand.class,
                ScoreCommand.class,
                GenerateCommand.class,
                FitCommand.class,
                ServeCommand.class,
                KeysCommand.class,
        })
public final class BookingOptCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BookingOptCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
