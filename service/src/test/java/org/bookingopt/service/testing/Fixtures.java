package org.bookingopt.service.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.bookingopt.core.json.Json;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.node.ObjectNode;

/** The sample problems packaged into the jar under {@code demo-problems/} (from shared/fixtures/inputs). */
public final class Fixtures {
    private Fixtures() {
    }

    /** File names, e.g. {@code sample1.json}, sorted. */
    public static List<String> names() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath:demo-problems/*.json");
            return Arrays.stream(found).map(Resource::getFilename).filter(Objects::nonNull).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/demo-problems/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture with another {@code ProblemId} (and optionally other top-level fields). */
    public static ObjectNode withProblemId(String name, String problemId) {
        ObjectNode problem = (ObjectNode) Json.MAPPER.readTree(text(name));
        problem.put("ProblemId", problemId);
        return problem;
    }
}
