package org.bookingopt.core.generate;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The shape of a city hotel's demand that the generator samples from: arrivals by weekday, lengths of stay
 * by arrival weekday, group sizes, and how the rooms split into types.
 */
final class DemandProfile {
    /** Relative arrivals Monday … Sunday: Friday and Saturday busiest, Sunday and Tuesday quietest. */
    private static final double[] ARRIVALS_BY_WEEKDAY = {0.95, 0.80, 0.85, 1.00, 1.45, 1.20, 0.75};

    /**
     * Relative frequency of 1 … 28 nights: about three stays in four are 1–3 nights, a bump at a week, and
     * about 2% of 14 nights or more. About 3 nights on average.
     */
    private static final double[] NIGHTS = {
            30, 27, 17, 9, 5, 3, 3.5, 0.8, 0.6, 0.6, 0.5, 0.4, 0.4, 0.8,
            0.15, 0.1, 0.1, 0.1, 0.1, 0.1, 0.25, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.2};
    /** Groups (families, weddings, meetings) stay shorter: 1 … 7 nights. */
    private static final double[] GROUP_NIGHTS = {25, 35, 22, 10, 4, 2, 2};
    /** Group sizes 2, 3 and 4 (mean 2.7). */
    private static final double[] GROUP_SIZES = {50, 30, 20};
    static final double MEAN_GROUP_SIZE = 2.7;

    private static final String[] TYPE_NAMES = {"Standard", "Superior", "Suite", "Deluxe", "Family",
            "Accessible", "Studio", "Penthouse"};

    private final double[][] nightsByWeekday = new double[7][];
    private final double meanWeight;

    DemandProfile() {
        double sum = 0;
        for (double w : ARRIVALS_BY_WEEKDAY) {
            sum += w;
        }
        meanWeight = sum / 7;
        for (DayOfWeek day : DayOfWeek.values()) {
            double[] table = NIGHTS.clone();
            if (day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY) {
                table[0] *= 1.4; // weekend breaks
                table[1] *= 1.6;
            } else if (day == DayOfWeek.SUNDAY || day == DayOfWeek.MONDAY) {
                for (int n = 0; n < 4; n++) {
                    table[n] *= 1.15; // business trips of a few nights
                }
            }
            nightsByWeekday[day.ordinal()] = table;
        }
    }

    /** How busy arrivals on this weekday are, relative to the week's average (1.0). */
    double arrivalFactor(DayOfWeek day) {
        return ARRIVALS_BY_WEEKDAY[day.ordinal()] / meanWeight;
    }

    double arrivalWeight(DayOfWeek day) {
        return ARRIVALS_BY_WEEKDAY[day.ordinal()];
    }

    int nights(Random random, DayOfWeek arrival) {
        return 1 + pick(random, nightsByWeekday[arrival.ordinal()]);
    }

    int groupNights(Random random) {
        return 1 + pick(random, GROUP_NIGHTS);
    }

    int groupSize(Random random) {
        return 2 + pick(random, GROUP_SIZES);
    }

    /** Average nights of an individual stay over a week of arrivals. */
    double meanNights() {
        double total = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            double[] table = nightsByWeekday[day.ordinal()];
            double sum = 0;
            double weighted = 0;
            for (int n = 0; n < table.length; n++) {
                sum += table[n];
                weighted += table[n] * (n + 1);
            }
            total += arrivalWeight(day) * weighted / sum;
        }
        return total / (meanWeight * 7);
    }

    /** Names of {@code count} room types, the most common first. */
    static List<String> typeNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(i < TYPE_NAMES.length ? TYPE_NAMES[i] : "Type" + (i + 1));
        }
        return names;
    }

    /**
     * Rooms per type, uneven as in real hotels: 100%; 70/30; 60/30/10; 50/25/15/10; beyond that each type
     * half the one before. Every type gets at least one room (largest remainders, then the biggest gives).
     */
    static int[] roomsPerType(int rooms, int types) {
        double[] share = switch (types) {
            case 1 -> new double[] {1};
            case 2 -> new double[] {0.7, 0.3};
            case 3 -> new double[] {0.6, 0.3, 0.1};
            case 4 -> new double[] {0.5, 0.25, 0.15, 0.1};
            default -> {
                double[] s = new double[types];
                double sum = 0;
                for (int t = 0; t < types; t++) {
                    s[t] = Math.pow(0.5, t);
                    sum += s[t];
                }
                for (int t = 0; t < types; t++) {
                    s[t] /= sum;
                }
                yield s;
            }
        };
        int[] counts = new int[types];
        double[] remainder = new double[types];
        int given = 0;
        for (int t = 0; t < types; t++) {
            counts[t] = (int) Math.floor(share[t] * rooms);
            remainder[t] = share[t] * rooms - counts[t];
            given += counts[t];
        }
        while (given < rooms) {
            int best = 0;
            for (int t = 1; t < types; t++) {
                if (remainder[t] > remainder[best]) {
                    best = t;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            given++;
        }
        for (int t = 0; t < types; t++) {
            while (counts[t] == 0) {
                int biggest = 0;
                for (int u = 1; u < types; u++) {
                    if (counts[u] > counts[biggest]) {
                        biggest = u;
                    }
                }
                counts[biggest]--;
                counts[t]++;
            }
        }
        return counts;
    }

    /** An index drawn with probability proportional to {@code weights}. */
    static int pick(Random random, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A Poisson draw: by inversion for small means, a rounded normal for large ones. */
    static int poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
