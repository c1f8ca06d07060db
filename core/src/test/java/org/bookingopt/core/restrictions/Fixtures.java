package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;

import tools.jackson.databind.JsonNode;

/** The shared fixtures ({@code ../shared/fixtures}), located by the {@code bookingopt.shared} property. */
final class Fixtures {
    /** For {@code @MethodSource}: every fixed-plan sample. */
    static final String FIXED_PLAN_SAMPLES = "org.bookingopt.core.restrictions.Fixtures#fixedPlanSamples";

    private Fixtures() {
    }

    static Path directory() {
        String shared = System.getProperty("bookingopt.shared");
        assertThat(shared).as("system property bookingopt.shared (set by the parent pom's surefire config)")
                .isNotNull();
        return Path.of(shared, "fixtures");
    }

    /** The names {@code sampleN} of every {@code sampleN.fixedplan.json} input. */
    static List<String> fixedPlanSamples() {
        try (Stream<Path> files = Files.list(directory().resolve("inputs"))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".fixedplan.json"))
                    .map(n -> n.substring(0, n.length() - ".fixedplan.json".length()))
                    .sorted().toList();
            assertThat(names).as("fixed-plan fixtures").isNotEmpty();
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode input(String fileName) {
        return read(directory().resolve("inputs").resolve(fileName));
    }

    static JsonNode reference(String fileName) {
        return read(directory().resolve("reference-outputs").resolve(fileName));
    }

    /** The standard-run assignment problem of an input file, its plan being the input's rooms. */
    static AssignmentProblem problem(JsonNode input) {
        return AssignmentProblem.standard(ProblemReader.read(input).problem());
    }

    static AssignmentProblem problem(String inputFileName) {
        return problem(input(inputFileName));
    }

    private static JsonNode read(Path path) {
        try {
            return Json.MAPPER.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
