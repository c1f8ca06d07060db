package org.bookingopt.core.plan;

/**
 * The cost of an interior gap of {@code g} free nights whose first night has minimum stay {@code k}
 * (SPEC §4.3): 2^(k−g+1) below the minimum stay, 2^(k−g) from it on. With k = 5: 32, 16, 8, 4, 1, 0.5, …
 * Every value is an exact power of two, so sums of them are exact in a double as long as they span fewer
 * than 53 binary orders of magnitude.
 */
public final class GapCost {
    /** Solvers that need integers count in units of 2^-20 (SPEC §4.3 allows this rounding). */
    public static final int FRACTION_BITS = 20;

    private GapCost() {
    }

    public static double of(int gap, int minimumStay) {
        if (gap <= 0) {
            return 0.0;
        }
        int exponent = gap < minimumStay ? minimumStay - gap + 1 : minimumStay - gap;
        return Math.scalb(1.0, exponent);
    }

    /** The cost rounded to a multiple of 2^-20, as used by the solvers; 0 once below 2^-21. */
    public static double rounded(int gap, int minimumStay) {
        return Math.scalb((double) units(gap, minimumStay), -FRACTION_BITS);
    }

    /** The cost in units of 2^-20, rounded to nearest (a cost of exactly half a unit rounds up). */
    public static long units(int gap, int minimumStay) {
        if (gap <= 0) {
            return 0;
        }
        int exponent = (gap < minimumStay ? minimumStay - gap + 1 : minimumStay - gap) + FRACTION_BITS;
        if (exponent < -1) {
            return 0;
        }
        return exponent == -1 ? 1 : 1L << exponent;
    }

    public static boolean isOrphan(int gap, int minimumStay) {
        return gap > 0 && gap < minimumStay;
    }
}
