package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bookingopt.core.plan.AssignmentProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC §5.8 (restrictions) and §7.1 (impact) on sample1's fixed plan, night by night. */
class Sample1WorkedExampleTest {
    private static final int S = Samples.night("2021-02-28");
    private static AssignmentProblem problem;
    private static StayRestrictions restrictions;

    @BeforeAll
    static void derive() {
        problem = Samples.problem("sample1.fixedplan");
        restrictions = StayRestrictions.derive(problem, problem.currentPlan());
    }

    /** The §5.8 table's columns, nights 0 (02-28) to 13 (03-13). */
    private static final int[] ABS_MAX = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 4, 3, 2, 1};
    private static final int[] FIXED_MAX = {4, 3, 2, 6, 5, 4, 3, 2, 1, 0, 4, 3, 2, 1};
    private static final int[] MIN_START = {5, 5, 5, 1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
    private static final int[] MIN_STAYS = {5, 5, 5, 1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
    private static final List<Integer> CA0 = List.of(0, 1, 2, 4, 5, 6, 7, 8, 9, 12);
    private static final List<Integer> CD0 = List.of(2, 3, 5, 6, 7, 10, 11, 12);
    private static final List<Integer> FINAL_CA = List.of(0, 1, 2, 4);
    private static final List<Integer> FINAL_CD = List.of(2, 3, 5, 6, 7);

    @Test
    void scheduleConstantsMatchTheWorkedExample() {
        Inventory hotel = restrictions.inventory();
        assertThat(hotel.start()).isEqualTo(S);
        assertThat(hotel.end()).isEqualTo(S + 14);
        assertThat(hotel.firstDepartureDay()).isEqualTo(S + 1);
        assertThat(hotel.dayRoomsFirstFilled()).isEqualTo(S + 3);
        assertThat(nightsWhere(hotel::isFullyBooked)).containsExactly(9);
    }

    @Test
    void perNightValuesMatchTheTableNightByNight() {
        assertThat(column(restrictions.absMax())).as("AbsMax").containsExactly(ABS_MAX);
        assertThat(column(restrictions.fixedMax())).as("FixedMax").containsExactly(FIXED_MAX);
        assertThat(column(restrictions.minStart())).as("MinStart").containsExactly(MIN_START);
        assertThat(column(restrictions.minStays())).as("MinStays").containsExactly(MIN_STAYS);
    }

    @Test
    void closuresBeforeAndAfterRedundancyRemovalMatchTheTable() {
        assertThat(relative(restrictions.initialClosures().closedToArrival())).as("CA₀").isEqualTo(CA0);
        assertThat(relative(restrictions.initialClosures().closedToDeparture())).as("CD₀").isEqualTo(CD0);
        assertThat(relative(restrictions.closedArrivals())).as("final CA").isEqualTo(FINAL_CA);
        assertThat(relative(restrictions.closedDepartures())).as("final CD").isEqualTo(FINAL_CD);
    }

    @Test
    void onlyTheFourthOfMarchCarriesAMaximumStayOfSix() {
        assertThat(restrictions.compMax()).isEqualTo(restrictions.fixedMax());
        assertThat(restrictions.maxStays()).containsExactly(Map.entry(S + 4, 6));
    }

    @Test
    void impactMatchesTheOursColumnOfSection7() {
        StaysAvoided avoided = StaysAvoided.of(restrictions);
        assertThat(avoided.byClosedArrival()).containsExactly(Map.entry(S + 4, List.of(5)));
        assertThat(avoided.byClosedDeparture()).containsExactly(Map.entry(S + 3, List.of(2, 3, 4)));
        assertThat(avoided.byMaximumStay()).isEmpty();
    }

    private static int[] column(NightlyValues values) {
        assertThat(values.first()).isEqualTo(S);
        int[] column = new int[values.end() - S];
        for (int x = 0; x < column.length; x++) {
            column[x] = values.get(S + x);
        }
        return column;
    }

    private static List<Integer> relative(Iterable<Integer> nights) {
        List<Integer> list = new ArrayList<>();
        nights.forEach(n -> list.add(n - S));
        return list;
    }

    private static List<Integer> nightsWhere(java.util.function.IntPredicate p) {
        List<Integer> list = new ArrayList<>();
        for (int x = S; x < S + 14; x++) {
            if (p.test(x)) {
                list.add(x - S);
            }
        }
        return list;
    }
}
