package org.bookingopt.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;
import org.bookingopt.core.solver.Assignment;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.FitCheck;
import org.bookingopt.core.solver.NewReservationSolver;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.solver.SolverStatus;
import org.bookingopt.core.testing.AllPlans;
import org.bookingopt.core.testing.PlanRowsReader;
import org.bookingopt.core.testing.TinyProblems;
import org.bookingopt.core.validation.InvalidProblemException;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feasibility mode on random tiny problems with new reservations, against every possible plan: the full
 * solve's optimum, the fit's existence and optimum, and the fewest moves (then the best cost with that many
 * moves) equal what exhaustive search finds; every reported plan is valid and keeps locked stays in place.
 */
class NewReservationExhaustiveTest {
    private static final SolverSettings SETTINGS = new SolverSettings(Duration.ofSeconds(20), 1);
    private static final Optimizer OPTIMIZER = new Optimizer(new RoomFlowSolver());
    private static final double TOLERANCE = 1e-6 * 20;

    /** What exhaustive search says about one problem. */
    private static final class Truth {
        double best = Double.POSITIVE_INFINITY;
        double bestFit = Double.POSITIVE_INFINITY;
        int fewestMoves = Integer.MAX_VALUE;
        double bestWithFewestMoves = Double.POSITIVE_INFINITY;
    }

    private enum Outcome { SKIPPED, INFEASIBLE, FITS, NEEDS_MOVES, NO_CURRENT_PLAN }

    @Test
    void feasibilityModeMatchesExhaustiveSearchOnRandomTinyProblems() {
        int[] outcomes = new int[Outcome.values().length];
        for (long seed = 1; solved(outcomes) < 300; seed++) {
            outcomes[check(parse(tinyWithNewReservations(seed)), "seed " + seed).ordinal()]++;
        }
        System.out.println("feasibility mode vs exhaustive, random tiny problems: " + java.util.Arrays.toString(outcomes));
        assertThat(outcomes[Outcome.FITS.ordinal()]).isGreaterThan(100);
        assertThat(outcomes[Outcome.INFEASIBLE.ordinal()]).isGreaterThan(10);
        assertThat(outcomes[Outcome.NO_CURRENT_PLAN.ordinal()]).isGreaterThan(10);
    }

    @Test
    void fewestMovesMatchExhaustiveSearchWhenARoomTypeRunsShort() {
        int[] outcomes = new int[Outcome.values().length];
        for (long seed = 1; outcomes[Outcome.NEEDS_MOVES.ordinal()] < 60; seed++) {
            outcomes[check(parse(typeShortage(seed)), "shortage seed " + seed).ordinal()]++;
        }
        System.out.println("fewest moves vs exhaustive, type shortages: " + java.util.Arrays.toString(outcomes));
        assertThat(outcomes[Outcome.FITS.ordinal()]).isGreaterThan(10);
    }

    private static int solved(int[] outcomes) {
        return outcomes[Outcome.FITS.ordinal()] + outcomes[Outcome.NEEDS_MOVES.ordinal()]
                + outcomes[Outcome.NO_CURRENT_PLAN.ordinal()];
    }

