package org.bookingopt.core.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.ortools.graph.MaxFlow;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Stay;

/**
 * The {@link InfeasibleCore} of a single short night, found by matching instead of search. Every stay of the
 * window covers the night, so any two of them in one room collide: seating them is a bipartite matching of
 * stays to the rooms they may use, and a set of stays is infeasible exactly when a max flow cannot match them
 * all. The stays the source still reaches in the residual graph then compete for too few rooms (Hall's
 * condition fails for them), which is the smaller core the next step keeps.
 *
 * <p>Shrinking is the same deletion as {@link CoreFinder}'s (pins first, then stays, longest first), but each
 * question is a max flow over at most a few hundred nodes instead of a CP-SAT solve: a fully booked night of
 * a 100-room hotel is proven minimal in milliseconds where the search spent its whole budget.
 */
final class NightCore {
    private final AssignmentProblem problem;

    private NightCore(AssignmentProblem problem) {
        this.problem = problem;
    }

    /** @param night the stays of one night, more than the rooms they may use */
    static InfeasibleCore find(AssignmentProblem problem, List<Stay> night, Cancellation cancellation) {
        return new NightCore(problem).shrink(night, cancellation);
    }

    /** A stay of the core and whether its pin is part of it. */
    private record Seat(Stay stay, boolean held) {
    }

    private InfeasibleCore shrink(List<Stay> night, Cancellation cancellation) {
        List<Seat> current = new ArrayList<>();
        night.forEach(s -> current.add(new Seat(s, s.isPinned())));
        List<Seat> core = unmatched(current);
        if (core.isEmpty()) {
            throw new IllegalArgumentException("the stays of the night can all be seated");
        }
        boolean complete = true;
        for (Deletion deletion : deletionOrder(core)) {
            if (cancellation.isCancelled()) {
                complete = false;
                break;
            }
            int at = indexOf(core, deletion.stay());
            if (at < 0 || deletion.pinOnly() && !core.get(at).held()) {
                continue; // already dropped by a smaller core
            }
            List<Seat> without = new ArrayList<>(core);
            if (deletion.pinOnly()) {
                without.set(at, new Seat(deletion.stay(), false));
            } else {
                without.remove(at);
            }
            List<Seat> smaller = unmatched(without);
            if (!smaller.isEmpty()) {
                core = smaller;
            }
        }
        List<InfeasibleCore.Member> members = core.stream()
                .sorted(Comparator.comparingInt(seat -> seat.stay().index()))
                .map(seat -> new InfeasibleCore.Member(seat.stay(), seat.held())).toList();
        return InfeasibleCore.of(problem, members, complete);
    }

    /** Dropping a stay from the core, or only its pin. */
    private record Deletion(Stay stay, boolean pinOnly) {
    }

    /** Pins first (needing only some room of its type is the simpler explanation), then stays, longest first. */
    private static List<Deletion> deletionOrder(List<Seat> core) {
        List<Deletion> order = new ArrayList<>();
        core.stream().filter(Seat::held).forEach(seat -> order.add(new Deletion(seat.stay(), true)));
        core.stream().map(Seat::stay)
                .sorted(Comparator.comparingInt((Stay s) -> -s.length()).thenComparingInt(Stay::index))
                .forEach(s -> order.add(new Deletion(s, false)));
        return order;
    }

    private static int indexOf(List<Seat> seats, Stay stay) {
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).stay() == stay) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Matches the seats to rooms; when some stay is left over, the seats on the source side of the minimum cut
     * (they cannot all be seated, and need no other seat to show it); empty when every seat gets a room.
     */
    private List<Seat> unmatched(List<Seat> seats) {
        int rooms = problem.roomCount();
        int source = 0;
        int sink = 1;
        int firstSeat = 2;
        int firstRoom = firstSeat + seats.size();
        MaxFlow flow = new MaxFlow();
        for (int i = 0; i < seats.size(); i++) {
            flow.addArcWithCapacity(source, firstSeat + i, 1);
            for (int r = 0; r < rooms; r++) {
                if (mayUse(seats.get(i), r)) {
                    // More than one unit: the minimum cut never crosses a stay-to-room arc, so the rooms of a
                    // source-side stay are all on the source side.
                    flow.addArcWithCapacity(firstSeat + i, firstRoom + r, seats.size());
                }
            }
        }
        for (int r = 0; r < rooms; r++) {
            flow.addArcWithCapacity(firstRoom + r, sink, 1);
        }
        if (flow.solve(source, sink) != MaxFlow.Status.OPTIMAL) {
            throw new IllegalStateException("max flow failed on a bipartite matching");
        }
        if (flow.getOptimalFlow() >= seats.size()) {
            return List.of();
        }
        boolean[] sourceSide = CapacityCheck.residualReachable(flow, source, firstRoom + rooms);
        Set<Seat> core = new LinkedHashSet<>();
        for (int i = 0; i < seats.size(); i++) {
            if (sourceSide[firstSeat + i]) {
                core.add(seats.get(i));
            }
        }
        return List.copyOf(core);
    }

    /** As in {@link CoreFinder}'s model: a held stay its pinned room only, else its types' rooms and its pinned room. */
    private boolean mayUse(Seat seat, int room) {
        Stay s = seat.stay();
        return seat.held() ? room == s.pinnedRoom() : s.acceptsType(problem.typeOf(room)) || room == s.pinnedRoom();
    }
}
