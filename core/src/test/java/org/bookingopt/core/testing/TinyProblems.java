package org.bookingopt.core.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bookingopt.core.json.Json;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random tiny problems (≤ 8 stays, ≤ 3 rooms) in client JSON, covering what the samples do not: room
 * types and {@code AllowableRoomTypes}, weekday and date-range minimum stays, request windows, locks and
 * adjacency groups. Many are invalid or infeasible on purpose; callers skip or check those.
 */
public final class TinyProblems {
    private TinyProblems() {
    }

    public static String random(long seed) {
        Random rnd = new Random(seed);
        LocalDate base = LocalDate.of(2027, 3, 1).plusDays(rnd.nextInt(7));
        int roomCount = 1 + rnd.nextInt(3);
        int stayCount = 1 + rnd.nextInt(8);
        boolean typed = rnd.nextBoolean();
        String[] roomTypes = new String[roomCount];
        ObjectNode problem = Json.NODES.objectNode();
        problem.put("ProblemId", "tiny-" + seed);
        problem.put("MinimumStay", 1 + rnd.nextInt(5));
        if (rnd.nextInt(3) == 0) {
            ObjectNode byDay = problem.putObject("MinimumStayByDay");
            byDay.put(List.of("Mon", "fri", "Saturday", "Sun").get(rnd.nextInt(4)), 1 + rnd.nextInt(6));
        }
        if (rnd.nextInt(3) == 0) {
            ObjectNode range = problem.putArray("MinimumStayByDate").addObject();
            LocalDate start = base.plusDays(rnd.nextInt(10));
            range.put("Start", start.toString());
            range.put("End", start.plusDays(rnd.nextInt(4)).toString());
            range.put("MinimumStay", 1 + rnd.nextInt(6));
        }
        ArrayNode rooms = problem.putArray("Rooms");
        for (int r = 0; r < roomCount; r++) {
            roomTypes[r] = typed ? (rnd.nextBoolean() ? "A" : "B") : null;
            ObjectNode room = rooms.addObject();
            room.put("RoomNumber", String.valueOf(101 + r));
            if (roomTypes[r] == null) {
                room.putNull("RoomType");
            } else {
                room.put("RoomType", roomTypes[r]);
            }
            ArrayNode adjacent = room.putArray("AdjacentRooms");
            if (r > 0 && rnd.nextInt(3) > 0) {
                adjacent.add(String.valueOf(100 + r));
            }
        }
        ArrayNode stays = problem.putArray("Reservations");
        List<int[]> intervals = new ArrayList<>();
        for (int i = 0; i < stayCount; i++) {
            ObjectNode stay = stays.addObject();
            int arrival = rnd.nextInt(12);
            int length = 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 6);
            intervals.add(new int[] {arrival, arrival + length});
            stay.put("Name", "G" + i);
            stay.put("Id", i);
            stay.put("Arrival", base.plusDays(arrival).toString());
            stay.put("Length", rnd.nextBoolean() ? length : (double) length);
            int room = rnd.nextInt(roomCount);
            stay.put("AssignedRoom", rnd.nextInt(4) == 0 ? "None" : String.valueOf(101 + room));
            if (typed) {
                int kind = rnd.nextInt(4);
                if (kind == 0) {
                    stay.put("RoomType", roomTypes[room]);
                } else if (kind == 1) {
                    stay.put("RoomType", roomTypes[room]);
                    stay.putArray("AllowableRoomTypes").add(roomTypes[room].equals("A") ? "B" : "A");
                } else if (kind == 2) {
                    stay.putNull("RoomType");
                    stay.putArray("AllowableRoomTypes").add(roomTypes[room]);
                }
            }
            if (rnd.nextInt(7) == 0) {
                stay.put("IsLocked", true);
                stay.put("AssignedRoom", String.valueOf(101 + room));
            }
            int group = rnd.nextInt(6);
            stay.put("AdjacencyGroup", group == 0 ? "g1" : group == 1 ? "g2" : "None");
        }
        if (rnd.nextInt(5) == 0) {
            problem.put("RequestStartDate", base.plusDays(rnd.nextInt(3)).toString());
        }
        if (rnd.nextInt(5) == 0) {
            problem.put("RequestEndDate", base.plusDays(10 + rnd.nextInt(8)).toString());
        }
        return Json.MAPPER.writeValueAsString(problem);
    }
}