    /** Runs every check on one problem and says what kind of problem it was. */
    private static Outcome check(ParsedProblem parsed, String at) {
        if (parsed == null || !NewReservationRun.preCheck(parsed.problem()).isEmpty()
                || parsed.problem().newReservations().stream()
                .anyMatch(r -> AssignmentProblem.outsideRequestWindow(parsed.problem(), r))) {
            return Outcome.SKIPPED;
        }
        AssignmentProblem full = AssignmentProblem.withNewReservations(parsed.problem(), false);
        AssignmentProblem fitProblem = AssignmentProblem.withNewReservations(parsed.problem(), true);
        boolean hasCurrentPlan = fitProblem.stays().stream().allMatch(s -> s.isTest() || s.isPinned());
        RoomPlan current = hasCurrentPlan ? full.currentRooms() : null;
        Truth truth = exhaustive(full, fitProblem, current);

        // The full solve with split penalties in the room-level model.
        Assignment assignment = new RoomFlowSolver().solve(full, SETTINGS, ProgressListener.NONE,
                Cancellation.none());
        RunResult run = OPTIMIZER.run(parsed, SETTINGS, ProgressListener.NONE, Cancellation.none());
        JsonNode result = run.json();
        if (Double.isInfinite(truth.best)) {
            assertThat(assignment.status()).as(at).isEqualTo(SolverStatus.INFEASIBLE);
            assertThat(result.get("Succeeded").booleanValue()).as(at).isFalse();
            assertThat(result.get("Message").asString()).as(at)
                    .startsWith("Schedule infeasible without new booking: True");
            return Outcome.INFEASIBLE;
        }
        assertThat(assignment.status()).as(at).isEqualTo(SolverStatus.OPTIMAL);
        assertThat(assignment.objective().total()).as(at).isCloseTo(truth.best, within(TOLERANCE));

        assertThat(result.get("Succeeded").booleanValue()).as(at).isTrue();
        assertThat(result.get("SolverStatus").asString()).as(at).isEqualTo("OPTIMAL");
        RoomPlan optimized = PlanRowsReader.read(full, result.get("OptimizedPlan"));
        assertThat(PlanChecker.violations(full, optimized)).as(at).isEmpty();
        assertThat(PlanEvaluator.evaluate(full, optimized).total()).as(at).isCloseTo(truth.best, within(TOLERANCE));
        assertThat(result.get("Objective").get("Total").doubleValue()).as(at).isCloseTo(truth.best, within(TOLERANCE));
        assertLockedStaysKeepTheirRooms(full, optimized, at);

        JsonNode fit = result.get("NewReservationFit");
        boolean fits = !Double.isInfinite(truth.bestFit);
        assertThat(result.get("NewReservationsFitInInitialPlan").booleanValue()).as(at).isEqualTo(fits);
        assertThat(fit.get("Fits").booleanValue()).as(at).isEqualTo(fits);
        if (!hasCurrentPlan) {
            assertThat(fit.get("Reason").asString()).as(at).startsWith("Not computed");
            return Outcome.NO_CURRENT_PLAN;
        }
        assertThat(FitCheck.shortages(fitProblem).isEmpty() && FitCheck.currentPlanConflicts(fitProblem).isEmpty())
                .as(at).isEqualTo(fits);
        if (fits) {
            RoomPlan fitPlan = PlanRowsReader.read(fitProblem, result.get("InitialPlanWithNewReservations"));
            assertThat(PlanChecker.violations(fitProblem, fitPlan)).as(at).isEmpty();
            assertThat(PlanEvaluator.evaluate(fitProblem, fitPlan).total()).as(at)
                    .isCloseTo(truth.bestFit, within(TOLERANCE));
            assertThat(fit.get("Moves")).as(at).isEmpty();
            assertRoomChangesMatchTheSegments(parsed, result, at);
            return Outcome.FITS;
        }
        assertThat(result.get("InitialPlanWithNewReservations").isNull()).as(at).isTrue();
        assertThat(result.get("RoomChangeComparison").isEmpty()).as(at).isTrue();
        assertThat(fit.get("Reason").asString()).as(at).startsWith("Does not fit").contains("Moving ");
        assertThat(fit.get("Moves").size()).as(at).isEqualTo(truth.fewestMoves).isPositive();
        assertThat(fit.get("MovesProvenMinimal").booleanValue()).as(at).isTrue();
        assertThat(fit.get("MovesBound").intValue()).as(at).isEqualTo(truth.fewestMoves);
        NewReservationSolver.Moves moves = new NewReservationSolver().fewestMoves(full, current,
                System.nanoTime() + Duration.ofSeconds(20).toNanos(), Cancellation.none());
        assertThat(PlanChecker.violations(full, moves.plan())).as(at).isEmpty();
        assertThat(NewReservationSolver.moves(full, current, moves.plan())).as(at).isEqualTo(truth.fewestMoves);
        assertThat(moves.costOptimal()).as(at).isTrue();
        assertThat(PlanEvaluator.evaluate(full, moves.plan()).total()).as(at)
                .isCloseTo(truth.bestWithFewestMoves, within(TOLERANCE));
        assertLockedStaysKeepTheirRooms(full, moves.plan(), at);
        return Outcome.NEEDS_MOVES;
    }

