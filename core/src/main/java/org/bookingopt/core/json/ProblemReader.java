package org.bookingopt.core.json;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bookingopt.core.model.DateRangeMinimumStay;
import org.bookingopt.core.model.GroupLabel;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.model.Reservation;
import org.bookingopt.core.model.Room;
import org.bookingopt.core.model.RoomNumber;
import org.bookingopt.core.model.RoomTypes;
import org.bookingopt.core.model.RunOptions;
import org.bookingopt.core.validation.InvalidProblemException;
import org.bookingopt.core.validation.ValidationError;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a problem in the JSON existing clients send (SPEC §2) and checks it, reporting every problem at
 * once with its JSON path (SPEC §10, Q2 and Q40). Unknown keys are ignored with a warning.
 */
public final class ProblemReader {
    /** The longest schedule we plan: the flow model grows with the square of the days. */
    public static final int MAX_SCHEDULE_NIGHTS = 1500;
    public static final int MAX_MINIMUM_STAY = 30;

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("ProblemId", "Reservations", "Rooms", "MinimumStay",
            "MinimumStayByDay", "MinimumStayByDate", "NewReservations", "RestrictionsForInitialPlan",
            "RequestStartDate", "RequestEndDate", "AllowableTypesForNewReservation", "TestNewBooking",
            "ReoptimizeMaxStays", "ReoptimizeTimeBudgetSeconds", "TimeLimitSeconds", "CompactReOptimizedPlans");
    private static final Set<String> RESERVATION_KEYS = Set.of("Name", "Id", "Arrival", "Length", "AssignedRoom",
            "IsLocked", "LockedForSolver", "RoomType", "AllowableRoomTypes", "TypeOrder", "AdjacencyGroup",
            "SplitGroup", "Test");
    private static final Set<String> ROOM_KEYS = Set.of("RoomNumber", "RoomType", "AdjacentRooms");
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final List<ValidationError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private ProblemReader() {
    }

