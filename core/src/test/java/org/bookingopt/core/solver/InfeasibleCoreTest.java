package org.bookingopt.core.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Stay;
import org.bookingopt.core.testing.Fixtures;
import org.bookingopt.core.testing.TinyProblems;
import org.bookingopt.core.validation.InvalidProblemException;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An infeasible problem's core is truly infeasible (its stays alone, with the pins it names, have no plan)
 * and, when it says so, minimal (without any one stay, or with any one pin released, they have one). Both are
 * checked by an exhaustive search independent of the CP-SAT model.
 */
class InfeasibleCoreTest {
    private static final Duration BUDGET = Duration.ofSeconds(10);

    @Test
    void sampleInfeasCoreIsTheTenStaysOfItsFullNightAndMinimal() {
        AssignmentProblem problem = standard(Fixtures.input("sample_infeas"));

        InfeasibleCore core = CoreFinder.find(problem, BUDGET, Cancellation.none()).orElseThrow();

        assertThat(core.minimal()).isTrue();
        assertThat(core.members()).hasSize(problem.roomCount() + 1);
        assertThat(core.members()).extracting(m -> m.stay().reservation().name()).contains("Inf");
        assertThat(core.nights()).contains((int) LocalDate.parse("2021-03-19").toEpochDay());
        assertTrulyInfeasibleAndMinimal(problem, core);
    }

    @Test
    void aStayBetweenTwoLocksOnDifferentNightsIsACoreOfThreeWithBothLocks() {
        // Every night on its own has a room for the guest (101 on the 3rd, 102 on the 1st), but no one room
        // is free for all three nights.
        AssignmentProblem problem = standard("""
                {"ProblemId": "locks", "MinimumStay": 1, "Rooms": [
                  {"RoomNumber": "101", "RoomType": null, "AdjacentRooms": []},
                  {"RoomNumber": "102", "RoomType": null, "AdjacentRooms": []}],
                 "Reservations": [
                  {"Name": "A", "Id": 1, "Arrival": "2027-03-01", "Length": 1, "AssignedRoom": "101", "IsLocked": true},
                  {"Name": "B", "Id": 2, "Arrival": "2027-03-03", "Length": 1, "AssignedRoom": "102", "IsLocked": true},
                  {"Name": "C", "Id": 3, "Arrival": "2027-03-01", "Length": 3, "AssignedRoom": "None"},
                  {"Name": "D", "Id": 4, "Arrival": "2027-03-05", "Length": 2, "AssignedRoom": "None"}]}
                """);
        assertThat(CapacityCheck.reasons(problem)).isEmpty();

        InfeasibleCore core = CoreFinder.find(problem, BUDGET, Cancellation.none()).orElseThrow();

        assertThat(core.members()).extracting(m -> m.stay().reservation().name() + (m.held() ? " held" : ""))
                .containsExactly("A held", "B held", "C");
        assertThat(core.minimal()).isTrue();
        assertThat(core.nights()).containsExactly((int) LocalDate.parse("2027-03-01").toEpochDay(),
                (int) LocalDate.parse("2027-03-03").toEpochDay());
        assertTrulyInfeasibleAndMinimal(problem, core);
    }

    @Test
    void aStayWhoseTypeNoRoomHasIsACoreOnItsOwn() {
        AssignmentProblem problem = standard("""
                {"ProblemId": "suite", "MinimumStay": 1, "Rooms": [
                  {"RoomNumber": "101", "RoomType": "Double", "AdjacentRooms": []}],
                 "Reservations": [
                  {"Name": "A", "Arrival": "2027-03-01", "Length": 2, "AssignedRoom": "None"},
                  {"Name": "S", "Arrival": "2027-03-04", "Length": 2, "AssignedRoom": "None", "RoomType": "Suite"}]}
                """);

        InfeasibleCore core = CoreFinder.find(problem, BUDGET, Cancellation.none()).orElseThrow();

        assertThat(core.members()).extracting(m -> m.stay().reservation().name()).containsExactly("S");
        assertThat(core.minimal()).isTrue();
    }

