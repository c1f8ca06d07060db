package org.bookingopt.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.bookingopt.core.model.Problem;
import org.bookingopt.core.testing.Fixtures;
import org.bookingopt.core.validation.InvalidProblemException;
import org.bookingopt.core.validation.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemReaderTest {

    static List<String> fixtureInputs() {
        return Fixtures.inputs();
    }

    @ParameterizedTest
    @MethodSource("fixtureInputs")
    void everyFixtureInputIsValid(String name) {
        ParsedProblem parsed = ProblemReader.read(Fixtures.input(name));

        assertThat(parsed.problem().reservations()).isNotEmpty();
        assertThat(parsed.problem().rooms()).isNotEmpty();
    }

    @Test
    void readsTheClientsConventions() {
        Problem p = ProblemReader.read("""
                {"ProblemId": 7, "MinimumStay": 5.0, "MinimumStayByDay": {"mon": 2, "Friday": 3},
                 "Reservations": [{"Name": "a", "Arrival": "20210301", "Length": 2.0, "AssignedRoom": "None",
                                   "AdjacencyGroup": "None", "IsLocked": "TRUE", "RoomType": null}],
                 "Rooms": [{"RoomNumber": "None", "RoomType": null}]}
                """).problem();

        assertThat(p.minimumStay()).isEqualTo(5);
        assertThat(p.minimumStayByDay()).containsEntry(DayOfWeek.MONDAY, 2).containsEntry(DayOfWeek.FRIDAY, 3);
        assertThat(p.reservations().get(0).arrival()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(p.reservations().get(0).length()).isEqualTo(2);
        assertThat(p.reservations().get(0).adjacencyGroup()).isNull();
        assertThat(p.reservations().get(0).locked()).isTrue();
        assertThat(p.reservations().get(0).roomType()).isNull();
        assertThat(p.rooms().get(0).type()).isEqualTo("Default");
    }

    @Test
    void reportsEveryInvalidFieldAtOnceWithItsPath() {
        String json = """
                {"MinimumStay": 5.9, "MinimumStayByDay": {"Funday": 3, "Tue": 0},
                 "MinimumStayByDate": [{"Start": "2021-03-01", "MinimumStay": 2}],
                 "Reservations": [
                   {"Name": "ok", "Arrival": "2021-03-01", "Length": 2},
                   {"Name": "bad", "Arrival": "2021/03/01", "Length": -2},
                   {"Name": "frac", "Arrival": "2021-03-01", "Length": 1.5, "IsLocked": "yes"},
                   {"Name": "lock", "Arrival": "2021-03-01", "Length": 1, "IsLocked": true, "AssignedRoom": "9"}
                 ],
                 "Rooms": [{"RoomNumber": "1"}, {"RoomNumber": "1"}]}
                """;

        assertThatThrownBy(() -> ProblemReader.read(json))
                .isInstanceOfSatisfying(InvalidProblemException.class, e -> assertThat(e.errors())
                        .extracting(ValidationError::path)
                        .contains("ProblemId", "MinimumStay", "MinimumStayByDay.Funday", "MinimumStayByDay.Tue",
                                "MinimumStayByDate[0].End", "Reservations[1].Arrival", "Reservations[1].Length",
                                "Reservations[2].Length", "Reservations[2].IsLocked", "Reservations[3].AssignedRoom",
                                "Rooms[1].RoomNumber"));
    }

    @Test
    void explainsALengthError() {
        assertThatThrownBy(() -> ProblemReader.read("""
                {"ProblemId": "p", "Reservations": [{"Arrival": "2021-03-01", "Length": -2}],
                 "Rooms": [{"RoomNumber": "1"}]}"""))
                .isInstanceOfSatisfying(InvalidProblemException.class, e -> assertThat(e.errors())
                        .containsExactly(new ValidationError("Reservations[0].Length",
                                "must be a positive whole number of nights, got -2")));
    }

    @Test
    void checksRoomsLocksAndPinsAcrossFields() {
        String json = """
                {"ProblemId": "p", "RequestStartDate": "2021-03-02",
                 "Reservations": [
                   {"Arrival": "2021-03-02", "Length": 2, "IsLocked": true, "AssignedRoom": "9"},
                   {"Arrival": "2021-03-02", "Length": 2, "IsLocked": true},
                   {"Arrival": "2021-03-02", "Length": 2, "IsLocked": true, "AssignedRoom": "2", "RoomType": "Suite"},
                   {"Arrival": "2021-03-03", "Length": 2, "LockedForSolver": 1, "AssignedRoom": "1"},
                   {"Arrival": "2021-03-02", "Length": 2, "IsLocked": true, "AssignedRoom": "1"},
                   {"Arrival": "2021-03-01", "Length": 2, "AssignedRoom": "None"}
                 ],
                 "Rooms": [{"RoomNumber": "1"}, {"RoomNumber": "2", "RoomType": "Double"}, {"RoomNumber": "2"}]}
                """;

        assertThatThrownBy(() -> ProblemReader.read(json))
                .isInstanceOfSatisfying(InvalidProblemException.class, e -> assertThat(e.errors())
                        .extracting(ValidationError::toString)
                        .anyMatch(s -> s.startsWith("Rooms[2].RoomNumber: duplicates Rooms[1]"))
                        .anyMatch(s -> s.startsWith("Reservations[0].AssignedRoom: names no room"))
                        .anyMatch(s -> s.startsWith("Reservations[1].AssignedRoom: is required"))
                        .anyMatch(s -> s.startsWith("Reservations[2].AssignedRoom: room 2 is of type Double"))
                        .anyMatch(s -> s.startsWith("Reservations[4].AssignedRoom: overlaps Reservations[3]"))
                        .anyMatch(s -> s.startsWith("Reservations[5].AssignedRoom: names no room")
                                && s.contains("outside the request window")));
    }

    @Test
    void notJsonIsOneClearError() {
        assertThatThrownBy(() -> ProblemReader.read("{not json"))
                .isInstanceOfSatisfying(InvalidProblemException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).startsWith("the body is not valid JSON")));
    }

    @Test
    void unknownKeysAreIgnoredWithAWarning() {
        ParsedProblem parsed = ProblemReader.read("""
                {"ProblemId": "p", "Colour": "blue",
                 "Reservations": [{"Arrival": "2021-03-01", "Length": 1, "Mood": "happy"}],
                 "Rooms": [{"RoomNumber": 1, "View": "sea"}]}""");

        assertThat(parsed.warnings()).containsExactly("ignored unknown key Colour",
                "ignored unknown key Rooms[0].View", "ignored unknown key Reservations[0].Mood");
    }
}
