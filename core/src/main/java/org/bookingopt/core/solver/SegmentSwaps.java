package org.bookingopt.core.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    private static final System.Logger LOG = System.getLogger(SegmentSwaps.class.getName());
    /** How many cut days to try on each side of a member's stay, each trading other stays than the one before. */
    private static final int CUTS = 6;
    /** Exchanges into one room kept for {@link #seatPair}, among those of the least gap cost. */
    private static final int MOVES_PER_ROOM = 4;
    /** How far back and ahead of the stay a cut day is looked for. */
    private static final int REACH = 60;
    /** Cut days before every arrival and after every departure. */
    private static final int HORIZON_START = Integer.MIN_VALUE / 2;
    private static final int HORIZON_END = Integer.MAX_VALUE / 2;

    private final AssignmentProblem problem;
    private final int[] rooms;
    private final List<List<Stay>> timelines;
    private final double penaltyUnits;
    private final boolean gapFree;
    private int exchanges;
    /** Rooms an exchange of {@link #cheaperGaps} changed in the current pass. */
    private boolean[] changed;
    /** Per room, how many of its first i stays are pinned; null until asked for after the room changed. */
    private final int[][] pinnedBefore;
    /** Per room, the rooms adjacent to it (itself too if it lists itself), ascending. */
    private final List<List<Integer>> neighbours = new ArrayList<>();

    private SegmentSwaps(AssignmentProblem problem, RoomPlan plan, boolean gapFree) {
        this.problem = problem;
        this.gapFree = gapFree;
        this.rooms = plan.roomOfStay();
        this.timelines = PlanEvaluator.timelines(problem, plan);
        this.pinnedBefore = new int[problem.roomCount()][];
        this.penaltyUnits = Math.scalb(PlanEvaluator.adjacencyPenalty(problem), GapCost.FRACTION_BITS);
        for (int r = 0; r < problem.roomCount(); r++) {
            List<Integer> next = new ArrayList<>();
            for (int x = 0; x < problem.roomCount(); x++) {
                if (problem.adjacent(r, x)) {
                    next.add(x);
                }
            }
            neighbours.add(next);
        }
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
                        improved |= swaps.seat(s) || swaps.seatPair(s) || swaps.seatAround(s);
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return new RoomPlan(swaps.rooms);
    }

    /**
     * The plan with paying gaps made cheaper by exchanges between two rooms of one type: for each gap that
     * costs, every other room of the type idle at some day of it is tried, the exchange starting there and
     * ending at one of the next days (or earlier ones) both rooms are idle, or at the horizon's end. The best
     * exchange per gap is made if it lowers the cost (group members left alone count). Such exchanges reach
     * as far as the second cut, where the neighbourhood search's windows (a few weeks, with the stays across
     * their edges fixed) cannot.
     */
    static RoomPlan cheaperGaps(AssignmentProblem problem, RoomPlan plan, long deadline, Cancellation cancellation) {
        if (problem.stays().stream().anyMatch(Stay::isTest)) {
            return plan;
        }
        SegmentSwaps swaps = new SegmentSwaps(problem, plan, false);
        // After the first pass, only exchanges involving a room changed in the pass before can be new.
        boolean[] changed = null;
        for (int pass = 0; pass < 3; pass++) {
            long began = System.nanoTime();
            swaps.changed = new boolean[problem.roomCount()];
            for (int r = 0; r < problem.roomCount(); r++) {
                if (System.nanoTime() >= deadline || cancellation.isCancelled()) {
                    return new RoomPlan(swaps.rooms);
                }
                swaps.cheapenGapsOf(r, changed);
            }
            int p = pass;
            LOG.log(System.Logger.Level.DEBUG, () -> String.format("cheaper gaps: pass %d in %.1f s, %d exchanges so far",
                    p, (System.nanoTime() - began) / 1e9, swaps.exchanges));
            changed = swaps.changed;
            boolean any = false;
            for (boolean c : changed) {
                any |= c;
            }
            if (!any) {
                break;
            }
        }
        long chaining = System.nanoTime();
        swaps.changed = new boolean[problem.roomCount()];
        int before = swaps.exchanges;
        for (int r = 0; r < problem.roomCount(); r++) {
            if (System.nanoTime() >= deadline || cancellation.isCancelled()) {
                break;
            }
            swaps.chainGapsOf(r);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("cheaper gaps: chains in %.1f s, %d exchanges",
                (System.nanoTime() - chaining) / 1e9, swaps.exchanges - before));
        return new RoomPlan(swaps.rooms);
    }

    /**
     * The first day of each stretch in [from, to] on which the room has no stay across: later days of a
     * stretch trade the same stays. Those are {@code from} if idle, and the departures inside.
     */
    private List<Integer> idleStretchStarts(int room, int from, int to) {
        List<Stay> timeline = timelines.get(room);
        List<Integer> starts = new ArrayList<>();
        if (endOfStayAcross(timeline, from) == from) {
            starts.add(from);
        }
        for (int i = Math.max(0, firstArrivingFrom(timeline, from) - 1); i < timeline.size(); i++) {
            int d = timeline.get(i).departure();
            if (timeline.get(i).arrival() > to) {
                break;
            }
            if (d > from && d <= to) {
                starts.add(d);
            }
        }
        return starts;
    }

    /**
     * Makes the best improving exchange for each paying gap of the room, in turn.
     *
     * @param partners the other rooms to try when this one did not change (null: all)
     */
    private void cheapenGapsOf(int room, boolean[] partners) {
        for (int i = 1; i < timelines.get(room).size(); i++) {
            if (gap(timelines.get(room).get(i - 1), timelines.get(room).get(i)) <= 0) {
                continue;
            }
            Priced best = bestExchangeFor(room, i, partners);
            if (best != null) {
                made(best.exchange());
            }
        }
    }

    private void made(Exchange e) {
        exchange(e);
        exchanges++;
        changed[e.a()] = true;
        changed[e.b()] = true;
    }

    /**
     * The improving exchange of least cost change for the gap before stay {@code i} of {@code room} (its first cut
     * on a day of the gap, its second on one of the nearest days both rooms are idle); null if none improves.
     */
    private Priced bestExchangeFor(int room, int i, boolean[] partners) {
        return bestExchangeFor(room, i, partners, 0);
    }

    /** As above, improving together with a change already made: {@code made} + its change below -0.5 units. */
    private Priced bestExchangeFor(int room, int i, boolean[] partners, double made) {
        List<Stay> t = timelines.get(room);
        int departure = t.get(i - 1).departure();
        int arrival = t.get(i).arrival();
        double bestDelta = -0.5 - made;
        Exchange best = null;
        for (int other = 0; other < problem.roomCount(); other++) {
            if (other == room || problem.typeOf(other) != problem.typeOf(room)
                    || (partners != null && !partners[room] && !partners[other])) {
                continue;
            }
            for (Exchange e : exchangesFor(room, departure, arrival, other)) {
                double gaps = exchangeGaps(e);
                if (gaps < bestDelta) {
                    double delta = delta(List.of(e), gaps, -1);
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        best = e;
                    }
                }
            }
        }
        return best == null ? null : new Priced(best, bestDelta);
    }

    /** Exchanges with {@code other} whose first cut falls in the gap [departure, arrival] of {@code room}. */
    private List<Exchange> exchangesFor(int room, int departure, int arrival, int other) {
        List<Integer> starts = idleStretchStarts(other, departure, arrival);
        if (starts.isEmpty()) {
            return List.of();
        }
        List<Integer> ahead = cuts(room, other, arrival, 1);
        List<Integer> back = cuts(room, other, departure, -1);
        List<Exchange> candidates = new ArrayList<>();
        for (int start : starts) {
            for (int end : ahead) {
                candidates.add(new Exchange(room, other, start, end));
            }
            for (int end : back) {
                if (end < start) {
                    candidates.add(new Exchange(room, other, end, start));
                }
            }
        }
        return candidates;
    }

    /**
     * Two exchanges in a row for each paying gap no single one makes cheaper: the first gains at its cut in the gap
     * but loses at its other cut, and the second is the best exchange for a gap it left at that other cut (with
     * any room of the type). Made if both together lower the cost. A gap two rooms cannot trade away without a
     * dear second cut or a locked stay in between often needs just that third room.
     */
    private void chainGapsOf(int room) {
        for (int i = 1; i < timelines.get(room).size(); i++) {
            List<Stay> t = timelines.get(room);
            if (gap(t.get(i - 1), t.get(i)) <= 0) {
                continue;
            }
            int departure = t.get(i - 1).departure();
            int arrival = t.get(i).arrival();
            chains:
            for (int other = 0; other < problem.roomCount(); other++) {
                if (other == room || problem.typeOf(other) != problem.typeOf(room)) {
                    continue;
                }
                for (Exchange first : exchangesFor(room, departure, arrival, other)) {
                    int inGap = first.end() > arrival ? first.start() : first.end(); // the cut in the gap
                    if (changeAt(room, i, other, inGap) >= -0.5) {
                        continue;
                    }
                    double firstGaps = exchangeGaps(first);
                    if (!Double.isFinite(firstGaps)) {
                        continue;
                    }
                    double firstDelta = delta(List.of(first), firstGaps, -1);
                    int farCut = inGap == first.start() ? first.end() : first.start();
                    exchange(first); // tried: the second exchange is looked for in the plan with it
                    Priced second = null;
                    for (int r : new int[] {room, other}) {
                        int k = firstArrivingFrom(timelines.get(r), farCut);
                        if (k > 0 && k < timelines.get(r).size()
                                && gap(timelines.get(r).get(k - 1), timelines.get(r).get(k)) > 0) {
                            Priced p = bestExchangeFor(r, k, null, firstDelta);
                            if (p != null && (second == null || p.delta() < second.delta())) {
                                second = p;
                            }
                        }
                    }
                    exchange(first); // and undone
                    if (second != null || firstDelta < -0.5) {
                        made(first);
                        if (second != null) {
                            made(second.exchange());
                        }
                        break chains;
                    }
                }
            }
        }
    }

    /**
     * The gap change at {@code day} (idle in both rooms, in the gap before stay {@code i} of {@code room}) of
     * trading what follows it between the two rooms, when both have stays on each side of it.
     */
    private double changeAt(int room, int i, int other, int day) {
        List<Stay> t = timelines.get(room);
        List<Stay> o = timelines.get(other);
        int j = firstArrivingFrom(o, day);
        if (j == 0 || j == o.size()) {
            return 0;
        }
        return gap(t.get(i - 1), o.get(j)) + gap(o.get(j - 1), t.get(i)) - gap(t.get(i - 1), t.get(i))
                - gap(o.get(j - 1), o.get(j));
    }

    /** Tries every room next to another member, of the member's room's type; makes the best exchange. */
    private boolean seat(Stay s) {
        int from = rooms[s.index()];
        Set<Integer> targets = new LinkedHashSet<>();
        for (Stay m : problem.membersOf(s.group())) {
            if (m.index() == s.index()) {
                continue;
            }
            for (int r : neighbours.get(rooms[m.index()])) {
                if (r != from && problem.typeOf(r) == problem.typeOf(from)) {
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

    /** Trading the stays of [start, end) between rooms a and b; making it twice undoes it. */
    private record Exchange(int a, int b, int start, int end) {
    }

    /** Exchanges sharing no room, made together, and their gap change. */
    private record Move(List<Exchange> exchanges, double gaps) {
    }

    /** An exchange and its whole cost change (gaps and lone members). */
    private record Priced(Exchange exchange, double delta) {
    }

    /**
     * Two exchanges at once, for a member that no single exchange seats: a partner moves to some room r of its
     * type, and the member to a room next to r (or it is next to r already). Each exchange alone may seat no
     * one, so the single-exchange search never makes the first. The two exchanges share no room, so each one's
     * gap change is its own: the cheapest exchange into every room is found once for the member and once per
     * partner, and every pair of rooms side by side is tried. The best pair is made if it lowers the cost (in
     * gap-free mode: adds no gap cost).
     */
    private boolean seatPair(Stay s) {
        int from = rooms[s.index()];
        Map<Integer, List<Exchange>> landings = cheapestMoves(s, -1);
        // No pair can do better than seat the whole group at no gap cost: the first that does is taken.
        double bestPossible = -lonelyUnits(Set.of(s.group())) + 0.5;
        double bestDelta = -0.5;
        List<Exchange> best = null;
        members:
        for (Stay m : problem.membersOf(s.group())) {
            int home = rooms[m.index()];
            if (m.index() == s.index() || !s.isGroupPartnerOf(m) || home == from) {
                continue;
            }
            for (Exchange first : cheapestMoves(m, from).values().stream().flatMap(List::stream).toList()) {
                int target = first.b();
                double firstGaps = exchangeGaps(first);
                List<Move> candidates = new ArrayList<>();
                if (problem.adjacent(from, target)) {
                    candidates.add(new Move(List.of(first), firstGaps));
                }
                for (int r : neighbours.get(target)) {
                    if (r == home || r == target) {
                        continue;
                    }
                    for (Exchange second : landings.getOrDefault(r, List.of())) {
                        double gaps = firstGaps + exchangeGaps(second);
                        if (!(gapFree && gaps > 0)) {
                            candidates.add(new Move(List.of(first, second), gaps));
                        }
                    }
                }
                for (Move move : candidates) {
                    double delta = delta(move.exchanges(), move.gaps(), s.group());
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        best = move.exchanges();
                        if (delta <= bestPossible) {
                            break members;
                        }
                    }
                }
            }
        }
        if (best == null) {
            return false;
        }
        best.forEach(this::exchange);
        return true;
    }

    /**
     * Two partners at once, around a member that stays where it is (a pinned one, or one no exchange seats): one
     * partner moves next to it and another next to either of them. This is the usual case of a group whose
     * locked member the decomposition left alone while the others sit side by side elsewhere: moving one of them
     * seats the locked member but leaves the other alone, so neither single nor pair moves make the first step.
     */
    private boolean seatAround(Stay s) {
        int at = rooms[s.index()];
        List<Stay> partners = problem.membersOf(s.group()).stream()
                .filter(m -> s.isGroupPartnerOf(m) && rooms[m.index()] != at).toList();
        if (partners.size() < 2) {
            return false;
        }
        Map<Integer, Map<Integer, List<Exchange>>> movesOf = new LinkedHashMap<>();
        partners.forEach(m -> movesOf.put(m.index(), cheapestMoves(m, at)));
        double bestPossible = -lonelyUnits(Set.of(s.group())) + 0.5;
        double bestDelta = -0.5;
        List<Exchange> best = null;
        for (Stay first : partners) {
            for (Stay second : partners) {
                int firstHome = rooms[first.index()];
                int secondHome = rooms[second.index()];
                if (first == second || firstHome == secondHome) {
                    continue;
                }
                for (int nextToIt : neighbours.get(at)) {
                    if (nextToIt == secondHome) {
                        continue;
                    }
                    for (Exchange one : movesOf.get(first.index()).getOrDefault(nextToIt, List.of())) {
                        Set<Integer> beside = new LinkedHashSet<>(neighbours.get(nextToIt));
                        beside.addAll(neighbours.get(at));
                        for (int r : beside) {
                            if (r == at || r == nextToIt || r == firstHome) {
                                continue;
                            }
                            for (Exchange two : movesOf.get(second.index()).getOrDefault(r, List.of())) {
                                double gaps = exchangeGaps(one) + exchangeGaps(two);
                                if (gapFree && gaps > 0) {
                                    continue;
                                }
                                double delta = delta(List.of(one, two), gaps, s.group());
                                if (delta < bestDelta) {
                                    bestDelta = delta;
                                    best = List.of(one, two);
                                    if (delta <= bestPossible) {
                                        best.forEach(this::exchange);
                                        return true;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if (best == null) {
            return false;
        }
        best.forEach(this::exchange);
        return true;
    }

    /**
     * Per room of its type (not its own, not {@code avoid}), the cheapest exchanges moving {@code m} there (up to
     * {@link #MOVES_PER_ROOM}, earliest cuts first: they differ in which other stays move along); in gap-free
     * mode only those that add no gap cost.
     */
    private Map<Integer, List<Exchange>> cheapestMoves(Stay m, int avoid) {
        int home = rooms[m.index()];
        Map<Integer, List<Exchange>> moves = new LinkedHashMap<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            if (r == home || r == avoid || problem.typeOf(r) != problem.typeOf(home)) {
                continue;
            }
            double cheapest = gapFree ? 0 : Double.POSITIVE_INFINITY;
            List<Exchange> found = new ArrayList<>();
            for (int start : cuts(home, r, m.arrival(), -1)) {
                for (int end : cuts(home, r, m.departure(), 1)) {
                    Exchange e = new Exchange(home, r, start, end);
                    double gaps = exchangeGaps(e);
                    if (Double.isFinite(gaps) && gaps < cheapest) {
                        cheapest = gaps;
                        found.clear();
                    }
                    if (gaps == cheapest && found.size() < MOVES_PER_ROOM) {
                        found.add(e);
                    }
                }
            }
            if (!found.isEmpty()) {
                moves.put(r, found);
            }
        }
        return moves;
    }

    /**
     * Cost change of making exchanges that share no room (made and undone here): their gap change
     * {@code gaps} plus the change in lone members of the groups they touch and of {@code group} (-1: none).
     */
    private double delta(List<Exchange> exchanges, double gaps, int group) {
        Set<Integer> groups = new LinkedHashSet<>();
        if (group >= 0) {
            groups.add(group);
        }
        exchanges.forEach(e -> addGroups(groups, e));
        if (groups.isEmpty()) {
            return gaps;
        }
        double before = lonelyUnits(groups);
        int[][] pinned = pinnedBefore.clone();
        exchanges.forEach(this::exchange);
        double after = lonelyUnits(groups);
        exchanges.forEach(this::exchange); // and back: each undoes itself, and they share no room
        System.arraycopy(pinned, 0, pinnedBefore, 0, pinned.length);
        return gaps + after - before;
    }

    /** Groups of the stays an exchange trades. */
    private void addGroups(Set<Integer> groups, Exchange e) {
        for (int room : new int[] {e.a(), e.b()}) {
            for (Stay t : timelines.get(room)) {
                if (inside(t, e.start(), e.end()) && t.group() >= 0) {
                    groups.add(t.group());
                }
            }
        }
    }

    /**
     * Gap cost change, in units, of an exchange; +∞ if a pin would move. Cut days have no stay across them in
     * either room, so each room's timeline is before / inside / after, the inside parts trade places as blocks,
     * and only the gaps at the two cuts change.
     */
    private double exchangeGaps(Exchange e) {
        List<Stay> ta = timelines.get(e.a());
        List<Stay> tb = timelines.get(e.b());
        int a0 = firstArrivingFrom(ta, e.start());
        int a1 = firstArrivingFrom(ta, e.end());
        int b0 = firstArrivingFrom(tb, e.start());
        int b1 = firstArrivingFrom(tb, e.end());
        if (anyPinned(e.a(), a0, a1) || anyPinned(e.b(), b0, b1)) {
            return Double.POSITIVE_INFINITY;
        }
        double before = cutGaps(ta, a0, a1, ta, a0, a1) + cutGaps(tb, b0, b1, tb, b0, b1);
        double after = cutGaps(ta, a0, a1, tb, b0, b1) + cutGaps(tb, b0, b1, ta, a0, a1);
        return after - before;
    }

    /**
     * The gaps at both cuts of room {@code t} (inside part [i0, i1)) when the inside part is that of
     * {@code in} ([j0, j1)) instead: before → first inside, last inside → after (before → after if none).
     */
    private double cutGaps(List<Stay> t, int i0, int i1, List<Stay> in, int j0, int j1) {
        Stay before = i0 > 0 ? t.get(i0 - 1) : null;
        Stay after = i1 < t.size() ? t.get(i1) : null;
        if (j0 == j1) {
            return gap(before, after);
        }
        return gap(before, in.get(j0)) + gap(in.get(j1 - 1), after);
    }

    private double gap(Stay from, Stay to) {
        return from == null || to == null ? 0 : GapArcs.cost(problem.schedule(), from.departure(), to.arrival());
    }

    /** Whether any of the stays [from, to) of the room's timeline is pinned. */
    private boolean anyPinned(int room, int from, int to) {
        int[] prefix = pinnedBefore[room];
        if (prefix == null) {
            List<Stay> t = timelines.get(room);
            prefix = new int[t.size() + 1];
            for (int i = 0; i < t.size(); i++) {
                prefix[i + 1] = prefix[i] + (t.get(i).isPinned() ? 1 : 0);
            }
            pinnedBefore[room] = prefix;
        }
        return prefix[to] > prefix[from];
    }

    /** Index of the first stay of a timeline (sorted by arrival) arriving on or after {@code day}. */
    private static int firstArrivingFrom(List<Stay> timeline, int day) {
        int lo = 0;
        int hi = timeline.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeline.get(mid).arrival() < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Days near {@code day} (looking in {@code direction}) on which neither room has a stay across, and the
     * end of the horizon that way: trading whole heads or tails of two timelines changes only one gap.
     */
    private List<Integer> cuts(int a, int b, int day, int direction) {
        List<Integer> cuts = new ArrayList<>();
        List<Stay> ta = timelines.get(a);
        List<Stay> tb = timelines.get(b);
        int t = day;
        while (cuts.size() < CUTS && Math.abs(t - day) <= REACH) {
            // A day inside a stay of either room is no cut: jump past that stay (ahead or back).
            int next = direction > 0 ? Math.max(t, Math.max(endOfStayAcross(ta, t), endOfStayAcross(tb, t)))
                    : Math.min(t, Math.min(startOfStayAcross(ta, t), startOfStayAcross(tb, t)));
            if (next != t) {
                t = next;
                continue;
            }
            cuts.add(t);
            // Every day up to the next arrival (back to the last departure) in either room trades the same stays.
            long event = direction > 0 ? Math.min(nextArrival(ta, t), nextArrival(tb, t))
                    : Math.max(lastDeparture(ta, t), lastDeparture(tb, t));
            if (event == Integer.MAX_VALUE || event == Integer.MIN_VALUE) {
                break; // nothing further that way: the horizon's end below stands for it
            }
            t = (int) event + direction;
        }
        cuts.add(direction > 0 ? HORIZON_END : HORIZON_START);
        return cuts;
    }

    /** Arrival of the room's first stay arriving on or after {@code day}; {@link Integer#MAX_VALUE} if none. */
    private static int nextArrival(List<Stay> timeline, int day) {
        int i = firstArrivingFrom(timeline, day);
        return i < timeline.size() ? timeline.get(i).arrival() : Integer.MAX_VALUE;
    }

    /** Departure of the room's last stay arriving before {@code day}; {@link Integer#MIN_VALUE} if none. */
    private static int lastDeparture(List<Stay> timeline, int day) {
        int i = firstArrivingFrom(timeline, day);
        return i > 0 ? timeline.get(i - 1).departure() : Integer.MIN_VALUE;
    }

    /** Departure of the room's stay across {@code day}, or {@code day} if none is. */
    private static int endOfStayAcross(List<Stay> timeline, int day) {
        int i = firstArrivingFrom(timeline, day);
        return i > 0 && timeline.get(i - 1).departure() > day ? timeline.get(i - 1).departure() : day;
    }

    /** Arrival of the room's stay across {@code day}, or {@code day} if none is. */
    private static int startOfStayAcross(List<Stay> timeline, int day) {
        int i = firstArrivingFrom(timeline, day);
        return i > 0 && timeline.get(i - 1).departure() > day ? timeline.get(i - 1).arrival() : day;
    }

    private static boolean inside(Stay s, int start, int end) {
        return s.arrival() >= start && s.departure() <= end;
    }

    /** Cost change, in units, of trading the stays of [start, end) between rooms a and b; +∞ if a pin moves. */
    private double delta(int a, int b, int start, int end) {
        Exchange e = new Exchange(a, b, start, end);
        double gaps = exchangeGaps(e);
        if (Double.isInfinite(gaps) || (gapFree && gaps > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return delta(List.of(e), gaps, -1);
    }

    private void exchange(Exchange e) {
        exchange(e.a(), e.b(), e.start(), e.end());
    }

    /** Makes the exchange: each room keeps its stays before and after the cuts and takes the other's inside. */
    private void exchange(int a, int b, int start, int end) {
        List<Stay> ta = timelines.get(a);
        List<Stay> tb = timelines.get(b);
        int a0 = firstArrivingFrom(ta, start);
        int a1 = firstArrivingFrom(ta, end);
        int b0 = firstArrivingFrom(tb, start);
        int b1 = firstArrivingFrom(tb, end);
        timelines.set(a, spliced(ta, a0, a1, tb, b0, b1));
        timelines.set(b, spliced(tb, b0, b1, ta, a0, a1));
        pinnedBefore[a] = null;
        pinnedBefore[b] = null;
        for (int i = a0; i < a1; i++) {
            rooms[ta.get(i).index()] = b;
        }
        for (int i = b0; i < b1; i++) {
            rooms[tb.get(i).index()] = a;
        }
    }

    private static List<Stay> spliced(List<Stay> t, int i0, int i1, List<Stay> in, int j0, int j1) {
        List<Stay> result = new ArrayList<>(t.size() - (i1 - i0) + (j1 - j0));
        result.addAll(t.subList(0, i0));
        result.addAll(in.subList(j0, j1));
        result.addAll(t.subList(i1, t.size()));
        return result;
    }

    /** Penalty of the lonely members of these groups. */
    private double lonelyUnits(Set<Integer> groups) {
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
