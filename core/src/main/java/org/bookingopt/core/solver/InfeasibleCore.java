package org.bookingopt.core.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Stay;

/**
 * Why an infeasible problem has no plan, as a small set of stays that cannot all be seated together even
 * without every other stay of the hotel (an unsatisfiable core of SPEC §4.2's hard constraints). A member's
 * pin (lock, request window, current plan) belongs to the core only where the conflict needs it.
 *
 * @param members the conflicting stays, in stay order
 * @param nights  the nights on which the members fill every room they may use (epoch days, ascending)
 * @param minimal whether dropping any one member, or any one member's pin, was proven to leave a problem
 *                that has a plan; false when the time budget ran out first
 */
public record InfeasibleCore(AssignmentProblem problem, List<Member> members, List<Integer> nights,
                             boolean minimal) {

    /**
     * @param held whether the stay's pin is part of the conflict: it must be in its pinned room; otherwise it
     *             only needs some room of a type it accepts
     */
    public record Member(Stay stay, boolean held) {
    }

    public InfeasibleCore {
        members = List.copyOf(members);
        nights = List.copyOf(nights);
    }

    /** Builds the core of these members, deriving its blocking nights. */
    static InfeasibleCore of(AssignmentProblem problem, List<Member> members, boolean minimal) {
        return new InfeasibleCore(problem, members, blockingNights(problem, members), minimal);
    }

    /** The rooms a member may use in the core: its pinned room when held, else every room of an accepted type. */
    public List<Integer> usableRooms(Member member) {
        List<Integer> rooms = new ArrayList<>();
        for (int r = 0; r < problem.roomCount(); r++) {
            if (mayUse(problem, member, r)) {
                rooms.add(r);
            }
        }
        return rooms;
    }

    /** The rooms any member may use on this night (see {@link #usableRooms}). */
    public TreeSet<Integer> roomsUsableOn(int night) {
        return roomsUsableOn(problem, members, night);
    }

    /** The members present on this night. */
    public List<Member> presentOn(int night) {
        return members.stream().filter(m -> m.stay().arrival() <= night && night < m.stay().departure()).toList();
    }

    /**
     * The nights on which the members present hold or exceed every room they may use: where the conflict
     * is. When the conflict only shows over several nights together and no single night is full, the nights
     * on which two or more members meet.
     */
    private static List<Integer> blockingNights(AssignmentProblem problem, List<Member> members) {
        int from = members.stream().mapToInt(m -> m.stay().arrival()).min().orElse(0);
        int to = members.stream().mapToInt(m -> m.stay().departure()).max().orElse(0);
        List<Integer> full = new ArrayList<>();
        List<Integer> shared = new ArrayList<>();
        for (int night = from; night < to; night++) {
            final int x = night;
            long present = members.stream().filter(m -> m.stay().arrival() <= x && x < m.stay().departure()).count();
            if (present > 0 && present >= roomsUsableOn(problem, members, night).size()) {
                full.add(night);
            }
            if (present >= 2) {
                shared.add(night);
            }
        }
        return full.isEmpty() ? shared : full;
    }

    private static TreeSet<Integer> roomsUsableOn(AssignmentProblem problem, List<Member> members, int night) {
        TreeSet<Integer> rooms = new TreeSet<>();
        for (Member m : members) {
            if (m.stay().arrival() <= night && night < m.stay().departure()) {
                for (int r = 0; r < problem.roomCount(); r++) {
                    if (mayUse(problem, m, r)) {
                        rooms.add(r);
                    }
                }
            }
        }
        return rooms;
    }

    static boolean mayUse(AssignmentProblem problem, Member member, int room) {
        return member.held() ? room == member.stay().pinnedRoom() : member.stay().acceptsType(problem.typeOf(room));
    }
}
