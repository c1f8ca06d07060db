package org.bookingopt.core.model;

import java.util.List;

/**
 * A hotel room as the client sent it.
 *
 * @param number        the room number exactly as sent (a string or a number); see {@link RoomNumber}
 * @param type          the room type, {@code "Default"} when the client sent none or {@code null}
 * @param adjacentRooms the neighbours the client listed, unfiltered (echoed in the result)
 */
public record Room(RoomNumber number, String type, List<RoomNumber> adjacentRooms) {
    public static final String DEFAULT_TYPE = "Default";

    public Room {
        adjacentRooms = List.copyOf(adjacentRooms);
    }
}
