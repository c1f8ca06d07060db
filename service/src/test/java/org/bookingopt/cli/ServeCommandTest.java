package org.bookingopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code serve}'s command line; the service itself is tested over HTTP (WebTestBase). */
class ServeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new BookingOptCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void rejectsAnOptionThatIsNeitherThePortNorAProperty() {
        assertThat(run("serve", "--prot=9000")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option --prot=9000", "--bookingopt.*");
    }

    @Test
    void helpNamesThePortTheRoleAndThePropertyPassThrough() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--role", "api|worker|all", "--bookingopt.jobs.workers");
    }

    @Test
    void rejectsAnUnknownRole() {
        assertThat(run("serve", "--role", "boss")).isEqualTo(2);
        assertThat(err.toString()).contains("--role must be api, worker or all, not boss");
    }
}
