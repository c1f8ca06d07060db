package org.bookingopt.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ReasonDetail} of plan rows (BookingOpt only): a sentence next to each {@code Reason} code saying
 * what the stay's room does, found by comparing the published plan with the current one. For a moved or kept
 * stay, the short gaps (below the minimum stay, SPEC §4.3 orphans) next to its nights in the rooms concerned
 * that the plan removes or leaves, and who now holds its old room; for a stay without a current room, its
 * neighbours; for a group member, the rooms of the members next to it.
 */
public final class PlanExplanation {
    /** A short gap: {@code nights} empty nights from {@code start} in {@code room}, between two stays. */
    private record Gap(int room, int start, int nights) {
        int end() {
            return start + nights;
        }

        boolean touches(int from, int to) {
            return start <= to && from <= end();
        }
    }

    private final AssignmentProblem problem;
    private final RoomPlan plan;
    private final RoomPlan current;
    private final List<List<Stay>> planTimelines;
    private final List<List<Gap>> planGaps;
    private final List<List<Stay>> currentTimelines;
    private final List<List<Gap>> currentGaps;

    /**
     * @param plan    the published plan
     * @param current the stays' current rooms, -1 where a stay has none ({@link AssignmentProblem#currentRooms})
     */
    public PlanExplanation(AssignmentProblem problem, RoomPlan plan, RoomPlan current) {
        this.problem = problem;
        this.plan = plan;
        this.current = current;
        this.planTimelines = PlanEvaluator.timelines(problem, plan);
        this.planGaps = shortGaps(planTimelines);
        this.currentTimelines = timelines(current);
        this.currentGaps = shortGaps(currentTimelines);
    }

    /** The detail of stay {@code s}'s row in the plan. */
    public String of(Stay s) {
        int room = plan.room(s.index());
        String text;
        if (s.pin() == Pin.LOCKED) {
            text = "locked in " + room(room);
        } else if (s.pin() == Pin.OUTSIDE_REQUEST_WINDOW) {
            text = "outside the request window: stays in " + room(room);
        } else if (s.pin() == Pin.KEPT) {
            text = "kept in " + room(room) + (problem.problem().restrictionsForInitialPlan()
                    ? ": RestrictionsForInitialPlan publishes the input plan as it is"
                    : ": existing stays keep their rooms in the fit into the current plan");
        } else {
            int was = s.isTest() ? -1 : current.room(s.index());
            text = was < 0 ? assigned(s, room) : was == room ? kept(s, room) : moved(s, was, room);
        }
        return s.group() < 0 ? text : text + "; " + group(s);
    }

    private String assigned(Stay s, int room) {
        List<String> parts = new ArrayList<>();
        List<Stay> timeline = planTimelines.get(room);
        int at = timeline.indexOf(s);
        if (at > 0) {
            parts.add(neighbour(timeline.get(at - 1), s.arrival() - timeline.get(at - 1).departure(), "after",
                    timeline.get(at - 1).departure()));
        }
        if (at + 1 < timeline.size()) {
            parts.add(neighbour(timeline.get(at + 1), timeline.get(at + 1).arrival() - s.departure(), "before",
                    s.departure()));
        }
        parts.removeIf(Objects::isNull);
        return "assigned to " + room(room) + ": " + (parts.isEmpty() ? "no short gap next to it" : String.join(", ", parts));
    }

    /** "right after Smith" for no gap, "a 1-night gap after it on …" for a short one; null for a long one. */
    private String neighbour(Stay other, int gap, String side, int gapStart) {
        if (gap == 0) {
            return "right " + side + " " + name(other);
        }
        return GapCost.isOrphan(gap, problem.schedule().minimumStay(gapStart)) ? gap(gap, "", gapStart) + " " + side + " " + name(other) : null;
    }

    private String kept(Stay s, int room) {
        List<String> changes = changes(s, List.of(room));
        if (!changes.isEmpty()) {
            return "kept in " + room(room) + ": the plan around it " + String.join("; ", changes);
        }
        List<String> left = new ArrayList<>();
        for (Gap g : planGaps.get(room)) {
            if (g.touches(s.arrival(), s.departure())) {
                left.add(gap(g.nights(), "", g.start()));
            }
        }
        return left.isEmpty() ? "kept: already in its best room, " + room(room) + " (no short gap next to it)"
                : "kept in " + room(room) + "; " + String.join(" and ", left) + " next to it stay"
                + (left.size() == 1 ? "s" : "");
    }

    private String moved(Stay s, int from, int to) {
        List<String> parts = new ArrayList<>(changes(s, List.of(from, to)));
        Set<String> takers = new LinkedHashSet<>(); // a new reservation's pieces count once
        for (Stay other : planTimelines.get(from)) {
            if (other.overlaps(s)) {
                takers.add(name(other));
            }
        }
        if (!takers.isEmpty()) {
            parts.add(room(from) + " goes to " + String.join(", ", takers));
        }
        if (parts.isEmpty()) {
            parts.add("gap cost of " + room(from) + " and " + room(to) + ": " + number(roomCost(currentTimelines.get(from))
                    + roomCost(currentTimelines.get(to))) + " -> " + number(roomCost(planTimelines.get(from))
                    + roomCost(planTimelines.get(to))));
        }
        return "moved from " + room(from) + " to " + room(to) + ": " + String.join("; ", parts);
    }

