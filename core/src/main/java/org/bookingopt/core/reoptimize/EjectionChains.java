package org.bookingopt.core.reoptimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * The cheap first attempt at a test stay: put it in a room, move the stays it displaces to other rooms,
 * which may displace a few more (an ejection chain of bounded depth), keeping every touched room's gaps
 * sellable. Most feasible tests are answered here in well under a millisecond. It never proves
 * infeasibility: a failed search only means "ask the models".
 */
final class EjectionChains {
    /** Displacements a chain may cascade through. */
    private static final int DEPTH = 3;
    /** Search nodes per test, so a hopeless test costs little. */
    private static final int NODES = 4_000;

    private final AssignmentProblem withTest;
    private final GapTiling tiling;
    private final int start;
    private final int[][] occupant; // [room][night - start]: stay index or -1
    private final int[] roomOf;
    private final int test;
    private final int[] baseRoom;
    private int nodes;

    private EjectionChains(AssignmentProblem withTest, GapTiling tiling, RoomPlan base) {
        this.withTest = withTest;
        this.tiling = tiling;
        this.start = tiling.start();
        this.test = withTest.stays().size() - 1;
        this.occupant = new int[withTest.roomCount()][tiling.end() - start];
        for (int[] row : occupant) {
            Arrays.fill(row, -1);
        }
        this.roomOf = new int[withTest.stays().size()];
        Arrays.fill(roomOf, -1);
        for (int s = 0; s < test; s++) {
            put(s, base.room(s));
        }
        this.baseRoom = base.roomOfStay();
    }

    /**
     * @param withTest the problem with the test stay last
     * @param base     rooms of every other stay (a valid plan under the rule)
     * @return rooms for every stay of {@code withTest} (to be checked by {@link TestStayRule}), or null
     */
    static RoomPlan tryInsert(AssignmentProblem withTest, GapTiling tiling, RoomPlan base, TestStayRule rule) {
        EjectionChains search = new EjectionChains(withTest, tiling, base);
        return search.insert(rule);
    }

    /** The test stay is the first stay to place. */
    private RoomPlan insert(TestStayRule rule) {
        return placeAll(List.of(test), DEPTH, rule);
    }

    /** Tries to put every stay of {@code pending} somewhere; a full plan on success. */
    private RoomPlan placeAll(List<Integer> pending, int depth, TestStayRule rule) {
        if (pending.isEmpty()) {
            if (!movedGroupsWithinCaps(rule)) {
                return null;
            }
            RoomPlan plan = new RoomPlan(roomOf);
            return rule.violations(withTest, plan).isEmpty() ? plan : null;
        }
        Stay s = withTest.stay(pending.get(pending.size() - 1));
        List<Integer> rest = new ArrayList<>(pending.subList(0, pending.size() - 1));
        for (int r : roomsByDisplacement(s)) {
            if (nodes > NODES) {
                return null;
            }
            RoomPlan plan = placeAndContinue(s, r, rest, depth, rule);
            if (plan != null) {
                return plan;
            }
        }
        return null;
    }

    /**
     * Puts {@code s} into room {@code r}, displacing what overlaps it (and, when that leaves a gap nobody can
     * sell, the neighbour on that side), then places the rest.
     */
    private RoomPlan placeAndContinue(Stay s, int r, List<Integer> rest, int depth, TestStayRule rule) {
        List<Integer> displaced = overlapping(r, s);
        for (int extra = 0; extra < 4; extra++) {
            List<Integer> evict = new ArrayList<>(displaced);
            if ((extra & 1) != 0 && !addNeighbour(evict, r, s.arrival() - 1, -1)) {
                continue;
            }
            if ((extra & 2) != 0 && !addNeighbour(evict, r, s.departure(), +1)) {
                continue;
            }
            if (!evict.isEmpty() && depth == 0) {
                return null;
            }
            if (evict.stream().anyMatch(i -> i == test || withTest.stay(i).isPinned())) {
                continue;
            }
            nodes++;
            evict.forEach(this::remove);
            put(s.index(), r);
            RoomPlan plan = null;
            boolean sellable = gapsSellable(r);
            if (sellable) {
                List<Integer> next = new ArrayList<>(rest);
                next.addAll(evict);
                plan = placeAll(next, evict.isEmpty() ? depth : depth - 1, rule);
            }
            remove(s.index());
            for (int i : evict) {
                put(i, r);
            }
            if (plan != null) {
                return plan;
            }
            if (extra == 0 && sellable) {
                // The room was fine; only the rest failed: evicting neighbours too will not help.
                break;
            }
        }
        return null;
    }

