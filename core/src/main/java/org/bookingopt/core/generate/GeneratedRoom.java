package org.bookingopt.core.generate;

import java.util.List;

/**
 * A generated room: numbered by floor (101, 102, …, 201, …), adjacent to its neighbours on each side on
 * the same floor.
 *
 * @param number   the room number, e.g. {@code "214"}
 * @param type     the room type's name
 * @param floor    the floor, from 1
 * @param adjacent the numbers of the rooms beside it on its floor (one or two, none on a one-room floor)
 */
public record GeneratedRoom(String number, String type, int floor, List<String> adjacent) {
    public GeneratedRoom {
        adjacent = List.copyOf(adjacent);
    }
}
