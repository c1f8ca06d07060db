package org.bookingopt.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.bookingopt.core.model.RoomNumber;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.reoptimize.GapTiling;
import org.bookingopt.core.reoptimize.TestStay;
import org.bookingopt.core.reoptimize.TestStayRule;
import org.bookingopt.core.restrictions.StayRestrictions;

import tools.jackson.databind.JsonNode;

/**
 * Reads a result's {@code ReOptimizedPlans} back as plans and checks each the way {@code bookingopt score}
 * does (rooms exist, types, pins, no double booking) and against the rule of SPEC §6.3.
 */
public final class ReOptimizedPlansCheck {
    private ReOptimizedPlansCheck() {
    }

    /** @return how many entries were checked */
    public static int assertEveryEntryIsAWitness(AssignmentProblem problem, JsonNode result) {
        RoomPlan published = plan(problem, result.get("OptimizedPlan"), null);
        TestStayRule rule = new TestStayRule(problem, published,
                GapTiling.of(StayRestrictions.derive(problem, published)));
        int n = 0;
        for (JsonNode entry : result.get("ReOptimizedPlans")) {
            JsonNode rows = entry.get("OptimizedPlan");
            JsonNode testRow = rows.get(rows.size() - 1);
            assertThat(testRow.get("Name").asString()).isEqualTo(TestStay.NAME);
            assertThat(testRow.get("TestStay").asBoolean()).isTrue();
            assertThat(testRow.get("Arrival").asString()).isEqualTo(entry.get("Day").asString());
            assertThat(testRow.get("Length").asInt()).isEqualTo(entry.get("TestLength").asInt());
            TestStay test = new TestStay((int) LocalDate.parse(entry.get("Day").asString()).toEpochDay(),
                    entry.get("TestLength").asInt());
            AssignmentProblem withTest = test.addTo(problem);
            RoomPlan plan = plan(withTest, rows, published);
            String what = "re-optimized plan for " + entry.get("Day").asString() + ", " + test.length() + " nights";
            assertThat(PlanChecker.violations(withTest, plan)).as(what).isEmpty();
            assertThat(rule.violations(withTest, plan)).as(what).isEmpty();
            n++;
        }
        return n;
    }

    /**
     * Plan rows as a plan. Full rows list every stay in order; compact rows (when {@code published} is given
     * and there are fewer rows than stays) list moved stays only, matched by name and arrival.
     */
    public static RoomPlan plan(AssignmentProblem problem, JsonNode rows, RoomPlan published) {
        int[] rooms = new int[problem.stays().size()];
        if (rows.size() == rooms.length) {
            for (int i = 0; i < rooms.length; i++) {
                rooms[i] = room(problem, rows.get(i));
                assertThat(rows.get(i).get("Name").asString()).isEqualTo(problem.stay(i).reservation().name());
            }
            return new RoomPlan(rooms);
        }
        assertThat(published).as("compact rows need the published plan").isNotNull();
        for (int i = 0; i < rooms.length; i++) {
            rooms[i] = i < published.size() ? published.room(i) : -1;
        }
        int from = 0;
        for (JsonNode row : rows) {
            // Rows keep input order: find the next stay with this name and arrival.
            int i = from;
            while (!(problem.stay(i).reservation().name().equals(row.get("Name").asString())
                    && problem.stay(i).reservation().arrival().toString().equals(row.get("Arrival").asString()))) {
                i++;
            }
            rooms[i] = room(problem, row);
            from = i + 1;
        }
        return new RoomPlan(rooms);
    }

    private static int room(AssignmentProblem problem, JsonNode row) {
        JsonNode room = row.get("AssignedRoom");
        return problem.roomIndex(new RoomNumber(room.asString(), room.isNumber()));
    }
}
