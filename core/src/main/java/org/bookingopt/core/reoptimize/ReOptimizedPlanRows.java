package org.bookingopt.core.reoptimize;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.PlanRows;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code ReOptimizedPlans} (SPEC §6.4, §9.3) and {@code MaxStayBudgetExhausted} (§9.1) as JSON. */
public final class ReOptimizedPlanRows {
    private ReOptimizedPlanRows() {
    }

    /**
     * One {@code {Day, TestLength, OptimizedPlan}} per feasible test. The plan lists the stays in input order
     * ({@code Id} null), then the {@code Test_Max} row.
     *
     * @param published the result's {@code OptimizedPlan}
     * @param compact   {@code CompactReOptimizedPlans}: only the stays whose room differs from {@code published}
     */
    public static ArrayNode of(AssignmentProblem problem, RoomPlan published, List<ReOptimizedPlan> plans,
                               boolean compact) {
        ArrayNode entries = Json.NODES.arrayNode();
        plans.forEach(plan -> entries.add(entry(problem, published, plan, compact)));
        return entries;
    }

    /** One entry of {@link #of}: built as each plan is found, its cost counts within the probing budget. */
    public static ObjectNode entry(AssignmentProblem problem, RoomPlan published, ReOptimizedPlan entry,
                                   boolean compact) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("Day", LocalDate.ofEpochDay(entry.test().arrival()).toString());
        json.put("TestLength", entry.test().length());
        ArrayNode rows = json.putArray("OptimizedPlan");
        for (Stay s : problem.stays()) {
            int room = entry.plan().room(s.index());
            if (!compact || room != published.room(s.index())) {
                rows.add(PlanRows.row(problem, s, room, false, null, null));
            }
        }
        AssignmentProblem withTest = entry.test().addTo(problem);
        ObjectNode test = PlanRows.row(withTest, withTest.stay(problem.stays().size()), entry.testRoom(), false,
                null, null);
        test.put("TestStay", true);
        rows.add(test);
        return json;
    }

    /** Nights as {@code YYYY-MM-DD} strings, ascending. */
    public static ArrayNode dates(Collection<Integer> nights) {
        ArrayNode dates = Json.NODES.arrayNode();
        nights.stream().sorted().forEach(n -> dates.add(LocalDate.ofEpochDay(n).toString()));
        return dates;
    }
}
