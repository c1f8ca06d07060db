package org.bookingopt.service.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.json.Json;
import org.bookingopt.core.validation.ValidationError;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/problems/generate}: {@code {"rooms", "days", "occupancy", "types"?, "seed"?}},
 * bounded so that one request stays a small job (at most {@value #MAX_ROOMS} rooms × {@value #MAX_DAYS} days).
 * The other generator settings keep the command line's defaults.
 */
public final class GenerateRequest {
    public static final int MAX_ROOMS = 600;
    public static final int MAX_DAYS = 365;
    /** Room types when the request names none, as {@code bookingopt generate}; fewer for a smaller hotel. */
    public static final int DEFAULT_TYPES = 3;
    public static final long DEFAULT_SEED = 1;
    private static final Set<String> FIELDS = Set.of("rooms", "days", "occupancy", "types", "seed");

    private final List<ValidationError> errors = new ArrayList<>();

    private GenerateRequest() {
    }

    /**
     * The generator settings the body asks for.
     *
     * @throws InvalidGeneratorSettingsException listing every error with its path
     */
    public static GeneratorSettings parse(String body) {
        return new GenerateRequest().read(body);
    }

    private GeneratorSettings read(String body) {
        JsonNode root;
        try {
            root = body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new InvalidGeneratorSettingsException(List.of(new ValidationError("",
                    "the body must be a JSON object such as {\"rooms\": 100, \"days\": 90, \"occupancy\": 0.85}")));
        }
        root.propertyNames().stream().filter(name -> !FIELDS.contains(name)).sorted().forEach(name ->
                errors.add(new ValidationError(name, "is not a generator setting; the settings are rooms, days, "
                        + "occupancy, types and seed")));
        Long rooms = whole(root, "rooms", 1, MAX_ROOMS);
        Long days = whole(root, "days", 1, MAX_DAYS);
        Double occupancy = share(root);
        Long types = given(root, "types") ? whole(root, "types", 1, rooms == null ? MAX_ROOMS : rooms)
                : Long.valueOf(rooms == null ? DEFAULT_TYPES : Math.min(DEFAULT_TYPES, rooms));
        Long seed = given(root, "seed") ? whole(root, "seed", Long.MIN_VALUE, Long.MAX_VALUE) : Long.valueOf(DEFAULT_SEED);
        if (!errors.isEmpty()) {
            throw new InvalidGeneratorSettingsException(errors);
        }
        try {
            return GeneratorSettings.of(rooms.intValue(), days.intValue(), occupancy, types.intValue(), seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidGeneratorSettingsException(List.of(new ValidationError("", e.getMessage())));
        }
    }

    private static boolean given(JsonNode root, String name) {
        JsonNode node = root.get(name);
        return node != null && !node.isNull();
    }

    /** The field as a whole number in [min, max], or null after recording why it is missing or wrong. */
    private Long whole(JsonNode root, String name, long min, long max) {
        JsonNode node = root.get(name);
        String range = min == Long.MIN_VALUE ? "" : " from " + min + " to " + max;
        if (!given(root, name)) {
            errors.add(new ValidationError(name, "is required: a whole number" + range));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min
                || node.longValue() > max) {
            errors.add(new ValidationError(name, "must be a whole number" + range + ", got " + node));
            return null;
        }
        return node.longValue();
    }

    private Double share(JsonNode root) {
        JsonNode node = root.get("occupancy");
        if (!given(root, "occupancy")) {
            errors.add(new ValidationError("occupancy", "is required: the share of booked room-nights, above 0 "
                    + "and at most 1 (e.g. 0.85)"));
            return null;
        }
        if (!node.isNumber() || !(node.doubleValue() > 0 && node.doubleValue() <= 1)) {
            errors.add(new ValidationError("occupancy", "must be a share above 0 and at most 1 (e.g. 0.85), got "
                    + node));
            return null;
        }
        return node.doubleValue();
    }
}
