package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.SolverSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * The channel export (issue 4 item 5). {@code two-types.json} is the worked example of
 * {@code docs/channel-restrictions.md}: two Doubles and one "Suite, sea view", guest E accepting either type
 * but placed in the suite.
 */
class ChannelRestrictionsTest {

    @ParameterizedTest
    @MethodSource(Samples.FIXED_PLAN_SAMPLES)
    void pooledRowsRepeatThePublishedRestrictionsNightByNight(String sample) {
        AssignmentProblem problem = Samples.problem(sample + ".fixedplan");
        assertPooledRowsRepeat(problem, problem.currentPlan());
    }

    @Test
    void pooledRowsRepeatThePublishedRestrictionsInAHotelWithTwoTypes() {
        AssignmentProblem problem = twoTypes();
        assertPooledRowsRepeat(problem, problem.currentPlan());
    }

    @Test
    void eachRoomTypeIsRestrictedOnItsOwnRoomsWithTheStaysPlacedThere() {
        AssignmentProblem problem = twoTypes();
        StayRestrictions pooled = StayRestrictions.derive(problem, problem.currentPlan());
        List<String> rows = ChannelRestrictions.of(problem, problem.currentPlan(), pooled).rows().stream()
                .filter(row -> !row.allRoomTypes()).map(ChannelRestrictionsTest::describe).toList();
        // on arrival / through / max / CTA / CTD / full; the Doubles sell only 05-05, the suite holds guest E.
        assertThat(rows).containsExactly(
                "Double 2024-05-01..2024-05-04 3/3/null CTA=false CTD=false full=true",
                "Double 2024-05-05..2024-05-05 1/1/1 CTA=false CTD=false full=false",
                "Double 2024-05-06..2024-05-10 3/3/null CTA=false CTD=false full=true",
                "Suite, sea view 2024-05-01..2024-05-01 3/3/2 CTA=false CTD=true full=false",
                "Suite, sea view 2024-05-02..2024-05-02 3/3/1 CTA=false CTD=true full=false",
                "Suite, sea view 2024-05-03..2024-05-05 3/3/null CTA=false CTD=false full=true",
                "Suite, sea view 2024-05-06..2024-05-06 2/2/2 CTA=false CTD=false full=false",
                "Suite, sea view 2024-05-07..2024-05-07 3/2/1 CTA=false CTD=false full=false",
                "Suite, sea view 2024-05-08..2024-05-10 3/3/null CTA=false CTD=false full=true");
    }

    @Test
    void maxStayIsCappedAtTheScheduleEndWhereAnEmptyRoomLetsFixedMaxPassIt() {
        AssignmentProblem problem = Samples.problem(Json.MAPPER.readTree("""
                {"ProblemId": "q36", "MinimumStay": 3, "RestrictionsForInitialPlan": true,
                 "Rooms": [{"RoomNumber": "1"}, {"RoomNumber": "2"}],
                 "Reservations": [
                   {"Name": "a", "Arrival": "2024-05-01", "Length": 3, "AssignedRoom": "1"},
                   {"Name": "b", "Arrival": "2024-05-06", "Length": 3, "AssignedRoom": "1"}]}"""));
        StayRestrictions pooled = StayRestrictions.derive(problem, problem.currentPlan());
        int end = pooled.inventory().end();
        List<Integer> checked = new ArrayList<>();
        for (ChannelRestrictions.Row row : ChannelRestrictions.of(problem, problem.currentPlan(), pooled).rows()) {
            for (int night = row.firstNight(); night <= row.lastNight(); night++) {
                if (pooled.fixedMax().get(night) > end - night) { // room 2 is empty: Z − x (Q36)
                    assertThat(row.restrictions().maxStay()).isEqualTo(end - night);
                    checked.add(night);
                }
            }
        }
        assertThat(checked).hasSize(2 * (end - pooled.inventory().start())); // every night, pooled and typed
    }

    @Test
    void pooledMaxStayShowsLengthsReoptimizationProved() {
        AssignmentProblem problem = Samples.problem("sample2.fixedplan");
        RoomPlan plan = problem.currentPlan();
        int feb28 = Samples.night("2021-02-28");
        StayRestrictions reoptimized = StayRestrictions.derive(problem, plan, Map.of(feb28, 12));
        assertThat(maxStayOn(ChannelRestrictions.of(problem, plan, StayRestrictions.derive(problem, plan)), feb28))
                .isEqualTo(7);
        assertThat(maxStayOn(ChannelRestrictions.of(problem, plan, reoptimized), feb28)).isEqualTo(12);
    }

