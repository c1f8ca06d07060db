package org.bookingopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code serve}'s command line; the service itself is tested over HTTP (WebTestBase). */
class ServeCommandTest {

    @Test
    void rejectsAnOptionThatIsNeitherThePortNorAProperty() {
        CommandRun run = CommandRun.of("serve", "--prot=9000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option --prot=9000", "--bookingopt.*");
    }

    @Test
    void helpNamesThePortTheRoleAndThePropertyPassThrough() {
        CommandRun run = CommandRun.of("serve", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--port", "--role", "api|worker|all", "--bookingopt.jobs.workers");
    }

    @Test
    void rejectsAnUnknownRole() {
        CommandRun run = CommandRun.of("serve", "--role", "boss");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--role must be api, worker or all, not boss");
    }
}