    /** Short gaps touching the stay's nights in these rooms that the plan removes, then those it opens. */
    private List<String> changes(Stay s, List<Integer> rooms) {
        List<String> removed = new ArrayList<>();
        List<String> opened = new ArrayList<>();
        for (int room : rooms) {
            for (Gap g : currentGaps.get(room)) {
                if (g.touches(s.arrival(), s.departure()) && !planGaps.get(room).contains(g)) {
                    removed.add(gap(g.nights(), " in " + room(room), g.start()));
                }
            }
            for (Gap g : planGaps.get(room)) {
                if (g.touches(s.arrival(), s.departure()) && !currentGaps.get(room).contains(g)) {
                    opened.add(gap(g.nights(), " in " + room(room), g.start()));
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (!removed.isEmpty()) {
            parts.add("removes " + String.join(", ", removed));
        }
        if (!opened.isEmpty()) {
            parts.add("leaves " + String.join(", ", opened));
        }
        return parts;
    }

    private String group(Stay s) {
        String label = "group " + problem.groups().get(s.group()).key();
        TreeSet<Integer> next = neighbours(s, plan.room(s.index()), plan);
        String now = next.isEmpty() ? "no other member next to " + room(plan.room(s.index()))
                : "adjacent to " + rooms(next);
        int was = s.isTest() ? -1 : current.room(s.index());
        if (was >= 0 && was != plan.room(s.index())) {
            TreeSet<Integer> before = neighbours(s, was, current);
            now += " (in " + room(was) + ": " + (before.isEmpty() ? "none" : rooms(before)) + ")";
        }
        return label + ": " + now;
    }

    /** Rooms of other members (not its own sibling pieces) adjacent to {@code room} in that plan. */
    private TreeSet<Integer> neighbours(Stay s, int room, RoomPlan in) {
        TreeSet<Integer> rooms = new TreeSet<>();
        for (Stay other : problem.membersOf(s.group())) {
            int otherRoom = in.room(other.index());
            if (s.isGroupPartnerOf(other) && otherRoom >= 0 && problem.adjacent(room, otherRoom)) {
                rooms.add(otherRoom);
            }
        }
        return rooms;
    }

    private List<List<Stay>> timelines(RoomPlan rooms) {
        List<List<Stay>> timelines = new ArrayList<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            timelines.add(new ArrayList<>());
        }
        for (Stay s : problem.stays()) {
            if (rooms.room(s.index()) >= 0) {
                timelines.get(rooms.room(s.index())).add(s);
            }
        }
        timelines.forEach(t -> t.sort((a, b) -> a.arrival() != b.arrival() ? Integer.compare(a.arrival(), b.arrival())
                : Integer.compare(a.departure(), b.departure())));
        return timelines;
    }

    private List<List<Gap>> shortGaps(List<List<Stay>> timelines) {
        List<List<Gap>> gaps = new ArrayList<>();
        for (int r = 0; r < timelines.size(); r++) {
            List<Gap> room = new ArrayList<>();
            List<Stay> timeline = timelines.get(r);
            for (int i = 1; i < timeline.size(); i++) {
                int start = timeline.get(i - 1).departure();
                int nights = timeline.get(i).arrival() - start;
                if (GapCost.isOrphan(nights, problem.schedule().minimumStay(start))) {
                    room.add(new Gap(r, start, nights));
                }
            }
            gaps.add(room);
        }
        return gaps;
    }

    private double roomCost(List<Stay> timeline) {
        double cost = 0;
        for (int i = 1; i < timeline.size(); i++) {
            int start = timeline.get(i - 1).departure();
            cost += GapCost.of(timeline.get(i).arrival() - start, problem.schedule().minimumStay(start));
        }
        return cost;
    }

    private String room(int room) {
        return "room " + problem.rooms().get(room).number();
    }

    private String rooms(TreeSet<Integer> rooms) {
        List<String> numbers = new ArrayList<>();
        rooms.forEach(r -> numbers.add(problem.rooms().get(r).number().text()));
        return (rooms.size() == 1 ? "room " : "rooms ") + String.join(", ", numbers);
    }

    private static String name(Stay s) {
        return (s.isTest() ? "new reservation " : "reservation ") + s.reservation().name();
    }

    /** "a 1-night gap in room 12 on 2027-03-04", "a 2-night gap from 2027-03-04". */
    private static String gap(int nights, String where, int start) {
        return "a " + nights + "-night gap" + where + (nights == 1 ? " on " : " from ") + LocalDate.ofEpochDay(start);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
