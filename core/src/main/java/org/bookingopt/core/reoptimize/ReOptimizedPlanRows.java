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
        Entries entries = new Entries(problem, published, compact);
        ArrayNode json = Json.NODES.arrayNode();
        plans.forEach(plan -> entries.addTo(json, plan));
        return json;
    }

    /**
     * Builds the entries of {@link #of} one at a time, as each plan is found (their cost counts within the
     * probing budget). A stay in its published room has the same row in every entry, so all entries share one
     * row object for it: on 300 × 180 typed hotels a proof in 4 s leaves the probes about 50 s, 600 feasible
     * tests of 15,927 stays each, which as separate rows ran out of a 6 GB heap.
     */
    public static final class Entries {
        /**
         * Rows all entries may hold together, about 85 MB of JSON: a result stays something a client can read and
         * a job store can keep. Without it, 600 full plans of a 300 × 180 hotel came to over 2 GB of text.
         */
        public static final int MAX_ROWS = 500_000;

        private final AssignmentProblem problem;
        private final RoomPlan published;
        private final boolean compact;
        private final ObjectNode[] keptRows;
        private final long maxRows;
        private long rows;
        private int omitted;

        /**
         * @param published the result's {@code OptimizedPlan}
         * @param compact   {@code CompactReOptimizedPlans}: only the stays whose room differs from {@code published}
         */
        public Entries(AssignmentProblem problem, RoomPlan published, boolean compact) {
            this(problem, published, compact, MAX_ROWS);
        }

        Entries(AssignmentProblem problem, RoomPlan published, boolean compact, long maxRows) {
            this.maxRows = maxRows;
            this.problem = problem;
            this.published = published;
            this.compact = compact;
            this.keptRows = new ObjectNode[problem.stays().size()];
        }

        /**
         * One {@code {Day, TestLength, OptimizedPlan}}; its rows must not be changed (they are shared). Null, and
         * counted as {@linkplain #omitted() omitted}, once the entries would pass {@link #MAX_ROWS} rows.
         */
        public ObjectNode entry(ReOptimizedPlan entry) {
            long size = 1;
            for (Stay s : problem.stays()) {
                size += !compact || entry.plan().room(s.index()) != published.room(s.index()) ? 1 : 0;
            }
            if (rows + size > maxRows) {
                omitted++;
                return null;
            }
            rows += size;
            ObjectNode json = Json.NODES.objectNode();
            json.put("Day", LocalDate.ofEpochDay(entry.test().arrival()).toString());
            json.put("TestLength", entry.test().length());
            ArrayNode rows = json.putArray("OptimizedPlan");
            for (Stay s : problem.stays()) {
                int room = entry.plan().room(s.index());
                if (room != published.room(s.index())) {
                    rows.add(PlanRows.row(problem, s, room, false, null, null));
                } else if (!compact) {
                    if (keptRows[s.index()] == null) {
                        keptRows[s.index()] = PlanRows.row(problem, s, room, false, null, null);
                    }
                    rows.add(keptRows[s.index()]);
                }
            }
            AssignmentProblem withTest = entry.test().addTo(problem);
            ObjectNode test = PlanRows.row(withTest, withTest.stay(problem.stays().size()), entry.testRoom(), false,
                    null, null);
            test.put("TestStay", true);
            rows.add(test);
            return json;
        }

        /** Appends the plan's {@link #entry} to {@code entries}, unless the row budget leaves it out. */
        public void addTo(ArrayNode entries, ReOptimizedPlan plan) {
            ObjectNode entry = entry(plan);
            if (entry != null) {
                entries.add(entry);
            }
        }

        /** Feasible tests whose plan was not listed: the entries had reached {@link #MAX_ROWS} rows. */
        public int omitted() {
            return omitted;
        }
    }

    /** Nights as {@code YYYY-MM-DD} strings, ascending. */
    public static ArrayNode dates(Collection<Integer> nights) {
        ArrayNode dates = Json.NODES.arrayNode();
        nights.stream().sorted().forEach(n -> dates.add(LocalDate.ofEpochDay(n).toString()));
        return dates;
    }
}
