package org.bookingopt.core.restrictions;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The channel export as CSV ({@code bookingopt solve … --restrictions-csv}): one line per
 * {@code ChannelRestrictions} row, RFC 4180 quoting, {@code \n} line ends. CSV has no null, so a first
 * column {@code Scope} says whether a row pools every room type ({@code all}) or is one type's
 * ({@code type}); an empty {@code MaxStay} means "fully booked, nothing arrives".
 */
public final class ChannelRestrictionsCsv {
    static final List<String> COLUMNS = List.of("Scope", "RoomType", "From", "To", "MinStayOnArrival",
            "MinStayThrough", "MaxStay", "ClosedToArrival", "ClosedToDeparture", "FullyBooked");

    private ChannelRestrictionsCsv() {
    }

    public static String toCsv(ChannelRestrictions channel) {
        return toCsv(RestrictionResults.channelRows(channel));
    }

    /**
     * The CSV of a result object's {@code ChannelRestrictions} key.
     *
     * @throws IllegalArgumentException when the result has no such key (a failed run)
     */
    public static String fromResult(JsonNode result) {
        JsonNode rows = result.get(RestrictionResults.CHANNEL_RESTRICTIONS);
        if (rows == null || !rows.isArray()) {
            throw new IllegalArgumentException("the result has no " + RestrictionResults.CHANNEL_RESTRICTIONS
                    + " (did the run succeed?)");
        }
        return toCsv(rows);
    }

    private static String toCsv(JsonNode rows) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (JsonNode row : rows) {
            csv.append(row.get("RoomType").isNull() ? "all" : "type");
            for (String column : COLUMNS.subList(1, COLUMNS.size())) {
                JsonNode value = row.get(column);
                csv.append(',').append(value.isNull() ? "" : quoted(value.asString()));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    private static String quoted(String field) {
        if (field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
