package org.bookingopt.core.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bookingopt.core.json.Json;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated problem and the plan it was built with: every stay sits in {@link GeneratedStay#room()}, with
 * no two stays overlapping in a room, typed stays in a room of an accepted type and each adjacency group
 * in side-by-side rooms. So a valid plan exists by construction.
 *
 * @param settings        what was asked for
 * @param problemId       the {@code ProblemId} written
 * @param types           the room types, most common first
 * @param rooms           the rooms in numbering order
 * @param stays           the reservations, sorted by arrival
 * @param newReservations the {@code NewReservations}, sorted by arrival
 */
public record GeneratedHotel(GeneratorSettings settings, String problemId, List<String> types,
                             List<GeneratedRoom> rooms, List<GeneratedStay> stays,
                             List<GeneratedStay> newReservations) {

    /** {@code AssignedRoom} of a stay that has no room yet, as existing clients send it. */
    public static final String NO_ROOM = "None";
    /** {@code AdjacencyGroup} of a stay in no group, as existing clients send it. */
    public static final String NO_GROUP = "None";

    public GeneratedHotel {
        types = List.copyOf(types);
        rooms = List.copyOf(rooms);
        stays = List.copyOf(stays);
        newReservations = List.copyOf(newReservations);
    }

    public LocalDate start() {
        return settings.start();
    }

    /** The schedule's end: the departure date of the last night. */
    public LocalDate end() {
        return settings.start().plusDays(settings.days());
    }

    public long bookedNights() {
        return stays.stream().mapToLong(GeneratedStay::nights).sum();
    }

    /** Booked room-nights / (rooms × days). */
    public double occupancy() {
        return bookedNights() / ((double) rooms.size() * settings.days());
    }

    /** The construction plan: the room index of every stay, in {@link #stays()} order. */
    public int[] constructionPlan() {
        return stays.stream().mapToInt(GeneratedStay::room).toArray();
    }

    /** The problem in the client JSON of SPEC §2. */
    public ObjectNode toJson() {
        ObjectNode root = Json.NODES.objectNode();
        root.put("ProblemId", problemId);
        root.put("MinimumStay", settings.minimumStay());
        root.putObject("MinimumStayByDay");
        ArrayNode fresh = root.putArray("NewReservations");
        newReservations.forEach(s -> reservation(fresh.addObject(), s, false));
        ArrayNode existing = root.putArray("Reservations");
        stays.forEach(s -> reservation(existing.addObject(), s, settings.currentPlan() || s.locked()));
        ArrayNode roomList = root.putArray("Rooms");
        for (GeneratedRoom room : rooms) {
            ObjectNode node = roomList.addObject();
            node.put("RoomNumber", room.number());
            node.put("RoomType", room.type());
            ArrayNode adjacent = node.putArray("AdjacentRooms");
            room.adjacent().forEach(adjacent::add);
        }
        return root;
    }

    /** {@link #toJson()} as indented text, ending with a newline. */
    public String toJsonString() {
        return Json.MAPPER.writeValueAsString(toJson()) + System.lineSeparator();
    }

    private void reservation(ObjectNode node, GeneratedStay s, boolean writeRoom) {
        node.put("Name", s.name());
        node.put("Id", s.id());
        node.put("Arrival", s.arrival().toString());
        node.put("Length", s.nights());
        node.put("RoomType", s.roomType());
        ArrayNode allowable = node.putArray("AllowableRoomTypes");
        s.allowableRoomTypes().forEach(allowable::add);
        node.put("AdjacencyGroup", s.group() == null ? NO_GROUP : s.group());
        node.put("IsLocked", s.locked());
        node.put("AssignedRoom", writeRoom && s.room() >= 0 ? rooms.get(s.room()).number() : NO_ROOM);
    }

    /** A few lines describing the instance, for people. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> roomsByType = new LinkedHashMap<>();
        types.forEach(t -> roomsByType.put(t, 0));
        rooms.forEach(r -> roomsByType.merge(r.type(), 1, Integer::sum));
        Set<Integer> floors = new LinkedHashSet<>();
        rooms.forEach(r -> floors.add(r.floor()));
        List<String> typeParts = new ArrayList<>();
        roomsByType.forEach((t, n) -> typeParts.add(t + " " + n));
        out.append(String.format(Locale.ROOT, "%s: %d rooms x %d nights, %s to %s%n", problemId, rooms.size(),
                settings.days(), start(), end()));
        out.append(String.format(Locale.ROOT, "  rooms: %s; %d floor(s), %s to %s%n", String.join(", ", typeParts),
                floors.size(), rooms.getFirst().number(), rooms.getLast().number()));
        out.append(String.format(Locale.ROOT,
                "  stays: %d, %d booked nights of %d = %.1f%% occupancy (target %.1f%%), minimum stay %d%n",
                stays.size(), bookedNights(), (long) rooms.size() * settings.days(), 100 * occupancy(),
                100 * settings.occupancy(), settings.minimumStay()));
        int[] byWeekday = new int[7];
        stays.forEach(s -> byWeekday[s.arrival().getDayOfWeek().ordinal()]++);
        List<String> dayParts = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            dayParts.add(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + byWeekday[d.ordinal()]);
        }
        out.append("  arrivals: ").append(String.join(", ", dayParts))
                .append(" (the first night's count includes stays already in house)").append(System.lineSeparator());
        int[] bucket = new int[4];
        stays.forEach(s -> bucket[s.nights() <= 3 ? 0 : s.nights() <= 7 ? 1 : s.nights() <= 13 ? 2 : 3]++);
        double meanNights = stays.isEmpty() ? 0.0 : (double) bookedNights() / stays.size();
        out.append(String.format(Locale.ROOT, "  nights: 1-3 %s, 4-7 %s, 8-13 %s, 14+ %s; mean %.2f%n",
                percent(bucket[0]), percent(bucket[1]), percent(bucket[2]), percent(bucket[3]), meanNights));
        long groups = stays.stream().map(GeneratedStay::group).filter(Objects::nonNull).distinct().count();
        long members = stays.stream().filter(s -> s.group() != null).count();
        long locked = stays.stream().filter(GeneratedStay::locked).count();
        long anyType = stays.stream().filter(GeneratedStay::acceptsAnyType).count();
        out.append(String.format(Locale.ROOT,
                "  adjacency groups: %d (%d stays, %s); locked: %d (%s); accepting any type: %d (%s)%n", groups,
                members, percent(members), locked, percent(locked), anyType, percent(anyType)));
        out.append(String.format(Locale.ROOT, "  new reservations: %d; current plan: %s%n", newReservations.size(),
                settings.currentPlan() ? "written (AssignedRoom on every stay)" : "not written (locked stays only)"));
        return out.toString();
    }

    private String percent(long count) {
        return String.format(Locale.ROOT, "%.1f%%", stays.isEmpty() ? 0.0 : 100.0 * count / stays.size());
    }
}
