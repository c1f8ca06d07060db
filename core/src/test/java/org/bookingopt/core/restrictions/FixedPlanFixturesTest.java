package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingopt.core.restrictions.Fixtures.FIXED_PLAN_SAMPLES;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bookingopt.core.plan.AssignmentProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * SPEC §11.2: restrictions for a given plan are deterministic. For every {@code *.fixedplan.json} input the
 * published maps and the impact equal v0's answer date for date (numerically).
 */
class FixedPlanFixturesTest {

    @ParameterizedTest
    @MethodSource(FIXED_PLAN_SAMPLES)
    void restrictionMapsEqualTheReferenceDateForDate(String sample) {
        StayRestrictions ours = fixedPlanRestrictions(sample);
        assertPublishedMapsEqual(ours, Fixtures.reference(sample + ".fixedplan.result.json"));
    }

    @ParameterizedTest
    @MethodSource(FIXED_PLAN_SAMPLES)
    void staysAvoidedEqualTheReference(String sample) {
        StaysAvoided ours = StaysAvoided.of(fixedPlanRestrictions(sample));
        assertStaysAvoidedEqual(ours, Fixtures.reference(sample + ".fixedplan.result.json"));
    }

    static StayRestrictions fixedPlanRestrictions(String sample) {
        AssignmentProblem problem = Fixtures.problem(sample + ".fixedplan.json");
        return StayRestrictions.derive(problem, problem.currentPlan());
    }

    static void assertPublishedMapsEqual(StayRestrictions ours, JsonNode reference) {
        assertThat(Fixtures.asDoubles(flags(ours.closedArrivals())))
                .as("ClosedArrivals").isEqualTo(Fixtures.numbersByNight(reference.get("ClosedArrivals")));
        assertThat(Fixtures.asDoubles(flags(ours.closedDepartures())))
                .as("ClosedDepartures").isEqualTo(Fixtures.numbersByNight(reference.get("ClosedDepartures")));
        assertThat(Fixtures.asDoubles(ours.minStays().asMap()))
                .as("MinStays").isEqualTo(Fixtures.numbersByNight(reference.get("MinStays")));
        assertThat(Fixtures.asDoubles(ours.maxStays()))
                .as("MaxStays").isEqualTo(Fixtures.numbersByNight(reference.get("MaxStays")));
    }

    static void assertStaysAvoidedEqual(StaysAvoided ours, JsonNode reference) {
        assertThat(ours.byClosedArrival()).as("StaysAvoidedByCa")
                .isEqualTo(lengthsByNight(reference.get("StaysAvoidedByCa")));
        assertThat(ours.byClosedDeparture()).as("StaysAvoidedByCd")
                .isEqualTo(lengthsByNight(reference.get("StaysAvoidedByCd")));
        assertThat(ours.byMaximumStay()).as("StaysAvoidedByMax")
                .isEqualTo(lengthsByNight(reference.get("StaysAvoidedByMax")));
    }

    private static Map<Integer, Integer> flags(Iterable<Integer> nights) {
        Map<Integer, Integer> map = new TreeMap<>();
        nights.forEach(n -> map.put(n, 1));
        return map;
    }

    /** {@code {"date": [{"Arrival": date, "Length": n}, …]}} as night → lengths, checking Arrival = key. */
    private static Map<Integer, List<Integer>> lengthsByNight(JsonNode map) {
        Map<Integer, List<Integer>> result = new TreeMap<>();
        map.properties().forEach(e -> {
            List<Integer> lengths = new java.util.ArrayList<>();
            for (JsonNode stay : e.getValue()) {
                assertThat(stay.get("Arrival").asString()).isEqualTo(e.getKey());
                lengths.add(stay.get("Length").asInt());
            }
            result.put(Fixtures.night(e.getKey()), lengths);
        });
        return result;
    }
}
