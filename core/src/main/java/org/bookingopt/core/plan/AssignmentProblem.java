package org.bookingopt.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bookingopt.core.model.GroupLabel;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.model.Reservation;
import org.bookingopt.core.model.Room;
import org.bookingopt.core.model.RoomNumber;
import org.bookingopt.core.model.RoomTypes;
import org.bookingopt.core.model.Schedule;

/**
 * What the solvers assign: indexed stays with their accepted types and pins, indexed rooms with their
 * types and the symmetric adjacency relation (Q11), and the schedule. Built from a validated problem.
 */
public final class AssignmentProblem {
    private final Problem problem;
    private final List<Stay> stays;
    private final List<Room> rooms;
    private final List<String> types;
    private final int[] roomType;
    private final boolean[][] adjacent;
    private final List<GroupLabel> groups;
    /** The stays of each adjacency group, by group index. */
    private final List<List<Stay>> groupMembers;
    private final Schedule schedule;
    private final Map<RoomNumber, Integer> roomIndex;

    private AssignmentProblem(Problem problem, List<Stay> stays, Schedule schedule, List<GroupLabel> groups) {
        this.problem = problem;
        this.stays = List.copyOf(stays);
        this.rooms = problem.rooms();
        this.types = hotelTypes(problem);
        this.roomType = new int[rooms.size()];
        this.roomIndex = roomIndex(problem);
        for (int r = 0; r < rooms.size(); r++) {
            roomType[r] = types.indexOf(rooms.get(r).type());
        }
        this.adjacent = new boolean[rooms.size()][rooms.size()];
        for (int r = 0; r < rooms.size(); r++) {
            for (RoomNumber n : rooms.get(r).adjacentRooms()) {
                Integer other = roomIndex.get(n);
                if (other != null) {
                    adjacent[r][other] = true;
                    adjacent[other][r] = true;
                }
            }
        }
        this.groups = List.copyOf(groups);
        List<List<Stay>> members = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            members.add(new ArrayList<>());
        }
        for (Stay s : this.stays) {
            if (s.group() >= 0) {
                members.get(s.group()).add(s);
            }
        }
        this.groupMembers = members.stream().map(List::copyOf).toList();
        this.schedule = schedule;
    }

    /**
     * The standard run's problem (SPEC §4): the reservations, with locked stays and stays outside the
     * request window pinned to their room. In restrictions-only runs every stay is pinned.
     */
    public static AssignmentProblem standard(Problem problem) {
        List<String> types = hotelTypes(problem);
        Map<RoomNumber, Integer> roomIndex = roomIndex(problem);
        List<Reservation> reservations = problem.reservations();
        GroupIndex groupIndex = new GroupIndex(reservations.stream().map(Reservation::adjacencyGroup).toList());
        List<Stay> stays = new ArrayList<>();
        for (int i = 0; i < reservations.size(); i++) {
            Reservation r = reservations.get(i);
            Pin pin = r.locked() ? Pin.LOCKED
                    : problem.restrictionsForInitialPlan() ? Pin.KEPT
                    : outsideRequestWindow(problem, r) ? Pin.OUTSIDE_REQUEST_WINDOW : Pin.NONE;
            int room = pin == Pin.NONE || r.assignedRoom() == null ? -1
                    : roomIndex.getOrDefault(r.assignedRoom(), -1);
            stays.add(new Stay(i, r, (int) r.arrivalDay(), (int) r.departureDay(), typeIndices(r, types),
                    room, room < 0 ? Pin.NONE : pin, groupIndex.groupOf(i), -1));
        }
        return new AssignmentProblem(problem, stays, new Schedule(problem, reservations), groupIndex.labels());
    }

    /**
     * The feasibility-mode problem (SPEC §8.2): the reservations in input order, then every new reservation
     * split into one-night pieces in date order, the k-th new reservation's pieces forming split group k.
     * Pieces carry their new reservation (name, Id, types, group label) but never its lock or room.
     * Locked stays and request-window stays are pinned as in the standard run.
     *
     * @param pinExisting the fit solve (SPEC §8.1 step 5): every other reservation with a valid room is
     *                    pinned there too ({@link Pin#KEPT}); reservations without one stay free
     */
    public static AssignmentProblem withNewReservations(Problem problem, boolean pinExisting) {
        List<String> types = hotelTypes(problem);
        Map<RoomNumber, Integer> roomIndex = roomIndex(problem);
        List<Reservation> reservations = problem.reservations();
        List<Reservation> newReservations = problem.newReservations();
        List<GroupLabel> labels = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < reservations.size(); i++) {
            labels.add(reservations.get(i).adjacencyGroup());
            owners.add(i);
        }
        for (int k = 0; k < newReservations.size(); k++) {
            for (int night = 0; night < newReservations.get(k).length(); night++) {
                labels.add(newReservations.get(k).adjacencyGroup());
                owners.add(reservations.size() + k);
            }
        }
        GroupIndex groupIndex = new GroupIndex(labels, owners.stream().mapToInt(Integer::intValue).toArray());
        List<Stay> stays = new ArrayList<>();
        for (int i = 0; i < reservations.size(); i++) {
            Reservation r = reservations.get(i);
            Pin pin = r.locked() ? Pin.LOCKED
                    : outsideRequestWindow(problem, r) ? Pin.OUTSIDE_REQUEST_WINDOW
                    : pinExisting ? Pin.KEPT : Pin.NONE;
            int room = pin == Pin.NONE ? -1 : roomIndex.getOrDefault(r.assignedRoom(), -1);
            stays.add(new Stay(i, r, (int) r.arrivalDay(), (int) r.departureDay(), typeIndices(r, types),
                    room, room < 0 ? Pin.NONE : pin, groupIndex.groupOf(i), -1));
        }
        for (int k = 0; k < newReservations.size(); k++) {
            Reservation r = newReservations.get(k);
            int[] allowed = typeIndices(r, types);
            for (int night = (int) r.arrivalDay(); night < r.departureDay(); night++) {
                int index = stays.size();
                stays.add(new Stay(index, r, night, night + 1, allowed, -1, Pin.NONE, groupIndex.groupOf(index),
                        k + 1));
            }
        }
        List<Reservation> occupying = new ArrayList<>(reservations);
        occupying.addAll(newReservations); // the pieces occupy exactly their reservation's nights
        return new AssignmentProblem(problem, stays, new Schedule(problem, occupying), groupIndex.labels());
    }

    /** The same problem with other stays (a test stay added, pins changed), same rooms and schedule. */
    public AssignmentProblem withStays(List<Stay> newStays) {
        return new AssignmentProblem(problem, newStays, schedule, groups);
    }

    public static boolean outsideRequestWindow(Problem problem, Reservation r) {
        return (problem.requestStart() != null && r.arrival().isBefore(problem.requestStart()))
                || (problem.requestEnd() != null && r.departure().isAfter(problem.requestEnd()));
    }

    static int[] typeIndices(Reservation r, List<String> hotelTypes) {
        List<String> allowed = RoomTypes.allowed(r, hotelTypes);
        List<Integer> indices = new ArrayList<>();
        for (String t : allowed) {
            int i = hotelTypes.indexOf(t);
            if (i >= 0) {
                indices.add(i);
            }
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> hotelTypes(Problem problem) {
        Set<String> set = new LinkedHashSet<>();
        problem.rooms().forEach(r -> set.add(r.type()));
        return List.copyOf(set);
    }

    private static Map<RoomNumber, Integer> roomIndex(Problem problem) {
        Map<RoomNumber, Integer> index = new HashMap<>();
        for (int r = 0; r < problem.rooms().size(); r++) {
            index.putIfAbsent(problem.rooms().get(r).number(), r);
        }
        return index;
    }

    public Problem problem() {
        return problem;
    }

    public List<Stay> stays() {
        return stays;
    }

    public Stay stay(int index) {
        return stays.get(index);
    }

    public List<Room> rooms() {
        return rooms;
    }

    public int roomCount() {
        return rooms.size();
    }

    /** The hotel's room types, in order of first appearance in {@code Rooms}. */
    public List<String> types() {
        return types;
    }

    public int typeOf(int room) {
        return roomType[room];
    }

    public boolean adjacent(int roomA, int roomB) {
        return adjacent[roomA][roomB];
    }

    /** Labels of the adjacency groups with at least two reservations, by group index. */
    public List<GroupLabel> groups() {
        return groups;
    }

    /** The stays of adjacency group {@code group} (its pieces included), in index order. */
    public List<Stay> membersOf(int group) {
        return groupMembers.get(group);
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The room with this number, or -1. */
    public int roomIndex(RoomNumber number) {
        return number == null ? -1 : roomIndex.getOrDefault(number, -1);
    }

    public boolean stayFitsRoom(Stay stay, int room) {
        return stay.isPinned() ? stay.pinnedRoom() == room : stay.acceptsType(roomType[room]);
    }

    /**
     * The reservations' current rooms: each stay's valid {@code AssignedRoom}, -1 where it has none and for
     * the pieces of new reservations (their room is never taken from the input, SPEC §8.2).
     */
    public RoomPlan currentRooms() {
        int[] rooms = new int[stays.size()];
        for (Stay s : stays) {
            rooms[s.index()] = s.isTest() ? -1 : roomIndex(s.reservation().assignedRoom());
        }
        return new RoomPlan(rooms);
    }

    /** The stays' current rooms, or {@code null} if some stay has no valid room. */
    public RoomPlan currentPlan() {
        int[] rooms = new int[stays.size()];
        for (Stay s : stays) {
            rooms[s.index()] = roomIndex(s.reservation().assignedRoom());
            if (rooms[s.index()] < 0) {
                return null;
            }
        }
        return new RoomPlan(rooms);
    }

    /**
     * Adjacency groups (SPEC §4.5): stays sharing a label, kept only when at least two reservations carry
     * it (the pieces of one split reservation count once, Q11/Q12).
     */
    public static final class GroupIndex {
        private final List<GroupLabel> labels = new ArrayList<>();
        private final int[] groupOfStay;

        public GroupIndex(List<GroupLabel> labelOfStay) {
            this(labelOfStay, null);
        }

        /** @param ownerOfStay which reservation each stay belongs to (pieces share one), or null for "itself" */
        public GroupIndex(List<GroupLabel> labelOfStay, int[] ownerOfStay) {
            Map<GroupLabel, Set<Integer>> owners = new LinkedHashMap<>();
            for (int i = 0; i < labelOfStay.size(); i++) {
                if (labelOfStay.get(i) != null) {
                    owners.computeIfAbsent(labelOfStay.get(i), k -> new LinkedHashSet<>())
                            .add(ownerOfStay == null ? i : ownerOfStay[i]);
                }
            }
            Map<GroupLabel, Integer> index = new HashMap<>();
            owners.forEach((label, who) -> {
                if (who.size() >= 2) {
                    index.put(label, labels.size());
                    labels.add(label);
                }
            });
            groupOfStay = new int[labelOfStay.size()];
            for (int i = 0; i < labelOfStay.size(); i++) {
                groupOfStay[i] = labelOfStay.get(i) == null ? -1 : index.getOrDefault(labelOfStay.get(i), -1);
            }
        }

        public int groupOf(int stay) {
            return groupOfStay[stay];
        }

        public List<GroupLabel> labels() {
            return labels;
        }
    }
}
