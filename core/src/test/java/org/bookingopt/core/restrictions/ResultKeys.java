package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/** Compares restrictions and impact with the keys of a result object (ours or v0's), numerically. */
final class ResultKeys {
    private ResultKeys() {
    }

    static void assertPublishedMapsEqual(StayRestrictions ours, JsonNode reference) {
        assertThat(Samples.asDoubles(flags(ours.closedArrivals())))
                .as("ClosedArrivals").isEqualTo(Samples.numbersByNight(reference.get("ClosedArrivals")));
        assertThat(Samples.asDoubles(flags(ours.closedDepartures())))
                .as("ClosedDepartures").isEqualTo(Samples.numbersByNight(reference.get("ClosedDepartures")));
        assertThat(Samples.asDoubles(ours.minStays().asMap()))
                .as("MinStays").isEqualTo(Samples.numbersByNight(reference.get("MinStays")));
        assertThat(Samples.asDoubles(ours.maxStays()))
                .as("MaxStays").isEqualTo(Samples.numbersByNight(reference.get("MaxStays")));
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
            List<Integer> lengths = new ArrayList<>();
            for (JsonNode stay : e.getValue()) {
                assertThat(stay.get("Arrival").asString()).isEqualTo(e.getKey());
                lengths.add(stay.get("Length").asInt());
            }
            result.put(Samples.night(e.getKey()), lengths);
        });
        return result;
    }
}