    @Test
    void csvHasAScopeColumnQuotesRoomTypesAndLeavesMaxStayEmptyOnFullNights() {
        AssignmentProblem problem = twoTypes();
        StayRestrictions pooled = StayRestrictions.derive(problem, problem.currentPlan());
        String csv = ChannelRestrictionsCsv.toCsv(ChannelRestrictions.of(problem, problem.currentPlan(), pooled));
        assertThat(csv.lines().toList()).startsWith(
                "Scope,RoomType,From,To,MinStayOnArrival,MinStayThrough,MaxStay,ClosedToArrival,ClosedToDeparture,FullyBooked",
                "all,,2024-05-01,2024-05-01,3,3,2,false,false,false",
                "all,,2024-05-02,2024-05-02,3,3,1,false,true,false",
                "all,,2024-05-03,2024-05-04,3,3,,false,false,true");
        assertThat(csv).contains("\ntype,\"Suite, sea view\",2024-05-06,2024-05-06,2,2,2,false,false,false\n")
                .endsWith("type,\"Suite, sea view\",2024-05-08,2024-05-10,3,3,,false,false,true\n");
    }

    @Test
    void theResultCarriesChannelRestrictionsAfterEveryOtherKeyAndTheCliCanWriteThemAsCsv() {
        JsonNode result = new Optimizer((p, s, pr, c) -> {
            throw new AssertionError("restrictions only");
        }).run(ProblemReader.read(twoTypesJson()), SolverSettings.defaults(), ProgressListener.NONE,
                Cancellation.none()).json();
        List<String> keys = new ArrayList<>();
        result.propertyNames().forEach(keys::add);
        assertThat(keys.getLast()).isEqualTo("ChannelRestrictions");
        AssignmentProblem problem = twoTypes();
        assertThat(ChannelRestrictionsCsv.fromResult(result)).isEqualTo(ChannelRestrictionsCsv.toCsv(
                ChannelRestrictions.of(problem, problem.currentPlan(),
                        StayRestrictions.derive(problem, problem.currentPlan()))));
        assertThatThrownBy(() -> ChannelRestrictionsCsv.fromResult(Json.NODES.objectNode()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ChannelRestrictions");
    }

    /** The pooled rows cover [S, E) in order, each maximal, and repeat the whole hotel's restrictions. */
    private static void assertPooledRowsRepeat(AssignmentProblem problem, RoomPlan plan) {
        StayRestrictions pooled = StayRestrictions.derive(problem, plan);
        Inventory hotel = pooled.inventory();
        List<ChannelRestrictions.Row> rows = ChannelRestrictions.of(problem, plan, pooled).rows().stream()
                .filter(ChannelRestrictions.Row::allRoomTypes).toList();
        int next = hotel.start();
        ChannelRestrictions.Night previous = null;
        for (ChannelRestrictions.Row row : rows) {
            assertThat(row.firstNight()).isEqualTo(next);
            assertThat(row.restrictions()).as("rows are merged as far as possible").isNotEqualTo(previous);
            for (int night = row.firstNight(); night <= row.lastNight(); night++) {
                ChannelRestrictions.Night values = row.restrictions();
                assertThat(values.minStayOnArrival()).isEqualTo(pooled.minStart().get(night));
                assertThat(values.minStayThrough()).isEqualTo(pooled.minStays().get(night));
                assertThat(values.closedToArrival()).isEqualTo(pooled.closedArrivals().contains(night));
                assertThat(values.closedToDeparture()).isEqualTo(pooled.closedDepartures().contains(night));
                assertThat(values.fullyBooked()).isEqualTo(problem.schedule().isFullyBooked(night));
                assertThat(values.maxStay()).isEqualTo(values.fullyBooked() ? null
                        : Math.min(pooled.compMax().get(night), hotel.end() - night));
            }
            next = row.lastNight() + 1;
            previous = row.restrictions();
        }
        assertThat(next).isEqualTo(hotel.end());
    }

    private static Integer maxStayOn(ChannelRestrictions channel, int night) {
        return channel.rows().stream()
                .filter(row -> row.allRoomTypes() && row.firstNight() <= night && night <= row.lastNight())
                .findFirst().orElseThrow().restrictions().maxStay();
    }

    private static String describe(ChannelRestrictions.Row row) {
        ChannelRestrictions.Night n = row.restrictions();
        return row.roomType() + " " + java.time.LocalDate.ofEpochDay(row.firstNight()) + ".."
                + java.time.LocalDate.ofEpochDay(row.lastNight()) + " " + n.minStayOnArrival() + "/"
                + n.minStayThrough() + "/" + n.maxStay() + " CTA=" + n.closedToArrival() + " CTD="
                + n.closedToDeparture() + " full=" + n.fullyBooked();
    }

    private static AssignmentProblem twoTypes() {
        return Samples.problem(Json.MAPPER.readTree(twoTypesJson()));
    }

    private static String twoTypesJson() {
        try (InputStream in = ChannelRestrictionsTest.class.getResourceAsStream("/restrictions/two-types.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
