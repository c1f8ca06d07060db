package org.bookingopt.core.reoptimize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.restrictions.StayRestrictions;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;

/**
 * Re-optimized maximum stays (SPEC §6.2, our rules Q19–Q22): for every night §6.2 probes, tries longer stays
 * than the plan allows, one length after the other, each as a small feasibility question answered in steps
 * of growing cost:
 * <ol>
 *   <li>an ejection chain from the last witness of the night (or the published plan): usually finds a plan;</li>
 *   <li>the type-level flow LP ({@link TypeFlowCheck}), re-solved from its last basis: its infeasibility is a
 *       proof;</li>
 *   <li>the room-level CP-SAT model ({@link RoomLevelRepair}): over the whole hotel when it is small (exact),
 *       else over a window around the test stay.</li>
 * </ol>
 * A plan from any step is checked against the rule ({@link TestStayRule}) before a length is claimed. A test
 * none of them settles, or one the budget cuts short, keeps the night at its last proven length and lists it
 * as budget-exhausted (Q20).
 */
public final class MaxStayProber {
    /** Unpinned stays × rooms up to which the room-level model covers the whole hotel (and so proves). */
    static final long WHOLE_HOTEL_LIMIT = 5_000;
    /**
     * Nights on each side of the test stay whose stays the windowed room-level model may move, tried in
     * order. Narrow windows are cheap and found plans for every test the 14-night window missed on the
     * benchmark hotels (docs/BENCHMARKS.md). A 7-night fallback found none of the 71 windowed plans on the
     * medium hotel and three plans of the large one (the 3-night window found them all) and only added a
     * failed solve to every open test, so it was dropped.
     */
    static final int[] WINDOW_MARGINS = {3};
    /**
     * Rooms whose stays the windowed model may move (the freest ones in the window): on the large benchmark
     * hotel 20 and 30 rooms settled the same tests (all but 2), every room (150) settled none within the work
     * limit.
     */
    static final int WINDOW_ROOMS = 20;
    /**
     * Work a room-level solve of the whole hotel may do (its answer is exact), in CP-SAT's deterministic time:
     * the whole-hotel tests of the 20 × 30 test hotels take 0.15 (0.3–0.5 s on a quiet machine), so 2.0 leaves
     * room for harder ones; a wall-clock limit instead gave "open" under load where a quiet machine proved.
     */
    static final double WHOLE_HOTEL_WORK = 2.0;
    /** Wall-clock cap of one whole-hotel solve, a safety net behind {@link #WHOLE_HOTEL_WORK} and the budget. */
    static final Duration WHOLE_HOTEL_TEST_LIMIT = Duration.ofSeconds(10);
    /**
     * Work one windowed room-level solve may do, in CP-SAT's deterministic time (load-independent, so the
     * verdicts do not depend on how busy the machine is). On the benchmark hotels (medium and two plans of
     * the large one, 32 windowed solves that found a plan) every plan was found within 0.008–0.029; a window
     * that finds nothing in 0.1 found nothing in 1.0 either (same open tests), so the limit is 0.1: a solve
     * that finds nothing proves nothing, and more work on it only delayed the answer "open".
     */
    static final double WINDOW_WORK = 0.1;
    /** Wall-clock cap of one windowed solve, a safety net behind {@link #WINDOW_WORK} and the budget. */
    static final Duration WINDOW_TEST_LIMIT = Duration.ofSeconds(10);

    private final AssignmentProblem problem;
    private final RoomPlan published;
    private final StayRestrictions restrictions;
    private final TestStayRule rule;
    private TypeFlowCheck flow;
    /** Tests settled by: ejection chains, flow LP, room model (window / whole hotel), none (open). */
    private final int[] settledBy = new int[5];

    /** A test's answer: OPEN when no step settled it in time (Q20). */
    enum Verdict { FEASIBLE, INFEASIBLE, OPEN }

    /** @param plan the witness (every stay, then T) when FEASIBLE */
    record Outcome(Verdict verdict, RoomPlan plan) {
    }

    /**
     * @param problem      the standard run's problem
     * @param published    the plan the result publishes
     * @param restrictions its restrictions without re-optimization (CompMax = FixedMax)
     */
    public MaxStayProber(AssignmentProblem problem, RoomPlan published, StayRestrictions restrictions) {
        this.problem = problem;
        this.published = published;
        this.restrictions = restrictions;
        this.rule = new TestStayRule(problem, published, GapTiling.of(restrictions));
    }