    private static ParsedProblem parse(ObjectNode json) {
        try {
            return json == null ? null : ProblemReader.read(json);
        } catch (InvalidProblemException e) {
            return null;
        }
    }

    private static void assertLockedStaysKeepTheirRooms(AssignmentProblem full, RoomPlan plan, String at) {
        for (Stay s : full.stays()) {
            if (s.reservation().locked() && !s.isTest()) {
                assertThat(full.rooms().get(plan.room(s.index())).number()).as(at + " locked stay " + s.index())
                        .isEqualTo(s.reservation().assignedRoom());
            }
        }
    }

    /** RoomChangeComparison counts each new reservation's segments − 1 in both plans (Q42). */
    private static void assertRoomChangesMatchTheSegments(ParsedProblem parsed, JsonNode result, String at) {
        JsonNode comparison = result.get("RoomChangeComparison");
        List<String> keys = new ArrayList<>();
        for (int k = 1; k <= parsed.problem().newReservations().size(); k++) {
            var r = parsed.problem().newReservations().get(k - 1);
            String key = r.name() + "_" + r.id();
            keys.add(key);
            assertThat(comparison.get(key).get("Initial").intValue()).as(at)
                    .isEqualTo(segments(result.get("InitialPlanWithNewReservations"), k) - 1);
            assertThat(comparison.get(key).get("Optimized").intValue()).as(at)
                    .isEqualTo(segments(result.get("OptimizedPlan"), k) - 1);
        }
        assertThat(comparison.propertyNames()).as(at).containsExactlyElementsOf(keys);
    }

    private static int segments(JsonNode rows, int group) {
        int n = 0;
        for (JsonNode row : rows) {
            if (!row.get("SplitGroup").isNull() && row.get("SplitGroup").intValue() == group) {
                assertThat(row.get("Name").asString()).endsWith(", split " + group);
                assertThat(row.get("TestStay").booleanValue()).isTrue();
                n++;
            }
        }
        return n;
    }

    private static Truth exhaustive(AssignmentProblem full, AssignmentProblem fitProblem, RoomPlan current) {
        Truth truth = new Truth();
        AllPlans.forEach(full, plan -> {
            double cost = PlanEvaluator.evaluate(full, plan).total();
            truth.best = Math.min(truth.best, cost);
            if (current != null) {
                int moves = NewReservationSolver.moves(full, current, plan);
                if (moves < truth.fewestMoves) {
                    truth.fewestMoves = moves;
                    truth.bestWithFewestMoves = cost;
                } else if (moves == truth.fewestMoves) {
                    truth.bestWithFewestMoves = Math.min(truth.bestWithFewestMoves, cost);
                }
            }
        });
        if (current != null) {
            AllPlans.forEach(fitProblem, plan ->
                    truth.bestFit = Math.min(truth.bestFit, PlanEvaluator.evaluate(fitProblem, plan).total()));
        }
        return truth;
    }

    /**
     * A random tiny problem plus one or two new reservations of 1–3 nights (some typed, some in an adjacency
     * group). For two seeds in three the existing stays get a valid current plan (an optimal one), so that the
     * fit is a real question; otherwise the random rooms stay (often double-booked or missing). At most 11
     * stays in all, pieces counted; {@code null} if the base problem is invalid.
     */
    static ObjectNode tinyWithNewReservations(long seed) {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(TinyProblems.random(seed));
        Random rnd = new Random(seed * 31 + 7);
        ParsedProblem base;
        try {
            base = ProblemReader.read(json);
        } catch (InvalidProblemException e) {
            return null;
        }
        AssignmentProblem standard = AssignmentProblem.standard(base.problem());
        if (rnd.nextInt(3) > 0) {
            Assignment solved = new RoomFlowSolver().solve(standard, SETTINGS, ProgressListener.NONE, Cancellation.none());
            if (solved.hasPlan()) {
                ArrayNode reservations = (ArrayNode) json.get("Reservations");
                for (int i = 0; i < reservations.size(); i++) {
                    ((ObjectNode) reservations.get(i)).put("AssignedRoom",
                            standard.rooms().get(solved.plan().room(i)).number().text());
                }
            }
        }
        List<String> types = standard.types();
        LocalDate first = LocalDate.ofEpochDay(standard.schedule().firstArrival());
        ArrayNode news = json.putArray("NewReservations");
        int stays = standard.stays().size();
        int count = 1 + rnd.nextInt(2);
        for (int k = 0; k < count; k++) {
            int length = 1 + rnd.nextInt(3);
            stays += length;
            ObjectNode n = news.addObject();
            n.put("Name", "N" + (k + 1));
            n.put("Arrival", first.plusDays(rnd.nextInt(10)).toString());
            n.put("Length", length);
            if (types.size() > 1 && rnd.nextInt(4) > 0) {
                n.put("RoomType", types.get(rnd.nextInt(types.size())));
                if (rnd.nextBoolean()) {
                    n.putArray("AllowableRoomTypes").add(types.get(0)).add(types.get(1));
                    n.putArray("TypeOrder").add(types.get(1)).add(types.get(0));
                }
            }
            if (rnd.nextInt(4) == 0) {
                n.put("AdjacencyGroup", "g1");
            }
        }
        return stays <= 11 ? json : null;
    }

