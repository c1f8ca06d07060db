package org.bookingopt.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.plan.Stay;

/**
 * Every valid plan of a tiny problem (types, pins, no double booking), by depth-first search with the
 * overlap check at each step, so problems of a dozen stays (split pieces included) stay quick.
 */
public final class AllPlans {
    private AllPlans() {
    }

    public static void forEach(AssignmentProblem problem, Consumer<RoomPlan> visit) {
        List<List<Stay>> inRoom = new ArrayList<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            inRoom.add(new ArrayList<>());
        }
        place(problem, 0, new int[problem.stays().size()], inRoom, visit);
    }

    private static void place(AssignmentProblem problem, int next, int[] rooms, List<List<Stay>> inRoom,
                              Consumer<RoomPlan> visit) {
        if (next == rooms.length) {
            visit.accept(new RoomPlan(rooms));
            return;
        }
        Stay s = problem.stay(next);
        for (int r = 0; r < problem.roomCount(); r++) {
            if (!problem.stayFitsRoom(s, r) || inRoom.get(r).stream().anyMatch(s::overlaps)) {
                continue;
            }
            rooms[next] = r;
            inRoom.get(r).add(s);
            place(problem, next + 1, rooms, inRoom, visit);
            inRoom.get(r).remove(inRoom.get(r).size() - 1);
        }
    }
}
