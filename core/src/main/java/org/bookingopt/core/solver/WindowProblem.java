package org.bookingopt.core.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Pin;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * The part of a problem that a few free stays can change, everything else held where a base plan has it.
 * The free stays lie within the window [lo, hi) of their earliest arrival and latest departure. A gap in a
 * room only changes if a free stay can enter it, so in every room that accepts a free stay the model needs
 * the fixed stays overlapping the window and the nearest fixed stay on each side of it (one contiguous run
 * of the room's timeline); everything before and after costs the same whatever the free stays do. Fixed
 * members of an adjacency group with a free member are kept too (with the stays between them and the
 * window in their room), since their neighbours may change. The sub-problem's objective therefore differs
 * from the whole problem's by a constant, and its optimum is the optimum of the whole problem over the
 * plans that move only the free stays.
 */
final class WindowProblem {
    final AssignmentProblem full;
    final AssignmentProblem sub;
    /** Sub-problem stay index → stay index in the whole problem. */
    final int[] original;
    /** One layer per room the sub-problem uses. */
    final List<LayeredFlowModel.Layer> layers;
    private final RoomPlan base;

    private WindowProblem(AssignmentProblem full, AssignmentProblem sub, int[] original,
                          List<LayeredFlowModel.Layer> layers, RoomPlan base) {
        this.full = full;
        this.sub = sub;
        this.original = original;
        this.layers = layers;
        this.base = base;
    }

    /**
     * @param base room of every stay that is not free (free stays may hold anything)
     * @param free the stays the sub-problem may place; they must not be pinned
     */
    static WindowProblem around(AssignmentProblem full, RoomPlan base, boolean[] free) {
        return around(full, base, free, null);
    }

    /**
     * As {@link #around(AssignmentProblem, RoomPlan, boolean[])}, the free stays placed only in the rooms
     * {@code allowedRoom} marks (all when null): a neighbourhood of a few rooms.
     */
    static WindowProblem around(AssignmentProblem full, RoomPlan base, boolean[] free, boolean[] allowedRoom) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        boolean[] groupHasFree = new boolean[full.groups().size()];
        boolean[] roomTakesFree = new boolean[full.roomCount()];
        for (Stay s : full.stays()) {
            if (free[s.index()]) {
                lo = Math.min(lo, s.arrival());
                hi = Math.max(hi, s.departure());
                if (s.group() >= 0) {
                    groupHasFree[s.group()] = true;
                }
                for (int r = 0; r < full.roomCount(); r++) {
                    roomTakesFree[r] |= full.stayFitsRoom(s, r) && (allowedRoom == null || allowedRoom[r]);
                }
            }
        }
        List<List<Stay>> timelines = new ArrayList<>();
        for (int r = 0; r < full.roomCount(); r++) {
            timelines.add(new ArrayList<>());
        }
        for (Stay s : full.stays()) {
            if (!free[s.index()]) {
                timelines.get(base.room(s.index())).add(s);
            }
        }
        boolean[] keep = free.clone();
        List<Integer> usedRooms = new ArrayList<>();
        for (int r = 0; r < full.roomCount(); r++) {
            List<Stay> t = timelines.get(r);
            t.sort(Comparator.comparingInt(Stay::arrival));
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            if (roomTakesFree[r] && !t.isEmpty()) {
                // From the last stay departing by lo to the first arriving from hi on.
                first = 0;
                last = t.size() - 1;
                for (int i = 0; i < t.size(); i++) {
                    if (t.get(i).departure() <= lo) {
                        first = i;
                    }
                }
                for (int i = t.size() - 1; i >= 0; i--) {
                    if (t.get(i).arrival() >= hi) {
                        last = i;
                    }
                }
            }
            if (roomTakesFree[r]) {
                usedRooms.add(r);
            }
            boolean members = false;
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).group() >= 0 && groupHasFree[t.get(i).group()]) {
                    members = true;
                    if (roomTakesFree[r]) {
                        first = Math.min(first, i);
                        last = Math.max(last, i);
                    } else {
                        keep[t.get(i).index()] = true; // nothing can enter this room: its gaps are constant
                    }
                }
            }
            if (members && !roomTakesFree[r]) {
                usedRooms.add(r);
            }
            for (int i = Math.max(0, first); i <= last && i < t.size(); i++) {
                keep[t.get(i).index()] = true;
            }
        }
        List<Stay> subStays = new ArrayList<>();
        List<Integer> original = new ArrayList<>();
        for (Stay s : full.stays()) {
            if (!keep[s.index()]) {
                continue;
            }
            int room = free[s.index()] ? -1 : base.room(s.index());
            Pin pin = free[s.index()] ? Pin.NONE : s.isPinned() ? s.pin() : Pin.KEPT;
            subStays.add(new Stay(subStays.size(), s.reservation(), s.arrival(), s.departure(), s.allowedTypes(),
                    room, pin, s.group(), s.splitGroup()));
            original.add(s.index());
        }
        usedRooms.sort(Integer::compare);
        List<LayeredFlowModel.Layer> layers = new ArrayList<>();
        for (int r : usedRooms) {
            // A room kept only for its group members holds just those stays here: no free stay may enter.
            layers.add(new LayeredFlowModel.Layer(full.typeOf(r), new int[] {r}, !roomTakesFree[r]));
        }
        return new WindowProblem(full, full.withStays(subStays), original.stream().mapToInt(Integer::intValue).toArray(),
                layers, base);
    }

    /** The whole problem's plan: the sub-problem's rooms (by layer) for its stays, the base plan elsewhere. */
    RoomPlan lift(int[] layerOfSubStay) {
        int[] rooms = base.roomOfStay().clone();
        for (int i = 0; i < original.length; i++) {
            rooms[original[i]] = layers.get(layerOfSubStay[i]).rooms()[0];
        }
        return new RoomPlan(rooms);
    }

    /** The sub-problem's part of a whole plan (rooms of its stays, for hints and costs). */
    RoomPlan restrict(RoomPlan plan) {
        int[] rooms = new int[original.length];
        for (int i = 0; i < original.length; i++) {
            rooms[i] = plan.room(original[i]);
        }
        return new RoomPlan(rooms);
    }

    /** Sub-problem stays that are free. */
    boolean isFree(int subStay) {
        return !sub.stay(subStay).isPinned();
    }
}
