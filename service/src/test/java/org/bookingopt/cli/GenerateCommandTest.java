package org.bookingopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @Test
    void writesTheProblemToTheFileAndTheSummaryToStandardOutput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/hotel.json");
        CommandRun run = CommandRun.of("generate", "--rooms", "20", "--days", "30", "--occupancy", "0.8",
                "--types", "2", "--seed", "3", "--min-stay", "4", "--current-plan", "--new-reservations", "3",
                "-o", file.toString());
        assertThat(run.exitCode()).isZero();
        Problem problem = ProblemReader.read(Files.readString(file)).problem();
        assertThat(problem.rooms()).hasSize(20);
        assertThat(problem.minimumStay()).isEqualTo(4);
        assertThat(problem.newReservations()).hasSize(3);
        AssignmentProblem assignment = AssignmentProblem.standard(problem);
        assertThat(PlanChecker.violations(assignment, assignment.currentPlan())).isEmpty();
        assertThat(run.out()).contains("20 rooms x 30 nights").contains("80.0% occupancy")
                .contains("written to " + file);
    }

    @Test
    void withoutAFileTheJsonGoesToStandardOutputAndTheSummaryToStandardError() {
        CommandRun run = CommandRun.of("generate", "--rooms", "5", "--days", "14", "--types", "1", "--seed", "9");
        assertThat(run.exitCode()).isZero();
        Problem problem = ProblemReader.read(run.out()).problem();
        assertThat(problem.problemId()).isEqualTo("gen-5x14-occ85-t1-seed9");
        assertThat(run.err()).contains("5 rooms x 14 nights");
    }

    @Test
    void impossibleSettingsAreAUsageError() {
        CommandRun run = CommandRun.of("generate", "--rooms", "2", "--types", "3", "--occupancy", "1.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("types must be from 1 to the number of rooms")
                .contains("occupancy must be above 0");
        assertThat(run.out()).isEmpty();
    }
}
