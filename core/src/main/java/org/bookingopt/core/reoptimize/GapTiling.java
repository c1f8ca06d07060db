package org.bookingopt.core.reoptimize;

import org.bookingopt.core.restrictions.StayRestrictions;

/**
 * Which interior gaps the re-optimization test accepts (SPEC §6.3, Q19): a free run [d, a) of a room must
 * split into consecutive stays [y, y+ℓ′) with MinStart(y) ≤ ℓ′ ≤ AbsMax(y), both of the current plan. The
 * answer depends only on (d, a), so it is computed once per plan for every pair (a reachability table).
 */
public final class GapTiling {
    private final int start;
    private final int end;
    private final boolean[][] tileable; // [d - start][a - start]

    private GapTiling(int start, int end, boolean[][] tileable) {
        this.start = start;
        this.end = end;
        this.tileable = tileable;
    }

    /** The table for the plan whose restrictions these are (MinStart and AbsMax without the test stay). */
    public static GapTiling of(StayRestrictions restrictions) {
        int start = restrictions.absMax().first();
        int end = restrictions.absMax().end();
        int days = end - start;
        boolean[][] table = new boolean[days + 1][days + 1];
        for (int d = start; d < end; d++) {
            boolean[] reach = table[d - start];
            reach[d - start] = true;
            for (int y = d; y < end; y++) {
                if (!reach[y - start]) {
                    continue;
                }
                int from = restrictions.minStart().get(y);
                int to = restrictions.absMax().get(y);
                for (int length = Math.max(1, from); length <= to && y + length <= end; length++) {
                    reach[y + length - start] = true;
                }
            }
        }
        return new GapTiling(start, end, table);
    }

    /**
     * Whether the gap [departure, arrival) may stay empty: a turnover (no gap), or a gap that splits into
     * sellable stays.
     */
    public boolean accepts(int departure, int arrival) {
        if (arrival == departure) {
            return true;
        }
        if (departure < start || arrival > end || arrival < departure) {
            return false;
        }
        return tileable[departure - start][arrival - start];
    }

    /** S. */
    int start() {
        return start;
    }

    /** E. */
    int end() {
        return end;
    }
}
