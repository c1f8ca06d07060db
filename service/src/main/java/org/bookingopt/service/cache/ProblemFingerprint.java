package org.bookingopt.service.cache;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bookingopt.core.json.Json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * The result cache's key: the SHA-256 (hex) of the canonical problem JSON and what else decides the result —
 * the optimizer's version, the run's time limit and its solver threads.
 * <p>
 * Canonical: object keys sorted, arrays in their order, numbers by value ({@code 1}, {@code 1.0} and
 * {@code 1e0} alike), strings as JSON escapes them, no white space. The top-level {@code ProblemId} is left out:
 * it labels a request (it is only echoed back) and clients send a new one with every request, so with it an
 * identical hotel state would never be found again; a cached result is given the new request's ProblemId.
 */
public final class ProblemFingerprint {
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String PROBLEM_ID = "ProblemId";

    private ProblemFingerprint() {
    }

    /**
     * @param problemJson a problem that has been validated (it is JSON)
     * @param timeLimit   the run's time limit, as the worker will apply it
     */
    public static String of(String problemJson, String optimizerVersion, Duration timeLimit, int solverThreads) {
        StringBuilder text = new StringBuilder(problemJson.length());
        JsonNode problem = READER.readTree(problemJson);
        if (problem.isObject()) {
            problem = problem.deepCopy();
            ((tools.jackson.databind.node.ObjectNode) problem).remove(PROBLEM_ID);
        }
        canonical(problem, text);
        text.append('\n').append("optimizer=").append(optimizerVersion)
                .append(";time-limit-ms=").append(timeLimit.toMillis())
                .append(";solver-threads=").append(solverThreads);
        return sha256(text.toString());
    }

    /** The canonical text of a JSON value (see the class comment). */
    static String canonical(String json) {
        StringBuilder text = new StringBuilder();
        canonical(READER.readTree(json), text);
        return text.toString();
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(Json.MAPPER.writeValueAsString(fields.get(i).getKey())).append(':');
                canonical(fields.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node.decimalValue()));
        } else {
            out.append(Json.MAPPER.writeValueAsString(node)); // strings, true, false, null
        }
    }

    /** Unscaled digits and exponent: one text per value, never expanded (1e999999 stays short). */
    private static String number(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return stripped.unscaledValue() + (stripped.scale() == 0 ? "" : "e" + -stripped.scale());
    }

    /** The SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
