package org.bookingopt.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.json.ResultDocument;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.restrictions.RestrictionResults;
import org.bookingopt.core.restrictions.StayRestrictions;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.bookingopt.core.testing.Fixtures;
import org.bookingopt.core.testing.PlanRowsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** The new-reservation samples against the previous system's answers (SPEC §8, §11.5). */
class NewReservationFixturesTest {
    private static final Optimizer OPTIMIZER = new Optimizer(new RoomFlowSolver());
    private static final SolverSettings SETTINGS = new SolverSettings(Duration.ofSeconds(30), 1);
    private static final double TOLERANCE = 1e-6 * 100;

    /** The sample's feasibility-mode problem (SPEC §8.2): the full solve's, or the fit's. */
    private static AssignmentProblem splitProblem(String sample, boolean pinExisting) {
        return AssignmentProblem.withNewReservations(ProblemReader.read(Fixtures.input(sample)).problem(), pinExisting);
    }

    private static JsonNode run(String input) {
        return OPTIMIZER.run(ProblemReader.read(Fixtures.input(input)), SETTINGS, ProgressListener.NONE,
                Cancellation.none()).json();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample2.newres", "sample3.newres", "sample4.newres"})
    void resultHasTheReferenceKeysScheduleRoomsAndRoomChanges(String sample) {
        JsonNode ours = run(sample);
        JsonNode reference = Fixtures.referenceOutput(sample);

        assertThat(keys(ours)).containsSubsequence(keys(reference));
        for (Map.Entry<String, JsonNode> e : reference.properties()) {
            assertThat(ours.get(e.getKey()).getNodeType()).as(e.getKey()).isEqualTo(e.getValue().getNodeType());
        }
        assertThat(ours.get("Succeeded").booleanValue()).isTrue();
        assertThat(ours.get("Message").asString()).isEmpty();
        assertThat(ours.get("NewReservationInfeasible").booleanValue()).isFalse();
        // v0 always said false (Q7); the fit exists in all three samples (SPEC §11.5).
        assertThat(ours.get("NewReservationsFitInInitialPlan").booleanValue()).isTrue();
        assertThat(ours.get("NewReservationFit").get("Fits").booleanValue()).isTrue();
        assertThat(ours.get("NewReservationFit").get("Moves")).isEmpty();
        for (String key : List.of("ProblemId", "ScheduleStart", "ScheduleEnd", "Rooms", "RoomChangeComparison",
                "InitialPlan", "ReOptimizedPlans", "StaysAvoidedByCa", "StaysAvoidedByCd", "StaysAvoidedByMax")) {
            assertThat(ours.get(key)).as(key).isEqualTo(reference.get(key));
        }
        assertThat(keys(ours.get("NonAdjacentAssignments"))).isEqualTo(keys(reference.get("NonAdjacentAssignments")));
        ours.get("NonAdjacentAssignments").values().forEach(list -> assertThat(list).isEmpty());
        assertThat(ours.get("SolverStatus").asString()).isEqualTo("OPTIMAL");
    }

    /** Ours may choose other rooms, but never a costlier plan than the reference's, by SPEC §4.3. */
    @ParameterizedTest
    @ValueSource(strings = {"sample2.newres", "sample3.newres", "sample4.newres"})
    void plansAreValidAndCostNoMoreThanTheReferencePlans(String sample) {
        AssignmentProblem full = splitProblem(sample, false);
        AssignmentProblem fit = splitProblem(sample, true);
        JsonNode ours = run(sample);
        JsonNode reference = Fixtures.referenceOutput(sample);

        RoomPlan optimized = PlanRowsReader.read(full, ours.get("OptimizedPlan"));
        RoomPlan referenceOptimized = PlanRowsReader.read(full, reference.get("OptimizedPlan"));
        assertThat(PlanChecker.violations(full, optimized)).isEmpty();
        assertThat(PlanChecker.violations(full, referenceOptimized)).isEmpty();
        double cost = PlanEvaluator.evaluate(full, optimized).total();
        assertThat(cost).isLessThanOrEqualTo(PlanEvaluator.evaluate(full, referenceOptimized).total() + TOLERANCE);
        assertThat(ours.get("Objective").get("Total").doubleValue()).isEqualTo(cost);
        assertThat(ours.get("BestBound").doubleValue()).isEqualTo(cost);

        RoomPlan initial = PlanRowsReader.read(fit, ours.get("InitialPlanWithNewReservations"));
        RoomPlan referenceInitial = PlanRowsReader.read(fit, reference.get("InitialPlanWithNewReservations"));
        assertThat(PlanChecker.violations(fit, initial)).isEmpty();
        assertThat(PlanChecker.violations(fit, referenceInitial)).isEmpty();
        assertThat(PlanEvaluator.evaluate(fit, initial).total())
                .isLessThanOrEqualTo(PlanEvaluator.evaluate(fit, referenceInitial).total() + TOLERANCE);
        assertThat(cost).isLessThanOrEqualTo(PlanEvaluator.evaluate(fit, initial).total() + TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample2.newres", "sample3.newres", "sample4.newres"})
    void planRowsFollowTheReferenceLayout(String sample) {
        JsonNode ours = run(sample);
        JsonNode reference = Fixtures.referenceOutput(sample);
        int existing = ProblemReader.read(Fixtures.input(sample)).problem().reservations().size();

        for (String list : List.of("OptimizedPlan", "InitialPlanWithNewReservations")) {
            JsonNode rows = ours.get(list);
            JsonNode refRows = reference.get(list);
            for (int i = 0; i < existing; i++) {
                JsonNode row = rows.get(i);
                JsonNode ref = refRows.get(i);
                assertThat(keys(row)).containsSubsequence(keys(ref));
                for (String key : List.of("Name", "Id", "IsLocked", "RoomType", "Arrival", "AdjacencyGroup",
                        "TestStay", "SplitGroup")) {
                    assertThat(row.get(key)).as("%s row %d %s", list, i, key).isEqualTo(ref.get(key));
                }
                assertThat(row.get("Length").intValue()).isEqualTo(ref.get("Length").asInt());
                if (ref.get("IsLocked").booleanValue() || list.equals("InitialPlanWithNewReservations")) {
                    assertThat(row.get("AssignedRoom")).as("%s row %d keeps its room", list, i)
                            .isEqualTo(ref.get("AssignedRoom"));
                }
            }
            for (int i = existing; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                assertThat(keys(row)).containsSubsequence(keys(refRows.get(existing)));
                int group = row.get("SplitGroup").intValue();
                assertThat(row.get("Name").asString()).isEqualTo("N" + group + ", split " + group);
                assertThat(row.get("TestStay").booleanValue()).isTrue();
                assertThat(row.get("IsLocked").booleanValue()).isFalse();
                assertThat(row.get("Id").intValue()).isEqualTo(-1);
                assertThat(row.get("Length").isIntegralNumber()).isTrue();
            }
        }
    }

    /**
     * SPEC §11.2 in feasibility mode: restrictions of a given plan are deterministic. The reference plans,
     * read back into one-night pieces (the stay list of §3.1), give the reference's restrictions, and the
     * fit plan gives its InitialMinStays and QualityComparison (both skip FB₀ here, Q25).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sample2.newres", "sample3.newres", "sample4.newres"})
    void restrictionsOfTheReferencePlansEqualTheReference(String sample) {
        AssignmentProblem full = splitProblem(sample, false);
        AssignmentProblem fit = splitProblem(sample, true);
        JsonNode reference = Fixtures.referenceOutput(sample);
        StayRestrictions optimized = StayRestrictions.derive(full,
                PlanRowsReader.read(full, reference.get("OptimizedPlan")));
        StayRestrictions initial = StayRestrictions.derive(fit,
                PlanRowsReader.read(fit, reference.get("InitialPlanWithNewReservations")));

        ResultDocument ours = new ResultDocument(sample);
        RestrictionResults.writeRestrictions(ours, optimized);
        RestrictionResults.writeQualityComparison(ours, initial, optimized);

        for (String key : List.of("ClosedArrivals", "ClosedDepartures", "MinStays", "MaxStays", "InitialMinStays",
                "QualityComparison")) {
            assertThat(numeric(ours.toJson().get(key))).as(key).isEqualTo(numeric(reference.get(key)));
        }
    }

    @Test
    void feasibilityRunPublishesRestrictionsOfItsPlan() {
        JsonNode ours = run("sample2.newres");
        AssignmentProblem full = splitProblem("sample2.newres", false);
        StayRestrictions expected = StayRestrictions.derive(full, PlanRowsReader.read(full, ours.get("OptimizedPlan")));
        ResultDocument doc = new ResultDocument("x");
        RestrictionResults.writeRestrictions(doc, expected);

        for (String key : List.of("ClosedArrivals", "ClosedDepartures", "MinStays", "MaxStays")) {
            assertThat(ours.get(key)).as(key).isEqualTo(doc.toJson().get(key));
        }
        assertThat(ours.get("MinStays")).isNotEmpty();
        assertThat(ours.get("InitialMinStays")).isNotEmpty();
        assertThat(ours.get("QualityComparison").propertyNames()).contains("1", "2", "3", "4", "5");
        assertThat(ours.get("InitialPlan")).isEmpty();
        assertThat(ours.get("ReOptimizedPlans")).isEmpty();
        assertThat(ours.get("StaysAvoidedByCa")).isEmpty();
    }

    /** A JSON value with every number as a double (the reference mixes 5 and 5.0, Q26). */
    private static Object numeric(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isObject()) {
            Map<String, Object> map = new java.util.TreeMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), numeric(e.getValue())));
            return map;
        }
        return node;
    }

    @Test
    void sample2TheTwelveNightStayChangesRoomOnceInTheCurrentPlanAndNeverAfterReoptimization() {
        JsonNode ours = run("sample2.newres");

        assertThat(segments(ours.get("InitialPlanWithNewReservations"))).isEqualTo(2);
        assertThat(segments(ours.get("OptimizedPlan"))).isEqualTo(1);
        assertThat(ours.get("Objective").get("Splits").doubleValue()).isZero();
        assertThat(ours.get("NewReservationFit").get("Reason").asString())
                .startsWith("Fits the current plan without moving anyone: N1 in room ").contains("(1 room change)");
    }

    @Test
    void sample3OneNewStayChangesRoomsEvenAfterReoptimization() {
        JsonNode ours = run("sample3.newres");
        // In the current plan N1 must leave its first room: someone holds it from the change on.
        JsonNode rows = ours.get("InitialPlanWithNewReservations");
        JsonNode second = rows.get(rows.size() - 3);
        assertThat(second.get("Name").asString()).isEqualTo("N1, split 1");
        assertThat(second.get("ReasonDetail").asString()).matches("moved from room \\S+, which reservation \\S+ "
                + "holds on " + second.get("Arrival").asString() + " in the current plan");

        assertThat(ours.get("RoomChangeComparison").get("N1_-1").get("Optimized").intValue()).isEqualTo(1);
        assertThat(ours.get("RoomChangeComparison").get("N2_-1").get("Optimized").intValue()).isZero();
        assertThat(ours.get("Objective").get("Splits").doubleValue()).isEqualTo(100.0);
    }

    @Test
    void infeasibleNewReservationNamesTheFullyBookedDate() {
        JsonNode ours = run("sample2.newres_infeasible");
        JsonNode reference = Fixtures.referenceOutput("sample2.newres_infeasible");

        assertThat(keys(ours)).containsSubsequence(keys(reference));
        assertThat(ours.get("Succeeded").booleanValue()).isFalse();
        assertThat(ours.get("NewReservationInfeasible").booleanValue()).isTrue();
        assertThat(ours.get("Message").asString())
                .isEqualTo("N1 (2021-03-10, 4 nights) cannot be booked: 2021-03-12 is fully booked by existing "
                        + "reservations (5 of 5 rooms taken)");
        Set<String> differing = Set.of("ProcessingDate", "Message", "InitialOptimizationTime", "TotalTime");
        for (Map.Entry<String, JsonNode> e : reference.properties()) {
            if (!differing.contains(e.getKey())) {
                assertThat(ours.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(ours.get("CurrentScheduleInfeasible").booleanValue()).isFalse();
        assertThat(ours.get("NewReservationFit").get("Fits").booleanValue()).isFalse();
        assertThat(ours.get("NewReservationFit").get("Reason").asString()).contains("2021-03-12");
        // The core: the new guest's night 2021-03-12 and the five stays that fill the hotel then.
        JsonNode core = ours.get("InfeasibleCore");
        assertThat(core.get("Stays")).hasSize(6);
        assertThat(core.get("Stays").toString()).contains("\"N1\"", "\"Arrival\":\"2021-03-12\",\"Nights\":1");
        assertThat(core.get("Nights").toString()).isEqualTo("[\"2021-03-12\"]");
        assertThat(core.get("Minimal").booleanValue()).isTrue();
    }

    private static int segments(JsonNode rows) {
        int n = 0;
        for (JsonNode row : rows) {
            n += row.get("TestStay").booleanValue() ? 1 : 0;
        }
        return n;
    }

    private static List<String> keys(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
