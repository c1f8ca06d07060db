package org.bookingopt.core.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bookingopt.core.json.ProblemReader;

/**
 * What {@link HotelGenerator} builds: the hotel's size, how full it is, and the share of stays with each
 * feature. Checked on construction; {@link #of} gives the defaults the CLI uses.
 *
 * @param rooms           number of rooms, at least 1
 * @param days            number of nights in the schedule, 1 to {@link ProblemReader#MAX_SCHEDULE_NIGHTS}
 * @param occupancy       target share of booked room-nights, booked nights / (rooms × days), in (0, 1]
 * @param types           number of room types, 1 to {@code rooms}; their room shares are uneven (60/30/10 for 3)
 * @param seed            the random seed: the same settings always give the same instance
 * @param minimumStay     the problem's {@code MinimumStay}, 1 to 30
 * @param groupShare      target share of stays in adjacency groups (of 2 to 4 stays with the same dates)
 * @param lockedShare     share of stays locked in the room they were generated in
 * @param flexibleShare   share of stays that accept any room type (ignored with one type)
 * @param currentPlan     whether every stay's {@code AssignedRoom} holds the construction plan
 * @param newReservations number of {@code NewReservations} (1 to 14 nights each) for the "will it fit" run
 * @param start           the first night of the schedule
 */
public record GeneratorSettings(int rooms, int days, double occupancy, int types, long seed, int minimumStay,
                                double groupShare, double lockedShare, double flexibleShare,
                                boolean currentPlan, int newReservations, LocalDate start) {

    public static final int DEFAULT_MINIMUM_STAY = 3;
    public static final double DEFAULT_GROUP_SHARE = 0.05;
    public static final double DEFAULT_LOCKED_SHARE = 0.03;
    public static final double DEFAULT_FLEXIBLE_SHARE = 0.15;
    /** A Monday, so that day numbers and weekdays are easy to relate when reading an instance. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 3, 2);

    public GeneratorSettings {
        List<String> problems = new ArrayList<>();
        if (rooms < 1 || rooms > 100_000) {
            problems.add("rooms must be from 1 to 100000, got " + rooms);
        }
        if (days < 1 || days > ProblemReader.MAX_SCHEDULE_NIGHTS) {
            problems.add("days must be from 1 to " + ProblemReader.MAX_SCHEDULE_NIGHTS + ", got " + days);
        }
        if (!(occupancy > 0 && occupancy <= 1)) {
            problems.add("occupancy must be above 0 and at most 1, got " + occupancy);
        }
        if (types < 1 || types > Math.max(1, rooms)) {
            problems.add("types must be from 1 to the number of rooms (" + rooms + "), got " + types);
        }
        if (minimumStay < 1 || minimumStay > ProblemReader.MAX_MINIMUM_STAY) {
            problems.add("minimum stay must be from 1 to " + ProblemReader.MAX_MINIMUM_STAY + ", got " + minimumStay);
        }
        share(problems, "groups", groupShare, 0.5);
        share(problems, "locked", lockedShare, 1);
        share(problems, "flexible", flexibleShare, 1);
        if (newReservations < 0 || newReservations > 10_000) {
            problems.add("new reservations must be from 0 to 10000, got " + newReservations);
        }
        if (start == null) {
            problems.add("start date is required");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The given size and seed with the defaults: minimum stay 3, 5% in groups, 3% locked, 15% flexible. */
    public static GeneratorSettings of(int rooms, int days, double occupancy, int types, long seed) {
        return builder(rooms, days, occupancy, types, seed).build();
    }

    /** Settings starting from the defaults of {@link #of}, to change some of them. */
    public static Builder builder(int rooms, int days, double occupancy, int types, long seed) {
        return new Builder(rooms, days, occupancy, types, seed);
    }

    /** Collects settings; {@link #build()} checks them. */
    public static final class Builder {
        private final int rooms;
        private final int days;
        private final double occupancy;
        private final int types;
        private final long seed;
        private int minimumStay = DEFAULT_MINIMUM_STAY;
        private double groupShare = DEFAULT_GROUP_SHARE;
        private double lockedShare = DEFAULT_LOCKED_SHARE;
        private double flexibleShare = DEFAULT_FLEXIBLE_SHARE;
        private boolean currentPlan;
        private int newReservations;
        private LocalDate start = DEFAULT_START;

        private Builder(int rooms, int days, double occupancy, int types, long seed) {
            this.rooms = rooms;
            this.days = days;
            this.occupancy = occupancy;
            this.types = types;
            this.seed = seed;
        }

        public Builder minimumStay(int value) {
            minimumStay = value;
            return this;
        }

        public Builder groupShare(double value) {
            groupShare = value;
            return this;
        }

        public Builder lockedShare(double value) {
            lockedShare = value;
            return this;
        }

        public Builder flexibleShare(double value) {
            flexibleShare = value;
            return this;
        }

        public Builder currentPlan(boolean value) {
            currentPlan = value;
            return this;
        }

        public Builder newReservations(int value) {
            newReservations = value;
            return this;
        }

        public Builder start(LocalDate value) {
            start = value;
            return this;
        }

        /** @throws IllegalArgumentException naming every setting out of range */
        public GeneratorSettings build() {
            return new GeneratorSettings(rooms, days, occupancy, types, seed, minimumStay, groupShare, lockedShare,
                    flexibleShare, currentPlan, newReservations, start);
        }
    }

    /** Booked room-nights the instance aims at: occupancy × rooms × days, rounded. */
    public long targetNights() {
        return Math.round(occupancy * rooms * (double) days);
    }

    private static void share(List<String> problems, String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            problems.add(name + " share must be from 0 to " + max + ", got " + value);
        }
    }
}
