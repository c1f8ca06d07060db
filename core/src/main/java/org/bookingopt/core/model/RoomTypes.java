package org.bookingopt.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/** The ordered list of room types a stay accepts (SPEC §2.4, our rules Q8–Q10). */
public final class RoomTypes {
    private RoomTypes() {
    }

    /**
     * @param hotelTypes the hotel's types in order of first appearance in {@code Rooms}
     * @return the allowed types, best first, without duplicates
     */
    public static List<String> allowed(Reservation stay, Collection<String> hotelTypes) {
        Set<String> candidates = new LinkedHashSet<>();
        if (stay.roomType() != null) {
            candidates.add(stay.roomType());
            candidates.addAll(stay.allowableRoomTypes());
        } else if (!stay.allowableRoomTypes().isEmpty()) {
            candidates.addAll(stay.allowableRoomTypes());
        } else {
            candidates.addAll(hotelTypes);
        }
        List<String> ordered = new ArrayList<>();
        if (stay.roomType() != null) {
            ordered.add(stay.roomType());
        }
        for (String t : stay.typeOrder()) {
            if (candidates.contains(t) && !ordered.contains(t)) {
                ordered.add(t);
            }
        }
        for (String t : candidates) {
            if (!ordered.contains(t)) {
                ordered.add(t);
            }
        }
        return ordered;
    }
}
