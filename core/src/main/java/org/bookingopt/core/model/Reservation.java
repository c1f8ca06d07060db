package org.bookingopt.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A stay a guest booked: {@code length} nights from {@code arrival}, the half-open interval
 * [arrival, arrival + length).
 *
 * @param name               label echoed in outputs; duplicates allowed (stays are identified by position)
 * @param id                 the client's Id, any JSON scalar; {@code -1} when absent
 * @param arrival            first night
 * @param length             number of nights, at least 1
 * @param assignedRoom       current room, or {@code null} for none; may name no room at all
 * @param locked             {@code IsLocked} or {@code LockedForSolver}: the stay must stay in its room
 * @param roomType           requested type; {@code null} means "no specific type" (SPEC §2.4)
 * @param allowableRoomTypes extra acceptable types
 * @param typeOrder          preference order of types (best first)
 * @param adjacencyGroup     group label, or {@code null} for none
 */
public record Reservation(
        String name,
        Object id,
        LocalDate arrival,
        int length,
        RoomNumber assignedRoom,
        boolean locked,
        String roomType,
        List<String> allowableRoomTypes,
        List<String> typeOrder,
        GroupLabel adjacencyGroup) {

    public Reservation {
        allowableRoomTypes = List.copyOf(allowableRoomTypes);
        typeOrder = List.copyOf(typeOrder);
    }

    public LocalDate departure() {
        return arrival.plusDays(length);
    }

    public long arrivalDay() {
        return arrival.toEpochDay();
    }

    public long departureDay() {
        return arrival.toEpochDay() + length;
    }

    public Reservation withAssignedRoom(RoomNumber room) {
        return new Reservation(name, id, arrival, length, room, locked, roomType, allowableRoomTypes,
                typeOrder, adjacencyGroup);
    }

    public Reservation withAllowableRoomTypes(List<String> types) {
        return new Reservation(name, id, arrival, length, assignedRoom, locked, roomType, types, typeOrder,
                adjacencyGroup);
    }
}
