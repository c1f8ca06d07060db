package org.bookingopt.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code --name=value} options that commands starting Spring ({@code serve}, {@code keys}) pass on to it:
 * properties only, so a typo in an option is an error rather than silently ignored.
 */
final class SpringArguments {
    static final List<String> PREFIXES = List.of("--bookingopt.", "--server.", "--spring.", "--springdoc.",
            "--logging.");

    private SpringArguments() {
    }

    /** True if every argument is a property; otherwise prints which is not to {@code err}. */
    static boolean check(String command, String ownOptions, List<String> arguments, PrintWriter err) {
        for (String argument : arguments) {
            if (PREFIXES.stream().noneMatch(argument::startsWith)) {
                err.println(command + ": unknown option " + argument + "; besides " + ownOptions
                        + ", only properties are accepted: " + String.join("*, ", PREFIXES) + "*");
                return false;
            }
        }
        return true;
    }
}