    /**
     * Probes every night of SPEC §6.2 until done, the budget is spent or the run is cancelled.
     *
     * @param budget   wall-clock time for all tests
     * @param progress receives the share of nights done, once per night
     */
    public ReOptimization probe(Duration budget, ProgressListener progress, Cancellation cancellation) {
        return probe(budget, progress, cancellation, plan -> { });
    }

    /**
     * As {@link #probe(Duration, ProgressListener, Cancellation)}, handing each plan to {@code found} as soon as
     * it is proven: what the caller does with it (on a large hotel, the result rows of a whole plan) then counts
     * within the budget.
     */
    public ReOptimization probe(Duration budget, ProgressListener progress, Cancellation cancellation,
                                Consumer<ReOptimizedPlan> found) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        Map<Integer, Integer> proven = new HashMap<>();
        List<ReOptimizedPlan> plans = new ArrayList<>();
        TreeSet<Integer> exhausted = new TreeSet<>();
        List<Long> checkNanos = new ArrayList<>();
        List<Integer> nights = nightsToProbe();
        try {
            for (int i = 0; i < nights.size(); i++) {
                int x = nights.get(i);
                int fixedMax = restrictions.fixedMax().get(x);
                int absMax = restrictions.absMax().get(x);
                int best = fixedMax;
                RoomPlan witness = published;
                for (int length = fixedMax + 1; length <= absMax; length++) {
                    int departure = x + length;
                    if (departure > restrictions.inventory().end()
                            || restrictions.initialClosures().closedToDeparture().contains(departure)) {
                        continue; // Q21: skipped without stopping
                    }
                    if (cancellation.isCancelled() || System.nanoTime() >= deadline) {
                        exhausted.add(x);
                        break;
                    }
                    long testStarted = System.nanoTime();
                    TestStay test = new TestStay(x, length);
                    Outcome outcome = test(test, witness, deadline, cancellation);
                    checkNanos.add(System.nanoTime() - testStarted);
                    if (outcome.verdict() == Verdict.FEASIBLE) {
                        ReOptimizedPlan plan = new ReOptimizedPlan(test, outcome.plan());
                        plans.add(plan);
                        found.accept(plan);
                        witness = withoutTest(outcome.plan());
                        if (departure > restrictions.inventory().maxEnd()) {
                            best = absMax;
                            break;
                        }
                        best = length;
                    } else {
                        if (outcome.verdict() == Verdict.OPEN) {
                            exhausted.add(x);
                        }
                        break;
                    }
                }
                if (best > fixedMax) {
                    proven.put(x, best);
                }
                progress.onProgress((i + 1.0) / nights.size(), "reoptimize");
            }
        } finally {
            if (flow != null) {
                flow.close();
            }
        }
        return new ReOptimization(proven, plans, exhausted, checkNanos.stream().mapToLong(Long::longValue).toArray(),
                Duration.ofNanos(System.nanoTime() - started), settledBy);
    }

    /** How many nights §6.2 probes on this plan. */
    public int probedNights() {
        return nightsToProbe().size();
    }

    /**
     * SPEC §6.2: nights in [FirstArr, MaxEnd) from the first departure on, not closed to arrival (before
     * redundancy removal), with 0 < FixedMax < AbsMax.
     */
    List<Integer> nightsToProbe() {
        List<Integer> nights = new ArrayList<>();
        var inventory = restrictions.inventory();
        for (int x = inventory.firstArrival(); x < inventory.maxEnd(); x++) {
            if (x < inventory.firstDepartureDay() || x < inventory.start() || x >= inventory.end()) {
                continue;
            }
            int fixedMax = restrictions.fixedMax().get(x);
            if (fixedMax == 0 || restrictions.initialClosures().closedToArrival().contains(x)
                    || fixedMax >= restrictions.absMax().get(x)) {
                continue;
            }
            nights.add(x);
        }
        return nights;
    }

    /** One test on its own, from the published plan (for the brute-force comparison). */
    Outcome test(TestStay test, Duration limit) {
        try {
            return test(test, published, System.nanoTime() + limit.toNanos(), Cancellation.none());
        } finally {
            if (flow != null) {
                flow.close();
                flow = null;
            }
        }
    }

    TestStayRule rule() {
        return rule;
    }

    private Outcome test(TestStay test, RoomPlan witness, long deadline, Cancellation cancellation) {
        AssignmentProblem withTest = test.addTo(problem);
        for (RoomPlan base : witness.equals(published) ? List.of(published) : List.of(witness, published)) {
            RoomPlan plan = EjectionChains.tryInsert(withTest, rule.tiling(), base, rule);
            if (plan != null) {
                settledBy[0]++;
                return new Outcome(Verdict.FEASIBLE, plan);
            }
        }
        if (flow == null) {
            flow = new TypeFlowCheck(problem, rule.tiling());
        }
        TypeFlowCheck.Answer answer = flow.check(test, remaining(deadline), cancellation);
        if (answer == TypeFlowCheck.Answer.INFEASIBLE) {
            settledBy[1]++;
            return new Outcome(Verdict.INFEASIBLE, null);
        }
        if (cancellation.isCancelled() || System.nanoTime() >= deadline) {
            return new Outcome(Verdict.OPEN, null);
        }
        long movable = problem.stays().stream().filter(s -> !s.isPinned()).count();
        if (movable * problem.roomCount() <= WHOLE_HOTEL_LIMIT) {
            RoomLevelRepair.Result repaired = RoomLevelRepair.solve(withTest, rule, published, null, null,
                    min(remaining(deadline), WHOLE_HOTEL_TEST_LIMIT), WHOLE_HOTEL_WORK, cancellation);
            settledBy[repaired.outcome() == RoomLevelRepair.Outcome.UNKNOWN ? 4 : 3]++;
            return verdict(withTest, repaired);
        }
        // Windows around T, the narrow one first: its model is small and usually enough; outside it every
        // stay keeps its room in the night's last witness, which is one night shorter than T.
        for (int margin : WINDOW_MARGINS) {
            if (cancellation.isCancelled() || System.nanoTime() >= deadline) {
                break;
            }
            int[] window = {test.arrival() - margin, test.departure() + margin};
            RoomLevelRepair.Result repaired = RoomLevelRepair.solve(withTest, rule, witness, window,
                    freestRooms(witness, window), min(remaining(deadline), WINDOW_TEST_LIMIT), WINDOW_WORK,
                    cancellation);
            Outcome outcome = verdict(withTest, repaired);
            if (outcome.verdict() == Verdict.FEASIBLE) {
                settledBy[2]++;
                return outcome;
            }
        }
        settledBy[4]++;
        return new Outcome(Verdict.OPEN, null);
    }

    private Outcome verdict(AssignmentProblem withTest, RoomLevelRepair.Result repaired) {
        return switch (repaired.outcome()) {
            case FOUND -> rule.violations(withTest, repaired.plan()).isEmpty()
                    ? new Outcome(Verdict.FEASIBLE, repaired.plan()) : new Outcome(Verdict.OPEN, null);
            case INFEASIBLE -> new Outcome(Verdict.INFEASIBLE, null);
            case UNKNOWN -> new Outcome(Verdict.OPEN, null);
        };
    }

    /**
     * The {@link #WINDOW_ROOMS} rooms with the fewest occupied nights in the window (the free space T and the
     * stays it displaces need), or null (every room) on a hotel that small. Keeps the windowed model at a few
     * thousand Booleans instead of stays × every room.
     */
    private boolean[] freestRooms(RoomPlan base, int[] window) {
        int rooms = problem.roomCount();
        if (rooms <= WINDOW_ROOMS) {
            return null;
        }
        int[] occupied = new int[rooms];
        for (var s : problem.stays()) {
            occupied[base.room(s.index())] += Math.max(0,
                    Math.min(s.departure(), window[1]) - Math.max(s.arrival(), window[0]));
        }
        Integer[] order = new Integer[rooms];
        for (int r = 0; r < rooms; r++) {
            order[r] = r;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt((Integer r) -> occupied[r]).thenComparing(r -> r));
        boolean[] chosen = new boolean[rooms];
        for (int i = 0; i < WINDOW_ROOMS; i++) {
            chosen[order[i]] = true;
        }
        return chosen;
    }

    /** The rooms of the real stays of a witness plan (T dropped). */
    private static RoomPlan withoutTest(RoomPlan plan) {
        return new RoomPlan(java.util.Arrays.copyOf(plan.roomOfStay(), plan.size() - 1));
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
