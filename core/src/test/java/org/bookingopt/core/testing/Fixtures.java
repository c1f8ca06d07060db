package org.bookingopt.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bookingopt.core.json.Json;

import tools.jackson.databind.JsonNode;

/** The previous system's public samples in {@code ../shared/fixtures} (path from {@code bookingopt.shared}). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        String shared = System.getProperty("bookingopt.shared");
        if (shared == null) {
            throw new IllegalStateException("system property bookingopt.shared is not set (see the parent pom)");
        }
        return Path.of(shared, "fixtures");
    }

    public static String input(String name) {
        return read(root().resolve("inputs").resolve(name + ".json"));
    }

    public static JsonNode referenceOutput(String name) {
        return Json.MAPPER.readTree(read(root().resolve("reference-outputs").resolve(name + ".result.json")));
    }

    /** Input names (without .json), sorted. */
    public static List<String> inputs() {
        try (Stream<Path> files = Files.list(root().resolve("inputs"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