    /**
     * Rooms of types A and B, existing stays of type A, of type B, or accepting either, in a valid current
     * plan (an optimal one), and a new reservation that wants a B room: often the B rooms are taken on some of
     * its nights by guests who would accept an A room, so someone must move. At most 11 stays, pieces counted.
     */
    static ObjectNode typeShortage(long seed) {
        Random rnd = new Random(seed);
        ObjectNode json = Json.NODES.objectNode();
        json.put("ProblemId", "shortage-" + seed);
        json.put("MinimumStay", 1 + rnd.nextInt(4));
        LocalDate base = LocalDate.of(2027, 3, 1);
        ArrayNode rooms = json.putArray("Rooms");
        String[] types = rnd.nextBoolean() ? new String[] {"A", "A", "B"} : new String[] {"A", "B", "B", "A"};
        for (int r = 0; r < types.length; r++) {
            ObjectNode room = rooms.addObject();
            room.put("RoomNumber", String.valueOf(201 + r));
            room.put("RoomType", types[r]);
            room.putArray("AdjacentRooms").add(String.valueOf(r == 0 ? 202 : 200 + r));
        }
        ArrayNode stays = json.putArray("Reservations");
        int existing = 3 + rnd.nextInt(types.length == 3 ? 5 : 4);
        for (int i = 0; i < existing; i++) {
            ObjectNode stay = stays.addObject();
            stay.put("Name", "G" + i);
            stay.put("Id", i);
            stay.put("Arrival", base.plusDays(rnd.nextInt(8)).toString());
            stay.put("Length", 1 + rnd.nextInt(4));
            int kind = rnd.nextInt(4);
            if (kind < 2) {
                stay.putNull("RoomType");
                stay.putArray("AllowableRoomTypes").add("A").add("B");
            } else {
                stay.put("RoomType", kind == 2 ? "A" : "B");
            }
            if (rnd.nextInt(5) == 0) {
                stay.put("AdjacencyGroup", "party");
            }
        }
        ParsedProblem parsed = parse(json);
        if (parsed == null) {
            return null;
        }
        AssignmentProblem standard = AssignmentProblem.standard(parsed.problem());
        Assignment solved = new RoomFlowSolver().solve(standard, SETTINGS, ProgressListener.NONE, Cancellation.none());
        if (!solved.hasPlan()) {
            return null;
        }
        for (int i = 0; i < existing; i++) {
            ObjectNode stay = (ObjectNode) stays.get(i);
            stay.put("AssignedRoom", String.valueOf(201 + solved.plan().room(i)));
            if (rnd.nextInt(8) == 0) {
                stay.put("IsLocked", true);
            }
        }
        int length = 1 + rnd.nextInt(3);
        ObjectNode n = json.putArray("NewReservations").addObject();
        n.put("Name", "N1");
        n.put("Arrival", base.plusDays(rnd.nextInt(8)).toString());
        n.put("Length", length);
        n.put("RoomType", "B");
        if (rnd.nextInt(3) == 0) {
            n.put("AdjacencyGroup", "party");
        }
        return existing + length <= 11 ? json : null;
    }
}