    @Test
    void randomInfeasibleTinyProblemsGetMinimalCoresThatAreTrulyInfeasible() {
        int checked = 0;
        int spanningNights = 0;
        for (long seed = 1; (checked < 50 || spanningNights < 5) && seed < 20_000; seed++) {
            AssignmentProblem problem;
            try {
                problem = standard(seed % 2 == 0 ? TinyProblems.random(seed) : lockHeavy(seed));
            } catch (InvalidProblemException e) {
                continue;
            }
            if (seatable(problem, all(problem))) {
                assertThat(CoreFinder.find(problem, BUDGET, Cancellation.none())).as("seed %d", seed).isEmpty();
                continue;
            }
            Optional<InfeasibleCore> core = CoreFinder.find(problem, BUDGET, Cancellation.none());
            assertThat(core).as("seed %d", seed).isPresent();
            assertThat(core.get().minimal()).as("seed %d", seed).isTrue();
            assertTrulyInfeasibleAndMinimal(problem, core.get());
            spanningNights += CapacityCheck.reasons(problem).isEmpty() ? 1 : 0;
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(50);
        assertThat(spanningNights).as("cores of conflicts no single night shows").isGreaterThanOrEqualTo(5);
    }

    /** 3–4 rooms of two types, 5–9 stays over 8 days, a third of them locked for 1–2 nights, the rest 2–5. */
    private static String lockHeavy(long seed) {
        Random rnd = new Random(seed);
        ObjectNode problem = Json.NODES.objectNode();
        problem.put("ProblemId", "locks-" + seed);
        problem.put("MinimumStay", 2);
        int roomCount = 3 + rnd.nextInt(2);
        ArrayNode rooms = problem.putArray("Rooms");
        for (int r = 0; r < roomCount; r++) {
            ObjectNode room = rooms.addObject();
            room.put("RoomNumber", String.valueOf(101 + r));
            room.put("RoomType", r % 2 == 0 ? "A" : "B");
            room.putArray("AdjacentRooms");
        }
        ArrayNode stays = problem.putArray("Reservations");
        int stayCount = 5 + rnd.nextInt(5);
        for (int i = 0; i < stayCount; i++) {
            ObjectNode stay = stays.addObject();
            stay.put("Name", "G" + i);
            stay.put("Id", i);
            stay.put("Arrival", LocalDate.of(2027, 3, 1).plusDays(rnd.nextInt(8)).toString());
            boolean locked = rnd.nextInt(3) == 0;
            stay.put("Length", locked ? 1 + rnd.nextInt(2) : 2 + rnd.nextInt(4));
            int room = rnd.nextInt(roomCount);
            stay.put("AssignedRoom", String.valueOf(101 + room));
            if (locked) {
                stay.put("IsLocked", true);
            } else if (rnd.nextBoolean()) {
                stay.put("RoomType", rnd.nextBoolean() ? "A" : "B");
            }
        }
        return Json.MAPPER.writeValueAsString(problem);
    }

    private static void assertTrulyInfeasibleAndMinimal(AssignmentProblem problem, InfeasibleCore core) {
        List<InfeasibleCore.Member> members = core.members();
        assertThat(seatable(problem, members)).as("the core alone has no plan").isFalse();
        for (int i = 0; i < members.size(); i++) {
            List<InfeasibleCore.Member> without = new ArrayList<>(members);
            InfeasibleCore.Member dropped = without.remove(i);
            assertThat(seatable(problem, without)).as("without %s", dropped.stay().reservation().name()).isTrue();
            if (dropped.held()) {
                without.add(i, new InfeasibleCore.Member(dropped.stay(), false));
                assertThat(seatable(problem, without)).as("%s not held", dropped.stay().reservation().name()).isTrue();
            }
        }
    }

    private static List<InfeasibleCore.Member> all(AssignmentProblem problem) {
        return problem.stays().stream().map(s -> new InfeasibleCore.Member(s, s.isPinned())).toList();
    }

    /** Exhaustive search: can these stays all have a room (held ones their pinned room), no room twice a night? */
    static boolean seatable(AssignmentProblem problem, List<InfeasibleCore.Member> members) {
        List<InfeasibleCore.Member> order = members.stream()
                .sorted(Comparator.comparingInt(m -> m.stay().arrival())).toList();
        return seat(problem, order, 0, new int[order.size()]);
    }

    private static boolean seat(AssignmentProblem problem, List<InfeasibleCore.Member> order, int next, int[] rooms) {
        if (next == order.size()) {
            return true;
        }
        InfeasibleCore.Member m = order.get(next);
        Stay s = m.stay();
        for (int r = 0; r < problem.roomCount(); r++) {
            if (!(m.held() ? r == s.pinnedRoom() : s.acceptsType(problem.typeOf(r)))) {
                continue;
            }
            boolean free = true;
            for (int i = 0; i < next && free; i++) {
                free = rooms[i] != r || !order.get(i).stay().overlaps(s);
            }
            if (free) {
                rooms[next] = r;
                if (seat(problem, order, next + 1, rooms)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static AssignmentProblem standard(String json) {
        return AssignmentProblem.standard(ProblemReader.read(json).problem());
    }
}
