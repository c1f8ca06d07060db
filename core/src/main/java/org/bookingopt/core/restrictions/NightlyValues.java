package org.bookingopt.core.restrictions;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * One whole number per schedule night [first, end): a minimum or maximum stay, an absolute maximum, …
 * Immutable; nights are epoch days.
 */
public final class NightlyValues {
    private final int first;
    private final int[] values;

    private NightlyValues(int first, int[] values) {
        this.first = first;
        this.values = values;
    }

    /** The value {@code valueOn} gives each night of [first, end). */
    public static NightlyValues compute(int first, int end, IntUnaryOperator valueOn) {
        int[] values = new int[end - first];
        for (int night = first; night < end; night++) {
            values[night - first] = valueOn.applyAsInt(night);
        }
        return new NightlyValues(first, values);
    }

    public int first() {
        return first;
    }

    /** The first day after the last night. */
    public int end() {
        return first + values.length;
    }

    public int get(int night) {
        if (night < first || night >= end()) {
            throw new IndexOutOfBoundsException("night " + night + " is outside [" + first + ", " + end() + ")");
        }
        return values[night - first];
    }

    /** Night → value, in ascending night order. */
    public Map<Integer, Integer> asMap() {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(first + i, values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NightlyValues other && first == other.first && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * first + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "from " + first + ": " + Arrays.toString(values);
    }
}