    /** Parses and validates; throws {@link InvalidProblemException} listing every error. */
    public static ParsedProblem read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidProblemException(List.of(new ValidationError("",
                    "the body is not valid JSON: " + e.getOriginalMessage())));
        }
        return read(root);
    }

    public static ParsedProblem read(JsonNode root) {
        return new ProblemReader().parse(root);
    }

    private ParsedProblem parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidProblemException(List.of(new ValidationError("", "the problem must be a JSON object")));
        }
        warnUnknownKeys(root, TOP_LEVEL_KEYS, "");

        Object problemId = null;
        JsonNode idNode = root.get("ProblemId");
        if (idNode == null || idNode.isNull()) {
            error("ProblemId", "is required");
        } else if (idNode.isContainer()) {
            error("ProblemId", "must be a string or a number");
        } else {
            problemId = scalar(idNode);
        }

        int minimumStay = readMinimumStay(root.get("MinimumStay"), "MinimumStay", 5);
        Map<DayOfWeek, Integer> byDay = readMinimumStayByDay(root.get("MinimumStayByDay"));
        List<DateRangeMinimumStay> byDate = readMinimumStayByDate(root.get("MinimumStayByDate"));
        boolean restrictionsOnly = flag(root.get("RestrictionsForInitialPlan"), "RestrictionsForInitialPlan");
        LocalDate requestStart = optionalDate(root.get("RequestStartDate"), "RequestStartDate");
        LocalDate requestEnd = optionalDate(root.get("RequestEndDate"), "RequestEndDate");
        List<String> typesForNew = stringList(root.get("AllowableTypesForNewReservation"),
                "AllowableTypesForNewReservation");
        RunOptions options = readOptions(root);

        List<Room> rooms = readRooms(root.get("Rooms"));
        List<Reservation> reservations = readReservations(root.get("Reservations"), "Reservations", true);
        List<Reservation> newReservations = readReservations(root.get("NewReservations"), "NewReservations", false);
        if (!typesForNew.isEmpty()) {
            // Q7: the problem-level list is the default of new reservations that give none.
            newReservations = newReservations.stream()
                    .map(r -> r == null || !r.allowableRoomTypes().isEmpty() ? r : r.withAllowableRoomTypes(typesForNew))
                    .collect(java.util.stream.Collectors.toList());
        }

        // Cross-field checks run even when some fields were invalid, so one round trip shows everything.
        new SemanticChecks(rooms, reservations, newReservations, restrictionsOnly, requestStart, requestEnd, errors)
                .run();
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        Problem problem = new Problem(problemId, reservations, newReservations, rooms, minimumStay, byDay,
                byDate, restrictionsOnly, requestStart, requestEnd, options);
        return new ParsedProblem(problem, warnings);
    }

    private RunOptions readOptions(JsonNode root) {
        boolean reoptimize = !root.has("ReoptimizeMaxStays") || root.get("ReoptimizeMaxStays").isNull()
                || flag(root.get("ReoptimizeMaxStays"), "ReoptimizeMaxStays");
        Duration budget = seconds(root.get("ReoptimizeTimeBudgetSeconds"), "ReoptimizeTimeBudgetSeconds", true);
        Duration limit = seconds(root.get("TimeLimitSeconds"), "TimeLimitSeconds", false);
        boolean compact = flag(root.get("CompactReOptimizedPlans"), "CompactReOptimizedPlans");
        return new RunOptions(reoptimize, budget, limit, compact);
    }

    private List<Room> readRooms(JsonNode node) {
        List<Room> rooms = new ArrayList<>();
        if (node == null || node.isNull()) {
            error("Rooms", "is required: the list of the hotel's rooms");
            return rooms;
        }
        if (!node.isArray()) {
            error("Rooms", "must be a list of rooms, got " + describe(node));
            return rooms;
        }
        if (node.isEmpty()) {
            error("Rooms", "must list at least one room");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "Rooms[" + i + "]";
            JsonNode room = node.get(i);
            if (!room.isObject()) {
                error(path, "must be an object with RoomNumber, RoomType and AdjacentRooms, got " + describe(room));
                continue;
            }
            warnUnknownKeys(room, ROOM_KEYS, path);
            RoomNumber number = roomNumber(room.get("RoomNumber"), path + ".RoomNumber");
            if (number == null && !hasErrorAt(path + ".RoomNumber")) {
                error(path + ".RoomNumber", "is required");
            }
            String type = optionalText(room.get("RoomType"), path + ".RoomType");
            List<RoomNumber> adjacent = new ArrayList<>();
            JsonNode adj = room.get("AdjacentRooms");
            if (adj != null && !adj.isNull()) {
                if (!adj.isArray()) {
                    error(path + ".AdjacentRooms", "must be a list of room numbers, got " + describe(adj));
                } else {
                    for (int j = 0; j < adj.size(); j++) {
                        RoomNumber n = roomNumber(adj.get(j), path + ".AdjacentRooms[" + j + "]");
                        if (n != null) {
                            adjacent.add(n);
                        }
                    }
                }
            }
            rooms.add(new Room(number == null ? RoomNumber.of("") : number,
                    type == null ? Room.DEFAULT_TYPE : type, adjacent));
        }
        return rooms;
    }

    private List<Reservation> readReservations(JsonNode node, String name, boolean required) {
        List<Reservation> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                error(name, "is required: the list of stays to plan");
            }
            return list;
        }
        if (!node.isArray()) {
            error(name, "must be a list of reservations, got " + describe(node));
            return list;
        }
        if (required && node.isEmpty()) {
            error(name, "must contain at least one stay");
        }
        for (int i = 0; i < node.size(); i++) {
            // An invalid entry stays as null, so that positions remain the JSON indices for later checks.
            list.add(readReservation(node.get(i), name + "[" + i + "]"));
        }
        return list;
    }

    private Reservation readReservation(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be an object, got " + describe(node));
            return null;
        }
        warnUnknownKeys(node, RESERVATION_KEYS, path);
        JsonNode nameNode = node.get("Name");
        String name = "";
        if (nameNode != null && !nameNode.isNull()) {
            if (nameNode.isContainer()) {
                error(path + ".Name", "must be a string, got " + describe(nameNode));
            } else {
                name = nameNode.asString();
            }
        }
        JsonNode idNode = node.get("Id");
        Object id = idNode == null ? Integer.valueOf(-1) : scalar(idNode);
        if (idNode != null && idNode.isContainer()) {
            error(path + ".Id", "must be a string or a number, got " + describe(idNode));
        }
        LocalDate arrival = null;
        JsonNode arrivalNode = node.get("Arrival");
        if (arrivalNode == null || arrivalNode.isNull()) {
            error(path + ".Arrival", "is required: a date YYYY-MM-DD");
        } else {
            arrival = date(arrivalNode, path + ".Arrival");
        }
        int length = 0;
        JsonNode lengthNode = node.get("Length");
        if (lengthNode == null || lengthNode.isNull()) {
            error(path + ".Length", "is required: a positive whole number of nights");
        } else {
            Long value = wholeNumber(lengthNode);
            if (value == null || value < 1) {
                error(path + ".Length", "must be a positive whole number of nights, got " + lengthNode);
            } else if (value > MAX_SCHEDULE_NIGHTS) {
                error(path + ".Length", "must be at most " + MAX_SCHEDULE_NIGHTS + " nights, got " + lengthNode);
            } else {
                length = value.intValue();
            }
        }
        RoomNumber assigned = null;
        JsonNode roomNode = node.get("AssignedRoom");
        if (roomNode != null && !roomNode.isNull() && !(roomNode.isString() && roomNode.stringValue().isEmpty())) {
            assigned = roomNumber(roomNode, path + ".AssignedRoom");
        }
        boolean locked = flag(node.get("IsLocked"), path + ".IsLocked")
                | flag(node.get("LockedForSolver"), path + ".LockedForSolver");
        String roomType = optionalText(node.get("RoomType"), path + ".RoomType");
        if (Room.DEFAULT_TYPE.equals(roomType)) {
            roomType = null;
        }
        List<String> allowable = stringList(node.get("AllowableRoomTypes"), path + ".AllowableRoomTypes");
        List<String> typeOrder = stringList(node.get("TypeOrder"), path + ".TypeOrder");
        GroupLabel group = groupLabel(node.get("AdjacencyGroup"));
        flag(node.get("Test"), path + ".Test"); // validated, then ignored (Q14)
        if (arrival == null || length == 0) {
            return null;
        }
        return new Reservation(name, id, arrival, length, assigned, locked, roomType, allowable, typeOrder, group);
    }

    private int readMinimumStay(JsonNode node, String path, int defaultValue) {
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        Long value = wholeNumber(node);
        if (value == null || value < 1 || value > MAX_MINIMUM_STAY) {
            error(path, "must be a whole number of nights from 1 to " + MAX_MINIMUM_STAY + ", got " + node);
            return defaultValue;
        }
        return value.intValue();
    }

    private Map<DayOfWeek, Integer> readMinimumStayByDay(JsonNode node) {
        Map<DayOfWeek, Integer> byDay = new EnumMap<>(DayOfWeek.class);
        if (node == null || node.isNull()) {
            return byDay;
        }
        if (!node.isObject()) {
            error("MinimumStayByDay", "must be an object like {\"Mon\": 3}, got " + describe(node));
            return byDay;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = "MinimumStayByDay." + e.getKey();
            DayOfWeek day = weekday(e.getKey());
            if (day == null) {
                error(path, "is not a weekday: use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
                continue;
            }
            if (e.getValue() == null || e.getValue().isNull()) {
                error(path, "must be a whole number of nights from 1 to " + MAX_MINIMUM_STAY + ", got null");
                continue;
            }
            byDay.put(day, readMinimumStay(e.getValue(), path, 1));
        }
        return byDay;
    }

    private List<DateRangeMinimumStay> readMinimumStayByDate(JsonNode node) {
        List<DateRangeMinimumStay> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (!node.isArray()) {
            error("MinimumStayByDate", "must be a list of {Start, End, MinimumStay}, got " + describe(node));
            return list;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "MinimumStayByDate[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                error(path, "must be an object {Start, End, MinimumStay}, got " + describe(entry));
                continue;
            }
            LocalDate start = requiredDate(entry.get("Start"), path + ".Start");
            LocalDate end = requiredDate(entry.get("End"), path + ".End");
            JsonNode stay = entry.get("MinimumStay");
            int value = 0;
            if (stay == null || stay.isNull()) {
                error(path + ".MinimumStay", "is required");
            } else {
                int before = errors.size();
                value = readMinimumStay(stay, path + ".MinimumStay", 0);
                if (errors.size() > before) {
                    value = 0;
                }
            }
            if (start != null && end != null && end.isBefore(start)) {
                error(path + ".End", "must not be before Start (" + start + "), got " + end);
            } else if (start != null && end != null && value > 0) {
                list.add(new DateRangeMinimumStay(start, end, value));
            }
        }
        return list;
    }

    // ---- field helpers ----

    private LocalDate requiredDate(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            error(path, "is required: a date YYYY-MM-DD");
            return null;
        }
        return date(node, path);
    }

    private LocalDate optionalDate(JsonNode node, String path) {
        return node == null || node.isNull() ? null : date(node, path);
    }

    private LocalDate date(JsonNode node, String path) {
        if (!node.isString()) {
            error(path, "must be a date YYYY-MM-DD, got " + describe(node));
            return null;
        }
        String text = node.stringValue();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.length() == 8) {
                return LocalDate.parse(text, COMPACT_DATE);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(path, "must be a date YYYY-MM-DD (or YYYYMMDD), got \"" + text + "\"");
        return null;
    }

    private boolean flag(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            Long value = wholeNumber(node);
            if (value != null && (value == 0 || value == 1)) {
                return value == 1;
            }
        }
        if (node.isString()) {
            String text = node.stringValue().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
        }
        error(path, "must be true or false, got " + node);
        return false;
    }

    private Duration seconds(JsonNode node, String path, boolean zeroAllowed) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.doubleValue() < 0 || (!zeroAllowed && node.doubleValue() == 0)
                || node.doubleValue() > 86_400) {
            error(path, "must be a number of seconds " + (zeroAllowed ? "from 0" : "above 0")
                    + " to 86400, got " + node);
            return null;
        }
        return Duration.ofMillis(Math.round(node.doubleValue() * 1000));
    }

    private String optionalText(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainer()) {
            error(path, "must be a string, got " + describe(node));
            return null;
        }
        return node.asString();
    }

    private List<String> stringList(JsonNode node, String path) {
        List<String> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (!node.isArray()) {
            error(path, "must be a list of room types, got " + describe(node));
            return list;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isNull() || item.isContainer()) {
                error(path + "[" + i + "]", "must be a room type name, got " + describe(item));
            } else {
                seen.add(item.asString());
            }
        }
        list.addAll(seen);
        return list;
    }

    private RoomNumber roomNumber(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return new RoomNumber(node.stringValue(), false);
        }
        if (node.isNumber()) {
            return new RoomNumber(node.asString(), true);
        }
        error(path, "must be a room number (string or number), got " + describe(node));
        return null;
    }

    private static GroupLabel groupLabel(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString() && (node.stringValue().isEmpty() || node.stringValue().equals("None"))) {
            return null;
        }
        return new GroupLabel(node.isString() ? node.stringValue() : node.toString(), scalar(node));
    }

    /** A JSON scalar as a plain Java value, for echoing (strings, numbers, booleans, null). */
    static Object scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return MAPPER.convertValue(node, Object.class);
    }

    /** A whole number, where {@code 2.0} counts as 2 (Q31); {@code null} for anything else. */
    private static Long wholeNumber(JsonNode node) {
        if (!node.isNumber()) {
            return null;
        }
        double value = node.doubleValue();
        if (Double.isNaN(value) || Math.rint(value) != value || Math.abs(value) > 1e9) {
            return null;
        }
        return (long) value;
    }

    private static DayOfWeek weekday(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            if (k.equals(full) || k.equals(full.substring(0, 3))) {
                return day;
            }
        }
        return null;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private void warnUnknownKeys(JsonNode object, Set<String> known, String path) {
        for (String key : object.propertyNames()) {
            if (!known.contains(key)) {
                warnings.add("ignored unknown key " + (path.isEmpty() ? key : path + "." + key));
            }
        }
    }

    private void error(String path, String message) {
        errors.add(new ValidationError(path, message));
    }

    private boolean hasErrorAt(String path) {
        return errors.stream().anyMatch(e -> e.path().equals(path));
    }

    /** Checks across fields, run once every field parsed: rooms, locks, pins, the schedule's size. */
    private static final class SemanticChecks {
        private final List<Room> roomList;
        private final List<Reservation> reservations;   // null where the entry was invalid
        private final List<Reservation> newReservations;
        private final boolean restrictionsOnly;
        private final LocalDate requestStart;
        private final LocalDate requestEnd;
        private final List<ValidationError> errors;

        SemanticChecks(List<Room> rooms, List<Reservation> reservations, List<Reservation> newReservations,
                       boolean restrictionsOnly, LocalDate requestStart, LocalDate requestEnd,
                       List<ValidationError> errors) {
            this.roomList = rooms;
            this.reservations = reservations;
            this.newReservations = newReservations;
            this.restrictionsOnly = restrictionsOnly;
            this.requestStart = requestStart;
            this.requestEnd = requestEnd;
            this.errors = errors;
        }

        void run() {
            Map<RoomNumber, Room> rooms = new HashMap<>();
            Map<String, Integer> firstByText = new HashMap<>();
            for (int i = 0; i < roomList.size(); i++) {
                Room room = roomList.get(i);
                Integer first = firstByText.putIfAbsent(room.number().text(), i);
                if (room.number().text().isEmpty()) {
                    errors.add(new ValidationError("Rooms[" + i + "].RoomNumber", "must not be empty"));
                } else if (first != null) {
                    errors.add(new ValidationError("Rooms[" + i + "].RoomNumber", "duplicates Rooms[" + first
                            + "] (room \"" + room.number().text() + "\"): room numbers must be unique"));
                }
                rooms.putIfAbsent(room.number(), room);
            }
            checkScheduleLength();
            Set<String> hotelTypes = new LinkedHashSet<>();
            roomList.forEach(r -> hotelTypes.add(r.type()));
            List<int[]> pinned = new ArrayList<>();
            boolean everyStayPinned = restrictionsOnly && newReservations.isEmpty();
            for (int i = 0; i < reservations.size(); i++) {
                Reservation r = reservations.get(i);
                if (r == null) {
                    continue;
                }
                String path = "Reservations[" + i + "]";
                String why = r.locked() ? "is locked" : everyStayPinned ? "RestrictionsForInitialPlan is true"
                        : outsideRequestWindow(r) ? "lies outside the request window" : null;
                if (why == null) {
                    continue;
                }
                Room room = r.assignedRoom() == null ? null : rooms.get(r.assignedRoom());
                if (r.assignedRoom() == null) {
                    errors.add(new ValidationError(path + ".AssignedRoom",
                            "is required because the stay " + why + ", but none is given"));
                } else if (room == null) {
                    errors.add(new ValidationError(path + ".AssignedRoom", "names no room of the hotel (\""
                            + r.assignedRoom().text() + "\"), but the stay " + why));
                } else if (!RoomTypes.allowed(r, hotelTypes).contains(room.type())) {
                    errors.add(new ValidationError(path + ".AssignedRoom", "room " + room.number().text()
                            + " is of type " + room.type() + ", which the stay does not allow ("
                            + String.join(", ", RoomTypes.allowed(r, hotelTypes)) + "), but the stay " + why));
                } else {
                    pinned.add(new int[] {i, roomList.indexOf(room)});
                }
            }
            checkPinnedOverlaps(pinned);
        }

        private void checkScheduleLength() {
            List<Reservation> all = new ArrayList<>(reservations);
            all.addAll(newReservations);
            all.removeIf(java.util.Objects::isNull);
            long first = all.stream().mapToLong(Reservation::arrivalDay).min().orElse(0);
            long last = all.stream().mapToLong(Reservation::departureDay).max().orElse(0);
            if (requestStart != null) {
                first = Math.min(first, requestStart.toEpochDay());
            }
            if (requestEnd != null) {
                last = Math.max(last, requestEnd.toEpochDay());
            }
            if (last - first > MAX_SCHEDULE_NIGHTS) {
                errors.add(new ValidationError("Reservations", "the schedule spans " + (last - first)
                        + " nights; at most " + MAX_SCHEDULE_NIGHTS + " are planned at once"));
            }
        }

        private boolean outsideRequestWindow(Reservation r) {
            return (requestStart != null && r.arrival().isBefore(requestStart))
                    || (requestEnd != null && r.departure().isAfter(requestEnd));
        }

        private void checkPinnedOverlaps(List<int[]> pinned) {
            for (int a = 0; a < pinned.size(); a++) {
                for (int b = a + 1; b < pinned.size(); b++) {
                    if (pinned.get(a)[1] != pinned.get(b)[1]) {
                        continue;
                    }
                    Reservation x = reservations.get(pinned.get(a)[0]);
                    Reservation y = reservations.get(pinned.get(b)[0]);
                    if (x.arrivalDay() < y.departureDay() && y.arrivalDay() < x.departureDay()) {
                        errors.add(new ValidationError("Reservations[" + pinned.get(b)[0] + "].AssignedRoom",
                                "overlaps Reservations[" + pinned.get(a)[0] + "] in room "
                                        + x.assignedRoom().text() + ": both must stay in that room"));
                    }
                }
            }
        }
    }
}
