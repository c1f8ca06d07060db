package org.bookingopt.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bookingopt.core.model.Schedule;

/** Computes a plan's objective (SPEC §4.3) and which group members lack a neighbour (SPEC §4.5). */
public final class PlanEvaluator {
    private PlanEvaluator() {
    }

    public static Objective evaluate(AssignmentProblem problem, RoomPlan plan) {
        Schedule schedule = problem.schedule();
        double gaps = 0;
        int orphans = 0;
        for (List<Stay> timeline : timelines(problem, plan)) {
            for (int i = 1; i < timeline.size(); i++) {
                int departure = timeline.get(i - 1).departure();
                int gap = timeline.get(i).arrival() - departure;
                int k = schedule.minimumStay(departure);
                gaps += GapCost.of(gap, k);
                if (GapCost.isOrphan(gap, k)) {
                    orphans += gap;
                }
            }
        }
        int unsatisfied = unsatisfiedMembers(problem, plan).size();
        double adjacency = unsatisfied * adjacencyPenalty(problem);
        return new Objective(gaps, adjacency, splitPenalty(problem, plan), orphans, unsatisfied);
    }

    /** 100·2^M, the cost of one group member without a neighbour. */
    public static double adjacencyPenalty(AssignmentProblem problem) {
        return 100.0 * Math.scalb(1.0, problem.schedule().globalMinimumStay());
    }

    /** Each room's stays sorted by arrival, by room index. */
    public static List<List<Stay>> timelines(AssignmentProblem problem, RoomPlan plan) {
        List<List<Stay>> timelines = new ArrayList<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            timelines.add(new ArrayList<>());
        }
        for (Stay s : problem.stays()) {
            timelines.get(plan.room(s.index())).add(s);
        }
        timelines.forEach(t -> t.sort(Comparator.comparingInt(Stay::arrival).thenComparingInt(Stay::departure)));
        return timelines;
    }

    /** Stay indices of group members with no other member (sibling pieces excluded) in an adjacent room. */
    public static List<Integer> unsatisfiedMembers(AssignmentProblem problem, RoomPlan plan) {
        List<Integer> unsatisfied = new ArrayList<>();
        for (Stay s : problem.stays()) {
            if (s.group() < 0) {
                continue;
            }
            boolean satisfied = false;
            for (Stay other : problem.membersOf(s.group())) {
                if (s.isGroupPartnerOf(other) && problem.adjacent(plan.room(s.index()), plan.room(other.index()))) {
                    satisfied = true;
                    break;
                }
            }
            if (!satisfied) {
                unsatisfied.add(s.index());
            }
        }
        return unsatisfied;
    }

    /**
     * SPEC §4.6: 100 per room change between consecutive pieces of a split reservation, and 1 per
     * reservation that moves to a type later in its preference list at least once.
     */
    public static double splitPenalty(AssignmentProblem problem, RoomPlan plan) {
        double penalty = 0;
        List<Stay> pieces = problem.stays().stream().filter(s -> s.splitGroup() >= 0)
                .sorted(Comparator.comparingInt(Stay::splitGroup).thenComparingInt(Stay::arrival)).toList();
        boolean downgraded = false;
        for (int i = 1; i < pieces.size(); i++) {
            Stay prev = pieces.get(i - 1);
            Stay cur = pieces.get(i);
            if (prev.splitGroup() != cur.splitGroup()) {
                downgraded = false;
                continue;
            }
            int roomA = plan.room(prev.index());
            int roomB = plan.room(cur.index());
            if (roomA != roomB) {
                penalty += 100;
            }
            if (!downgraded && rank(cur, problem.typeOf(roomB)) > rank(prev, problem.typeOf(roomA))) {
                penalty += 1;
                downgraded = true;
            }
        }
        return penalty;
    }

    private static int rank(Stay stay, int type) {
        for (int i = 0; i < stay.allowedTypes().length; i++) {
            if (stay.allowedTypes()[i] == type) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
