package org.bookingopt.core.plan;

import java.util.ArrayList;
import java.util.List;

/** Finds what makes a plan invalid: double bookings, wrong types, moved pinned stays (for {@code score}). */
public final class PlanChecker {
    private PlanChecker() {
    }

    /** @return human-readable violations; empty when the plan is valid */
    public static List<String> violations(AssignmentProblem problem, RoomPlan plan) {
        List<String> violations = new ArrayList<>();
        if (plan.size() != problem.stays().size()) {
            violations.add("the plan has " + plan.size() + " stays, the problem " + problem.stays().size());
            return violations;
        }
        for (Stay s : problem.stays()) {
            int room = plan.room(s.index());
            if (room < 0 || room >= problem.roomCount()) {
                violations.add(describe(s) + " has no room");
            } else if (s.isPinned() && s.pinnedRoom() != room) {
                violations.add(describe(s) + " is " + s.pin().reason() + " in room "
                        + problem.rooms().get(s.pinnedRoom()).number() + " but placed in room "
                        + problem.rooms().get(room).number());
            } else if (!s.isPinned() && !s.acceptsType(problem.typeOf(room))) {
                violations.add(describe(s) + " does not accept room " + problem.rooms().get(room).number()
                        + " of type " + problem.types().get(problem.typeOf(room)));
            }
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        List<List<Stay>> timelines = PlanEvaluator.timelines(problem, plan);
        for (int r = 0; r < timelines.size(); r++) {
            List<Stay> t = timelines.get(r);
            for (int i = 1; i < t.size(); i++) {
                if (t.get(i).arrival() < t.get(i - 1).departure()) {
                    violations.add(describe(t.get(i - 1)) + " and " + describe(t.get(i)) + " overlap in room "
                            + problem.rooms().get(r).number());
                }
            }
        }
        return violations;
    }

    private static String describe(Stay s) {
        return "stay #" + s.index() + " (" + s.reservation().name() + ", " + s.reservation().arrival() + " for "
                + s.length() + " nights)";
    }
}
