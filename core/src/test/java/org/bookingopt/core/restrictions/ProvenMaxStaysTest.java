package org.bookingopt.core.restrictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The CompMax hook for re-optimization (SPEC §5.5, §6, Q22): proven lengths raise the maximum stays and
 * change the impact; unproven nights keep FixedMax. Values from SPEC §6.5 and §7.3 (sample2, our column).
 */
class ProvenMaxStaysTest {
    private static final int FEB_28 = Samples.night("2021-02-28");
    private static final int MAR_01 = Samples.night("2021-03-01");

    private final StayRestrictions fixed = FixedPlanFixturesTest.fixedPlanRestrictions("sample2");

    @Test
    void withoutProofsCompMaxIsFixedMaxOnEveryNight() {
        assertThat(fixed.compMax()).isEqualTo(fixed.fixedMax());
        assertThat(fixed.withProvenMaxStays(Map.of())).isSameAs(fixed);
        assertThat(fixed.maxStays()).containsExactly(Map.entry(FEB_28, 7), Map.entry(MAR_01, 9),
                Map.entry(Samples.night("2021-03-10"), 7));
    }

    @Test
    void provenLongerStaysReplaceTheFixedMaximaInMaxStays() {
        StayRestrictions reoptimized = fixed.withProvenMaxStays(Map.of(FEB_28, 12, MAR_01, 11));
        assertThat(reoptimized.compMax().get(FEB_28)).isEqualTo(12);
        assertThat(reoptimized.compMax().get(MAR_01)).isEqualTo(11);
        assertThat(reoptimized.compMax().get(MAR_01 + 1)).isEqualTo(fixed.fixedMax().get(MAR_01 + 1));
        assertThat(reoptimized.maxStays()).containsExactly(Map.entry(FEB_28, 12));
        // Nothing else depends on CompMax.
        assertThat(reoptimized.minStays()).isEqualTo(fixed.minStays());
        assertThat(reoptimized.closures()).isEqualTo(fixed.closures());
    }

    @Test
    void provenLongerStaysChangeTheImpactAsSection7_3Says() {
        StaysAvoided reoptimized = StaysAvoided.of(fixed.withProvenMaxStays(Map.of(FEB_28, 12, MAR_01, 11)));
        assertThat(StaysAvoided.of(fixed).byMaximumStay()).isNotEmpty();
        assertThat(reoptimized.byMaximumStay()).isEmpty();
        assertThat(reoptimized.byClosedArrival()).containsEntry(Samples.night("2021-03-02"), List.of(5, 8))
                .containsEntry(Samples.night("2021-03-03"), List.of(7))
                .containsEntry(Samples.night("2021-03-04"), List.of(6));
    }

    @Test
    void aProvenLengthBelowTheFixedPlanIsRejected() {
        assertThatThrownBy(() -> fixed.withProvenMaxStays(Map.of(FEB_28, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below the fixed plan's 7");
        assertThatThrownBy(() -> fixed.withProvenMaxStays(Map.of(fixed.fixedMax().first() - 1, 20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the schedule");
    }
}