    /**
     * The cheap part of the rule at a leaf: every adjacency group with a moved member still has at most its
     * allowed members without a neighbour (types, overlaps and gaps hold by construction). The whole rule is
     * checked after it, once per candidate plan, not at every leaf.
     */
    private boolean movedGroupsWithinCaps(TestStayRule rule) {
        for (int g = 0; g < withTest.groups().size(); g++) {
            List<Stay> group = withTest.membersOf(g);
            if (group.stream().allMatch(m -> roomOf[m.index()] == baseRoom[m.index()])) {
                continue;
            }
            int unsatisfied = 0;
            for (Stay m : group) {
                boolean satisfied = false;
                for (Stay other : group) {
                    if (m.isGroupPartnerOf(other) && withTest.adjacent(roomOf[m.index()], roomOf[other.index()])) {
                        satisfied = true;
                        break;
                    }
                }
                unsatisfied += satisfied ? 0 : 1;
            }
            if (unsatisfied > rule.unsatisfiedAllowed(g)) {
                return false;
            }
        }
        return true;
    }

    /** Adds the stay next to night {@code from} in room r walking in {@code step} direction over free nights. */
    private boolean addNeighbour(List<Integer> evict, int r, int from, int step) {
        int[] row = occupant[r];
        for (int night = from; night >= start && night - start < row.length; night += step) {
            int who = row[night - start];
            if (who >= 0 && !evict.contains(who)) {
                evict.add(who);
                return true;
            }
            if (who >= 0) {
                continue;
            }
        }
        return false;
    }

    /** Every interior gap of room r splits into sellable stays. */
    private boolean gapsSellable(int r) {
        int[] row = occupant[r];
        int lastDeparture = Integer.MIN_VALUE;
        boolean ok = true;
        for (int i = 0; i < row.length && ok; i++) {
            boolean occupied = row[i] >= 0;
            boolean arrival = occupied && (i == 0 || row[i - 1] != row[i]);
            if (arrival && lastDeparture != Integer.MIN_VALUE && lastDeparture < start + i) {
                ok = tiling.accepts(lastDeparture, start + i);
            }
            if (occupied && (i + 1 == row.length || row[i + 1] != row[i])) {
                lastDeparture = start + i + 1;
            }
        }
        return ok;
    }

    /**
     * The rooms {@code s} may take, fewest displaced stays first, ties by room index. Sorted on precomputed
     * keys (count · rooms + room): a comparator counting overlaps on every comparison was most of the time
     * of a failed search.
     */
    private int[] roomsByDisplacement(Stay s) {
        int rooms = withTest.roomCount();
        long[] keys = new long[rooms];
        int n = 0;
        for (int r = 0; r < rooms; r++) {
            if (s.index() == test || withTest.stayFitsRoom(s, r)) {
                keys[n++] = (long) overlapCount(r, s) * rooms + r;
            }
        }
        Arrays.sort(keys, 0, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] % rooms);
        }
        return order;
    }

    /** How many stays {@code s} would displace from room r (the size of {@link #overlapping}). */
    private int overlapCount(int r, Stay s) {
        int[] row = occupant[r];
        int count = 0;
        int last = -1;
        for (int night = s.arrival(); night < s.departure(); night++) {
            int who = row[night - start];
            if (who >= 0 && who != last) {
                count++;
                last = who;
            }
        }
        return count;
    }

    private List<Integer> overlapping(int r, Stay s) {
        List<Integer> found = new ArrayList<>();
        int[] row = occupant[r];
        for (int night = s.arrival(); night < s.departure(); night++) {
            int who = row[night - start];
            if (who >= 0 && (found.isEmpty() || found.get(found.size() - 1) != who)) {
                found.add(who);
            }
        }
        return found;
    }

    private void put(int stay, int room) {
        Stay s = withTest.stay(stay);
        roomOf[stay] = room;
        for (int night = s.arrival(); night < s.departure(); night++) {
            occupant[room][night - start] = stay;
        }
    }

    private void remove(int stay) {
        Stay s = withTest.stay(stay);
        int room = roomOf[stay];
        for (int night = s.arrival(); night < s.departure(); night++) {
            if (occupant[room][night - start] == stay) {
                occupant[room][night - start] = -1;
            }
        }
        roomOf[stay] = -1;
    }
}
