package org.bookingopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bookingopt.service.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bookingopt solve} on an infeasible problem: exit code 3, the reason and the conflicting stays. */
class SolveInfeasibleTest {
    @Test
    void printsTheReasonAndTheMinimalSetOfConflictingStays(@TempDir Path dir) throws Exception {
        Path problem = Files.writeString(dir.resolve("sample_infeas.json"), Fixtures.text("sample_infeas.json"));

        CommandRun run = CommandRun.of("solve", problem.toString(), "--time-limit", "30s");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INFEASIBLE);
        assertThat(run.out()).contains("status     INFEASIBLE")
                .contains("night 2021-03-19: 10 stays need a room of type Default")
                .contains("conflict   10 stays cannot all be seated on 2021-03-19")
                .contains("9 rooms of type Default (1, 2, 3, 4, 5, 6, 7, 8, 9); proven minimal")
                .contains("Inf (Id -1), 2021-03-15, 5 nights, type Default");
    }
}
