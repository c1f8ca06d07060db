package org.bookingopt.core.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.GapCost;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * Seats group members next to their group by exchanging a stretch of days between two rooms of one type.
 * Between two days on which neither room has a guest staying over, the rooms' stays can trade places; only
 * the gaps across those two days change, and often not at all (both rooms free from the same day, or both
 * idle long enough for the gap to be free). So a member left alone by the decomposition usually moves next
 * to its group at no gap cost. Exact cost of every exchange is computed; only improving ones are made, no
 * pinned stay ever moves.
 */
final class SegmentSwaps {
    /** How many cut days to try on each side of a member's stay. */
    private static final int CUTS = 6;
    /** How far back and ahead of the stay a cut day is looked for. */
    private static final int REACH = 60;

    private final AssignmentProblem problem;
    private final int[] rooms;
    private final List<List<Stay>> timelines;
    private final double penaltyUnits;
    private final boolean gapFree;

    private SegmentSwaps(AssignmentProblem problem, RoomPlan plan, boolean gapFree) {
        this.problem = problem;
        this.gapFree = gapFree;
        this.rooms = plan.roomOfStay();
        this.timelines = PlanEvaluator.timelines(problem, plan);
        this.penaltyUnits = Math.scalb(PlanEvaluator.adjacencyPenalty(problem), GapCost.FRACTION_BITS);
    }

    /** The plan with lone group members moved next to their group where an exchange lowers the cost. */
    static RoomPlan seatGroups(AssignmentProblem problem, RoomPlan plan, long deadline, Cancellation cancellation) {
        return seatGroups(problem, plan, false, deadline, cancellation);
    }

    /**
     * @param gapFree only exchanges that add no gap cost: a plan at the relaxation's bound stays there, and
     *                the members these cannot seat are left for {@link GroupSeating}
     */
    static RoomPlan seatGroups(AssignmentProblem problem, RoomPlan plan, boolean gapFree, long deadline,
                               Cancellation cancellation) {
        if (problem.stays().stream().anyMatch(Stay::isTest)) {
            return plan; // split pieces carry room-change penalties this exchange does not price
        }
        SegmentSwaps swaps = new SegmentSwaps(problem, plan, gapFree);
        for (int pass = 0; pass < 3; pass++) {
            boolean improved = false;
            for (int g = 0; g < problem.groups().size(); g++) {
                List<Stay> members = problem.membersOf(g);
                for (Stay s : members) {
                    if (System.nanoTime() >= deadline || cancellation.isCancelled()) {
                        return new RoomPlan(swaps.rooms);
                    }
                    if (!swaps.satisfied(s)) {
                        improved |= swaps.seat(s);
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return new RoomPlan(swaps.rooms);
    }

    /** Tries every room next to another member, of the member's room's type; makes the best exchange. */
    private boolean seat(Stay s) {
        int from = rooms[s.index()];
        Set<Integer> targets = new LinkedHashSet<>();
        for (Stay m : problem.membersOf(s.group())) {
            if (m.index() == s.index()) {
                continue;
            }
            for (int r = 0; r < problem.roomCount(); r++) {
                if (r != from && problem.typeOf(r) == problem.typeOf(from) && problem.adjacent(r, rooms[m.index()])) {
                    targets.add(r);
                }
            }
        }
        double bestDelta = -0.5;
        int[] best = null;
        for (int to : targets) {
            List<Integer> starts = cuts(from, to, s.arrival(), -1);
            List<Integer> ends = cuts(from, to, s.departure(), 1);
            for (int start : starts) {
                for (int end : ends) {
                    double delta = delta(from, to, start, end);
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        best = new int[] {to, start, end};
                    }
                }
            }
        }
        if (best == null) {
            return false;
        }
        exchange(from, best[0], best[1], best[2]);
        return true;
    }

    /** Days near {@code day} (looking in {@code direction}) on which neither room has a stay across. */
    private List<Integer> cuts(int a, int b, int day, int direction) {
        List<Integer> cuts = new ArrayList<>();
        for (int t = day; cuts.size() < CUTS && Math.abs(t - day) <= REACH; t += direction) {
            if (idleAt(a, t) && idleAt(b, t)) {
                cuts.add(t);
            }
        }
        return cuts;
    }

    private boolean idleAt(int room, int day) {
        for (Stay s : timelines.get(room)) {
            if (s.arrival() < day && day < s.departure()) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Stay s, int start, int end) {
        return s.arrival() >= start && s.departure() <= end;
    }

    /** Cost change, in units, of trading the stays of [start, end) between rooms a and b; +∞ if a pin moves. */
    private double delta(int a, int b, int start, int end) {
        List<Stay> moved = new ArrayList<>();
        for (int room : new int[] {a, b}) {
            for (Stay s : timelines.get(room)) {
                if (inside(s, start, end)) {
                    if (s.isPinned()) {
                        return Double.POSITIVE_INFINITY;
                    }
                    moved.add(s);
                }
            }
        }
        double gapsBefore = gapUnits(timelines.get(a)) + gapUnits(timelines.get(b));
        double before = gapsBefore + lonelyUnits(moved);
        move(moved, a, b);
        double gapsAfter = gapUnits(timeline(a, a, b)) + gapUnits(timeline(b, a, b));
        double after = gapsAfter + lonelyUnits(moved);
        move(moved, a, b); // and back
        return gapFree && gapsAfter > gapsBefore ? Double.POSITIVE_INFINITY : after - before;
    }

    private void exchange(int a, int b, int start, int end) {
        List<Stay> moved = new ArrayList<>();
        for (int room : new int[] {a, b}) {
            for (Stay s : timelines.get(room)) {
                if (inside(s, start, end)) {
                    moved.add(s);
                }
            }
        }
        move(moved, a, b);
        List<Stay> newA = timeline(a, a, b);
        List<Stay> newB = timeline(b, a, b);
        timelines.set(a, newA);
        timelines.set(b, newB);
    }

    private void move(List<Stay> moved, int a, int b) {
        for (Stay s : moved) {
            rooms[s.index()] = rooms[s.index()] == a ? b : a;
        }
    }

    /** The stays of {@code room} by arrival after a move between rooms a and b (their old timelines). */
    private List<Stay> timeline(int room, int a, int b) {
        List<Stay> stays = new ArrayList<>();
        for (List<Stay> t : List.of(timelines.get(a), timelines.get(b))) {
            for (Stay s : t) {
                if (rooms[s.index()] == room) {
                    stays.add(s);
                }
            }
        }
        stays.sort(Comparator.comparingInt(Stay::arrival));
        return stays;
    }

    private double gapUnits(List<Stay> timeline) {
        double units = 0;
        for (int i = 1; i < timeline.size(); i++) {
            units += GapArcs.cost(problem.schedule(), timeline.get(i - 1).departure(), timeline.get(i).arrival());
        }
        return units;
    }

    /** Penalty of the lonely members among the groups of the moved stays. */
    private double lonelyUnits(List<Stay> moved) {
        Set<Integer> groups = new LinkedHashSet<>();
        moved.forEach(s -> {
            if (s.group() >= 0) {
                groups.add(s.group());
            }
        });
        double units = 0;
        for (int g : groups) {
            for (Stay m : problem.membersOf(g)) {
                if (!satisfied(m)) {
                    units += penaltyUnits;
                }
            }
        }
        return units;
    }

    private boolean satisfied(Stay s) {
        for (Stay other : problem.membersOf(s.group())) {
            if (other.index() != s.index() && problem.adjacent(rooms[s.index()], rooms[other.index()])) {
                return true;
            }
        }
        return false;
    }
}
