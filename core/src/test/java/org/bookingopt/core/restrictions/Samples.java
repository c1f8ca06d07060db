package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.testing.Fixtures;

import tools.jackson.databind.JsonNode;

/**
 * The shared fixtures seen as plans and restriction maps. Files come from {@link Fixtures} (the
 * {@code bookingopt.shared} property); names are without {@code .json}, e.g. {@code sample1.fixedplan}.
 */
final class Samples {
    /** For {@code @MethodSource}: every fixed-plan sample. */
    static final String FIXED_PLAN_SAMPLES = "org.bookingopt.core.restrictions.Samples#fixedPlanSamples";

    private Samples() {
    }

    /** The names {@code sampleN} of every {@code sampleN.fixedplan.json} input. */
    static List<String> fixedPlanSamples() {
        List<String> names = Fixtures.inputs().stream().filter(n -> n.endsWith(".fixedplan"))
                .map(n -> n.substring(0, n.length() - ".fixedplan".length())).toList();
        assertThat(names).as("fixed-plan fixtures").isNotEmpty();
        return names;
    }

    /** An input, e.g. {@code input("sample1.fixedplan")}. */
    static JsonNode input(String name) {
        return Json.MAPPER.readTree(Fixtures.input(name));
    }

    /** A reference output, e.g. {@code reference("sample1.noreopt")}. */
    static JsonNode reference(String name) {
        return Fixtures.referenceOutput(name);
    }

    /** The standard-run assignment problem of an input, its plan being the input's rooms. */
    static AssignmentProblem problem(JsonNode input) {
        return AssignmentProblem.standard(ProblemReader.read(input).problem());
    }

    static AssignmentProblem problem(String inputName) {
        return problem(input(inputName));
    }
    /** A date-keyed JSON map as epoch day → number (the reference mixes {@code 5} and {@code 5.0}). */
    static Map<Integer, Double> numbersByNight(JsonNode dateMap) {
        Map<Integer, Double> values = new TreeMap<>();
        dateMap.properties().forEach(e ->
                values.put((int) LocalDate.parse(e.getKey()).toEpochDay(), e.getValue().asDouble()));
        return values;
    }

    /** Epoch day → value, as doubles, for comparing with {@link #numbersByNight}. */
    static Map<Integer, Double> asDoubles(Map<Integer, Integer> values) {
        Map<Integer, Double> doubles = new TreeMap<>();
        values.forEach((night, v) -> doubles.put(night, (double) v));
        return doubles;
    }

    static int night(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }
}
