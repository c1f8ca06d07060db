package org.bookingopt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.model.Reservation;
import org.bookingopt.core.model.Room;
import org.bookingopt.core.model.RoomNumber;
import org.bookingopt.core.model.RoomTypes;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotelGeneratorTest {

    private static ParsedProblem read(GeneratedHotel hotel) {
        return ProblemReader.read(hotel.toJsonString());
    }

    private static GeneratedHotel typed(int rooms, int days, long seed) {
        return HotelGenerator.generate(
                GeneratorSettings.builder(rooms, days, 0.85, 3, seed).currentPlan(true).build());
    }

    @ParameterizedTest(name = "{0} rooms x {1} days, {2} types, seed {3}")
    @CsvSource({"5, 14, 1, 1", "5, 14, 3, 2", "20, 30, 3, 3", "60, 60, 1, 4", "60, 60, 3, 5", "150, 90, 3, 6"})
    void outputParsesWithoutErrorsOrWarnings(int rooms, int days, int types, long seed) {
        GeneratedHotel hotel = HotelGenerator.generate(GeneratorSettings.of(rooms, days, 0.85, types, seed));
        ParsedProblem parsed = read(hotel);
        Problem problem = parsed.problem();
        assertThat(parsed.warnings()).isEmpty();
        assertThat(problem.rooms()).hasSize(rooms);
        assertThat(problem.reservations()).hasSize(hotel.stays().size()).isNotEmpty();
        assertThat(problem.minimumStay()).isEqualTo(3);
        assertThat(problem.newReservations()).isEmpty();
    }

    @ParameterizedTest(name = "{2} types, occupancy {0}, seed {1}")
    @CsvSource({"0.85, 1, 1", "0.85, 2, 3", "0.85, 3, 3", "0.5, 4, 3", "0.95, 5, 3", "1.0, 6, 3", "0.2, 7, 1"})
    void occupancyIsWithinThreePercentOfTheTargetOnSixtyBySixty(double target, long seed, int types) {
        GeneratedHotel hotel = HotelGenerator.generate(GeneratorSettings.of(60, 60, target, types, seed));
        Problem problem = read(hotel).problem();
        long nights = problem.reservations().stream().mapToLong(Reservation::length).sum();
        long first = problem.reservations().stream().mapToLong(Reservation::arrivalDay).min().orElseThrow();
        long last = problem.reservations().stream().mapToLong(Reservation::departureDay).max().orElseThrow();
        assertThat(first).isEqualTo(GeneratorSettings.DEFAULT_START.toEpochDay());
        assertThat(last - first).isLessThanOrEqualTo(60);
        assertThat(nights / (60.0 * 60)).isCloseTo(target, Offset.offset(0.03));
        assertThat(hotel.occupancy()).isEqualTo(nights / (60.0 * 60));
    }

    @ParameterizedTest(name = "{0} rooms x {1} days, {2} types, seed {3}")
    @CsvSource({"5, 14, 1, 11", "5, 14, 3, 12", "20, 30, 3, 13", "60, 60, 3, 14", "60, 60, 2, 15", "150, 90, 3, 16",
            "7, 21, 7, 17"})
    void theConstructionPlanIsValid(int rooms, int days, int types, long seed) {
        GeneratedHotel hotel = HotelGenerator.generate(
                GeneratorSettings.builder(rooms, days, 0.9, types, seed).currentPlan(true).build());
        AssignmentProblem problem = AssignmentProblem.standard(read(hotel).problem());
        RoomPlan plan = problem.currentPlan();
        assertThat(plan).as("every stay has a valid AssignedRoom").isNotNull();
        assertThat(PlanChecker.violations(problem, plan)).isEmpty();
        assertThat(plan.roomOfStay()).containsExactly(hotel.constructionPlan());
    }

    @Test
    void theSameSeedGivesTheSameJsonAndAnotherSeedAnother() {
        GeneratorSettings settings = GeneratorSettings.builder(60, 60, 0.85, 3, 7).currentPlan(true)
                .newReservations(5).build();
        String first = HotelGenerator.generate(settings).toJsonString();
        assertThat(HotelGenerator.generate(settings).toJsonString()).isEqualTo(first);
        GeneratorSettings other = GeneratorSettings.builder(60, 60, 0.85, 3, 8).currentPlan(true)
                .newReservations(5).build();
        assertThat(HotelGenerator.generate(other).toJsonString()).isNotEqualTo(first);
    }

    @Test
    void lockedStaysAreAboutThreePercentAndPinnedToARoomOfAnAllowedType() {
        GeneratedHotel hotel = HotelGenerator.generate(GeneratorSettings.of(60, 60, 0.85, 3, 21));
        Problem problem = read(hotel).problem();
        Map<RoomNumber, Room> rooms = new HashMap<>();
        problem.rooms().forEach(r -> rooms.put(r.number(), r));
        Set<String> hotelTypes = new HashSet<>(hotel.types());
        List<Reservation> locked = problem.reservations().stream().filter(Reservation::locked).toList();
        assertThat(locked.size()).isEqualTo((int) Math.round(0.03 * problem.reservations().size()));
        for (int i = 0; i < hotel.stays().size(); i++) {
            GeneratedStay generated = hotel.stays().get(i);
            if (generated.locked()) { // locked in the room it was generated in
                assertThat(problem.reservations().get(i).assignedRoom())
                        .isEqualTo(RoomNumber.of(hotel.rooms().get(generated.room()).number()));
            }
        }
        for (Reservation r : locked) {
            Room room = rooms.get(r.assignedRoom());
            assertThat(room).as("locked %s names a room", r.name()).isNotNull();
            assertThat(RoomTypes.allowed(r, hotelTypes)).contains(room.type());
        }
        // without --current-plan, the movable stays carry no room
        assertThat(problem.reservations().stream().filter(r -> !r.locked())
                .allMatch(r -> r.assignedRoom().equals(RoomNumber.of(GeneratedHotel.NO_ROOM)))).isTrue();
        assertThat(AssignmentProblem.standard(problem).currentPlan()).isNull();
    }

    @Test
    void groupMembersShareDatesAndSitInAdjacentRoomsInTheConstructionPlan() {
        GeneratedHotel hotel = typed(60, 60, 31);
        AssignmentProblem problem = AssignmentProblem.standard(read(hotel).problem());
        RoomPlan plan = problem.currentPlan();
        assertThat(problem.groups()).isNotEmpty();
        assertThat(PlanEvaluator.unsatisfiedMembers(problem, plan)).isEmpty();
        Map<Integer, List<Stay>> byGroup = new HashMap<>();
        problem.stays().stream().filter(s -> s.group() >= 0)
                .forEach(s -> byGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s));
        for (List<Stay> members : byGroup.values()) {
            assertThat(members.size()).isBetween(2, 4);
            assertThat(members).allMatch(s -> s.arrival() == members.getFirst().arrival()
                    && s.departure() == members.getFirst().departure());
        }
        long inGroups = problem.stays().stream().filter(s -> s.group() >= 0).count();
        assertThat(inGroups / (double) problem.stays().size()).isBetween(0.03, 0.07);
    }

    @Test
    void roomsAreNumberedByFloorWithTheirNeighboursAdjacentAndTypesUneven() {
        GeneratedHotel hotel = HotelGenerator.generate(GeneratorSettings.of(100, 30, 0.85, 3, 41));
        List<GeneratedRoom> rooms = hotel.rooms();
        assertThat(rooms.getFirst().number()).isEqualTo("101");
        assertThat(rooms.get(1).adjacent()).containsExactly("101", "103");
        assertThat(rooms.stream().map(GeneratedRoom::floor).distinct().count()).isEqualTo(5);
        assertThat(rooms.get(20).number()).isEqualTo("201");
        assertThat(rooms.get(19).adjacent()).containsExactly("119"); // end of the corridor
        Map<String, Long> perType = new HashMap<>();
        rooms.forEach(r -> perType.merge(r.type(), 1L, Long::sum));
        assertThat(perType).containsEntry("Standard", 60L).containsEntry("Superior", 30L).containsEntry("Suite", 10L);
        AssignmentProblem problem = AssignmentProblem.standard(read(hotel).problem());
        for (int a = 0; a < rooms.size(); a++) {
            for (int b = 0; b < rooms.size(); b++) {
                boolean neighbours = rooms.get(a).floor() == rooms.get(b).floor() && Math.abs(a - b) == 1;
                assertThat(problem.adjacent(a, b)).isEqualTo(neighbours);
            }
        }
    }

    @Test
    void arrivalsAndLengthsOfStayLookLikeACityHotel() {
        GeneratedHotel hotel = HotelGenerator.generate(GeneratorSettings.of(150, 364, 0.85, 3, 51));
        int[] byWeekday = new int[7];
        int[] nights = new int[400];
        int accepting = 0;
        // the first night's arrivals include the guests already in house: leave them out
        List<GeneratedStay> arrivals = hotel.stays().stream().filter(s -> !s.arrival().equals(hotel.start())).toList();
        for (GeneratedStay s : arrivals) {
            byWeekday[s.arrival().getDayOfWeek().ordinal()]++;
            nights[s.nights()]++;
            accepting += s.acceptsAnyType() ? 1 : 0;
        }
        int n = arrivals.size();
        assertThat(byWeekday[DayOfWeek.FRIDAY.ordinal()]).isGreaterThan(n / 7 * 5 / 4);
        assertThat(byWeekday[DayOfWeek.SUNDAY.ordinal()]).isLessThan(n / 7);
        assertThat(nights[1] + nights[2] + nights[3]).isGreaterThan(n / 2);
        int longStays = 0;
        for (int k = 14; k < nights.length; k++) {
            longStays += nights[k];
        }
        assertThat(longStays).isGreaterThan(n / 100);
        assertThat(accepting / (double) n).isBetween(0.12, 0.18);
        assertThat(hotel.stays()).allMatch(s -> s.acceptsAnyType()
                == (s.allowableRoomTypes().size() == hotel.types().size() - 1));
    }

    @Test
    void plainInstancesHaveOneTypeNoGroupsAndNoLocks() {
        GeneratedHotel hotel = HotelGenerator.generate(GeneratorSettings.builder(20, 30, 0.85, 1, 61)
                .groupShare(0).lockedShare(0).build());
        Problem problem = read(hotel).problem();
        assertThat(problem.rooms()).allMatch(r -> r.type().equals("Standard"));
        assertThat(problem.reservations()).allMatch(r -> !r.locked() && r.adjacencyGroup() == null
                && r.allowableRoomTypes().isEmpty() && "Standard".equals(r.roomType()));
    }

    @Test
    void newReservationsLastOneToFourteenNightsInsideTheSchedule() {
        GeneratedHotel hotel = HotelGenerator.generate(GeneratorSettings.builder(20, 30, 0.85, 3, 71)
                .newReservations(40).currentPlan(true).build());
        Problem problem = read(hotel).problem();
        assertThat(problem.newReservations()).hasSize(40);
        assertThat(problem.isFeasibilityMode()).isTrue();
        long end = hotel.end().toEpochDay();
        assertThat(problem.newReservations()).allMatch(r -> r.length() >= 1 && r.length() <= 14
                && r.arrivalDay() >= hotel.start().toEpochDay() && r.departureDay() <= end && !r.locked());
        // the existing stays are the same hotel as without new reservations
        GeneratedHotel without = HotelGenerator.generate(GeneratorSettings.of(20, 30, 0.85, 3, 71));
        assertThat(hotel.stays()).isEqualTo(without.stays());
    }

    @Test
    void badSettingsAreRejectedWithEveryReason() {
        assertThatThrownBy(() -> GeneratorSettings.of(3, 0, 1.2, 5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days").hasMessageContaining("occupancy").hasMessageContaining("types");
        assertThatThrownBy(() -> GeneratorSettings.of(10, 10, 0, 1, 1)).hasMessageContaining("occupancy");
    }

    @Test
    void aOneRoomHotelStillGetsAStay() {
        GeneratedHotel hotel = HotelGenerator.generate(
                GeneratorSettings.builder(1, 1, 0.1, 1, 1).currentPlan(true).build());
        assertThat(hotel.stays()).hasSize(1);
        AssignmentProblem problem = AssignmentProblem.standard(read(hotel).problem());
        assertThat(PlanChecker.violations(problem, problem.currentPlan())).isEmpty();
    }
}
