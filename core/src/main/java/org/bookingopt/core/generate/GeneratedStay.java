package org.bookingopt.core.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated reservation, with the room it was built into.
 *
 * @param name               the reservation's {@code Name}
 * @param id                 its {@code Id}
 * @param arrival            first night
 * @param nights             length in nights
 * @param roomType           the booked type ({@code RoomType})
 * @param allowableRoomTypes further acceptable types; for a stay that accepts any type, all the others
 * @param group              its adjacency-group label, or {@code null}
 * @param locked             whether it is locked ({@code IsLocked}) in its construction room
 * @param room               index into {@link GeneratedHotel#rooms()} of the room it was generated in;
 *                           -1 for a new reservation, which no room holds yet
 */
public record GeneratedStay(String name, int id, LocalDate arrival, int nights, String roomType,
                            List<String> allowableRoomTypes, String group, boolean locked, int room) {
    public GeneratedStay {
        allowableRoomTypes = List.copyOf(allowableRoomTypes);
    }

    public LocalDate departure() {
        return arrival.plusDays(nights);
    }

    public boolean acceptsAnyType() {
        return !allowableRoomTypes.isEmpty();
    }
}
