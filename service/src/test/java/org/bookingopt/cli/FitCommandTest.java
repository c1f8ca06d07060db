package org.bookingopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bookingopt.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class FitCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A suite and a standard room; G1 accepts either but sits in the suite, which N1 wants. */
    private static final String TWO_ROOMS = """
            {"ProblemId": "suite", "MinimumStay": 2,
             "Rooms": [{"RoomNumber": "101", "RoomType": "Suite"}, {"RoomNumber": "102", "RoomType": "Standard"}],
             "Reservations": [{"Name": "G1", "Id": 11, "Arrival": "2027-03-01", "Length": 5,
                               "AssignedRoom": "101", "AllowableRoomTypes": ["Suite", "Standard"]}],
             "NewReservations": [{"Name": "N1", "Arrival": "2027-03-02", "Length": 2, "RoomType": "Suite"}%s]}
            """;

    private int run(String... args) {
        CommandLine cli = new CommandLine(new BookingOptCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Path fixture(String name) {
        return Path.of(System.getProperty("bookingopt.shared"), "fixtures", "inputs", name + ".json");
    }

    @Test
    void aStayThatFitsShowsTheVerdictAndTheSplitNowAndAfterReoptimization(@TempDir Path dir) throws Exception {
        Path result = dir.resolve("result.json");
        int code = run("fit", fixture("sample2.newres").toString(), "--threads", "1", "-o", result.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("verdict    FITS the current plan, nobody moves")
                .containsPattern("  now      room \\S+ from 2021-02-28 \\(7 nights\\), room \\S+ from 2021-03-07 "
                        + "\\(5 nights\\): 1 room change")
                .containsPattern("  optimal  room \\S+ from 2021-02-28 \\(12 nights\\), no room change")
                .contains("optimized  OPTIMAL, cost 9.5 (splits 0)");
        assertThat(Json.MAPPER.readTree(Files.readString(result)).get("NewReservationsFitInInitialPlan")
                .booleanValue()).isTrue();
    }

    @Test
    void aStayThatNeedsMovesListsThem(@TempDir Path dir) throws Exception {
        Path problem = dir.resolve("suite.json");
        Files.writeString(problem, TWO_ROOMS.formatted(""));

        assertThat(run("fit", problem.toString(), "--threads", "1")).isEqualTo(FitCommand.NEEDS_MOVES);
        assertThat(out.toString())
                .contains("verdict    does NOT fit the current plan as it stands")
                .contains("from 2027-03-02 to 2027-03-03 N1 needs a room of type Suite")
                .contains("moves      1 (proven minimal)")
                .contains("G1 (Id 11): room 101 -> room 102");
    }

    @Test
    void quickAnswersEachNewReservationOnItsOwnWithoutReoptimizing(@TempDir Path dir) throws Exception {
        Path problem = dir.resolve("two.json");
        Files.writeString(problem, TWO_ROOMS.formatted(
                ", {\"Name\": \"N2\", \"Arrival\": \"2027-03-02\", \"Length\": 3, \"RoomType\": \"Standard\"}"));

        assertThat(run("fit", "--each", problem.toString(), "--threads", "1")).isEqualTo(FitCommand.NEEDS_MOVES);
        assertThat(out.toString())
                .containsPattern("N1 +2027-03-02 x2 .* needs 1 move \\(proven minimal\\): G1 101->102")
                .containsPattern("N2 +2027-03-02 x3 .* fits: room 102 from 2027-03-02 \\(3 nights\\), no room change")
                .contains("answers    1 fit, 1 need moves, 0 cannot be booked, 0 unknown");

        out.getBuffer().setLength(0);
        assertThat(run("fit", "--quick", problem.toString(), "--threads", "1")).isEqualTo(ExitCodes.INFEASIBLE);
        assertThat(out.toString()).contains("verdict    CANNOT be booked").contains("optimized  not computed (--quick)");
    }

    @Test
    void aStayBlockedByAFullyBookedNightCannotBeBooked() {
        assertThat(run("fit", fixture("sample2.newres_infeasible").toString())).isEqualTo(ExitCodes.INFEASIBLE);
        assertThat(out.toString()).contains("verdict    CANNOT be booked").contains("2021-03-12 is fully booked")
                .contains("conflict   6 stays cannot all be seated on 2021-03-12: 5 rooms of type Default")
                .contains("N1 (Id -1), 2021-03-12, 1 night, type Default");
    }

    @Test
    void aProblemWithoutNewReservationsIsAUsageError() {
        assertThat(run("fit", fixture("sample1").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no NewReservations to fit");
    }
}
