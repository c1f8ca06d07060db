package org.bookingopt.core.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Builds realistic, guaranteed-feasible hotel problems by running the hotel: guests arrive day by day
 * (more on Fridays and Saturdays, lengths of stay by arrival weekday, some as groups wanting side-by-side
 * rooms) and take a free room of their type, or of any type if they accept any; a guest finding no room is
 * turned away, as on a sold-out night. Every accepted stay keeps the room it was given, so the rooms'
 * timelines are a valid plan by construction.
 *
 * <p>The arrival rate is tuned until the booked room-nights come close to the target occupancy, then the
 * last difference is closed exactly: removing single stays when over, adding stays into free nights when
 * under (so even 100% is reached). The simulation starts four weeks before the schedule, so the first
 * nights are as full as the rest: stays already in house on the first night are cut to arrive on it.
 * Stays still in house after the last night are cut to depart on the schedule's end.
 *
 * <p>Deterministic: the same settings give the same instance. Locks, new reservations and the written
 * current plan draw from their own random streams, so changing them leaves the stays as they were.
 */
public final class HotelGenerator {
    static final int WARM_UP_DAYS = 28;
    private static final int MAX_ROOMS_PER_FLOOR = 20;
    private static final int CALIBRATION_ROUNDS = 16;
    /** Calibration stops once the simulated occupancy is this close to the target. */
    private static final double CALIBRATION_TOLERANCE = 0.004;

    private final GeneratorSettings settings;
    private final DemandProfile profile = new DemandProfile();
    private final List<String> types;
    private final int[] roomsPerType;
    private final int[] typeOfRoom;
    private final int[] floorOfRoom;
    private final List<GeneratedRoom> rooms = new ArrayList<>();
    private final DayOfWeek[] weekday; // of day x, index x + WARM_UP_DAYS
    private final long targetNights;

    private HotelGenerator(GeneratorSettings settings) {
        this.settings = settings;
        this.types = DemandProfile.typeNames(settings.types());
        this.roomsPerType = DemandProfile.roomsPerType(settings.rooms(), settings.types());
        int roomCount = settings.rooms();
        this.typeOfRoom = new int[roomCount];
        this.floorOfRoom = new int[roomCount];
        int floors = (roomCount + MAX_ROOMS_PER_FLOOR - 1) / MAX_ROOMS_PER_FLOOR;
        int perFloor = (roomCount + floors - 1) / floors;
        String[] numbers = new String[roomCount];
        for (int r = 0, t = 0, left = roomsPerType[0]; r < roomCount; r++, left--) {
            while (left == 0) {
                left = roomsPerType[++t];
            }
            typeOfRoom[r] = t; // types in blocks: the common type on the lower floors, suites on top
            floorOfRoom[r] = r / perFloor + 1;
            numbers[r] = Integer.toString(floorOfRoom[r] * 100 + r % perFloor + 1);
        }
        for (int r = 0; r < roomCount; r++) {
            List<String> adjacent = new ArrayList<>();
            if (r > 0 && floorOfRoom[r - 1] == floorOfRoom[r]) {
                adjacent.add(numbers[r - 1]);
            }
            if (r + 1 < roomCount && floorOfRoom[r + 1] == floorOfRoom[r]) {
                adjacent.add(numbers[r + 1]);
            }
            rooms.add(new GeneratedRoom(numbers[r], types.get(typeOfRoom[r]), floorOfRoom[r], adjacent));
        }
        this.weekday = new DayOfWeek[WARM_UP_DAYS + settings.days()];
        for (int x = -WARM_UP_DAYS; x < settings.days(); x++) {
            weekday[x + WARM_UP_DAYS] = settings.start().plusDays(x).getDayOfWeek();
        }
        this.targetNights = Math.max(1, settings.targetNights());
    }

    /** A new instance for these settings; the same settings always give the same instance. */
    public static GeneratedHotel generate(GeneratorSettings settings) {
        return new HotelGenerator(settings).build();
    }

    private GeneratedHotel build() {
        Fill fill = calibrate();
        fill.closeGap(new Random(stream(1)));
        return assemble(fill);
    }

    /** Runs the hotel at arrival rates tuned towards the target occupancy; keeps the closest run. */
    private Fill calibrate() {
        double capacity = (double) settings.rooms() * settings.days();
        double target = targetNights / capacity;
        double rate = target * settings.rooms() / profile.meanNights();
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        Fill best = null;
        for (int round = 0; round < CALIBRATION_ROUNDS; round++) {
            Fill fill = new Fill(rate);
            fill.run();
            double occupancy = fill.booked / capacity;
            if (best == null || Math.abs(occupancy - target) < Math.abs(best.booked / capacity - target)) {
                best = fill;
            }
            if (Math.abs(occupancy - target) < CALIBRATION_TOLERANCE) {
                break;
            }
            if (occupancy < target) {
                low = rate;
            } else {
                high = rate;
            }
            if (high == Double.POSITIVE_INFINITY) {
                double factor = occupancy <= 0 ? 4 : Math.pow(target / occupancy, 2);
                rate *= Math.min(4, Math.max(0.5, factor));
                if (rate > 50.0 * settings.rooms()) {
                    break; // demand far beyond the hotel's size: sold out whatever comes
                }
            } else {
                rate = low == 0 ? high / 2 : Math.sqrt(low * high);
            }
        }
        return best;
    }

    private long stream(long salt) {
        return settings.seed() * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
    }

    /** One simulated run of the hotel, day by day, and the stays it accepted. */
    private final class Fill {
        final double rate;
        final Random random = new Random(stream(0));
        final List<SimStay> stays = new ArrayList<>();
        final int[] busyUntil = new int[settings.rooms()];
        final FreeRooms[] free = new FreeRooms[settings.types()];
        long booked;
        int groupMembers;
        int groups;

        Fill(double rate) {
            this.rate = rate;
        }

        void run() {
            int days = settings.days();
            List<List<Integer>> releases = new ArrayList<>();
            for (int i = 0; i < WARM_UP_DAYS + days; i++) {
                releases.add(new ArrayList<>());
            }
            for (int t = 0; t < free.length; t++) {
                free[t] = new FreeRooms(settings.rooms());
            }
            for (int r = 0; r < settings.rooms(); r++) {
                busyUntil[r] = -WARM_UP_DAYS;
                free[typeOfRoom[r]].add(r);
            }
            double groupChance = groupEventChance();
            double flexibleChance = settings.types() == 1 ? 0
                    : Math.min(1, settings.flexibleShare() / Math.max(0.5, 1 - settings.groupShare()));
            double[] typeWeights = Arrays.stream(roomsPerType).asDoubleStream().toArray();
            for (int x = -WARM_UP_DAYS; x < days; x++) {
                for (int r : releases.get(x + WARM_UP_DAYS)) {
                    free[typeOfRoom[r]].add(r);
                }
                DayOfWeek day = weekday[x + WARM_UP_DAYS];
                int arrivals = DemandProfile.poisson(random, rate * profile.arrivalFactor(day));
                for (int i = 0; i < arrivals; i++) {
                    int type = DemandProfile.pick(random, typeWeights);
                    boolean behind = groupMembers < settings.groupShare() * (stays.size() + 1);
                    if (groupChance > 0 && random.nextDouble() < (behind ? 2 * groupChance : groupChance / 2)) {
                        arriveAsGroup(x, type, profile.groupSize(random), profile.groupNights(random), releases);
                    } else {
                        boolean flexible = random.nextDouble() < flexibleChance;
                        arriveAlone(x, type, flexible, profile.nights(random, day), releases);
                    }
                }
            }
        }

        /** The chance that an arrival is a group, for the target share of stays in groups. */
        private double groupEventChance() {
            double g = settings.groupShare();
            double k = DemandProfile.MEAN_GROUP_SIZE;
            return g <= 0 ? 0 : Math.min(1, g / (k - (k - 1) * g));
        }

        private void arriveAlone(int x, int type, boolean flexible, int nights, List<List<Integer>> releases) {
            int room = free[type].any(random);
            if (room < 0 && flexible) {
                int offset = random.nextInt(free.length);
                for (int i = 0; i < free.length && room < 0; i++) {
                    room = free[(offset + i) % free.length].any(random);
                }
            }
            if (room >= 0) {
                place(room, x, nights, type, -1, releases);
            }
        }

        /** Side-by-side free rooms of the type on one floor, for as many members as fit (at least 2). */
        private void arriveAsGroup(int x, int type, int size, int nights, List<List<Integer>> releases) {
            for (int k = size; k >= 2; k--) {
                List<Integer> starts = new ArrayList<>();
                int run = 0;
                for (int r = 0; r < settings.rooms(); r++) {
                    boolean usable = typeOfRoom[r] == type && busyUntil[r] <= x;
                    run = !usable ? 0 : run > 0 && floorOfRoom[r - 1] == floorOfRoom[r] ? run + 1 : 1;
                    if (run >= k) {
                        starts.add(r - k + 1);
                    }
                }
                if (!starts.isEmpty()) {
                    int first = starts.get(random.nextInt(starts.size()));
                    int group = groups++;
                    for (int r = first; r < first + k; r++) {
                        place(r, x, nights, type, group, releases);
                    }
                    return;
                }
            }
        }

        private void place(int room, int x, int nights, int type, int group, List<List<Integer>> releases) {
            int departure = x + nights;
            busyUntil[room] = departure;
            free[typeOfRoom[room]].remove(room);
            if (departure < settings.days()) {
                releases.get(departure + WARM_UP_DAYS).add(room);
            }
            if (departure > 0) {
                SimStay stay = new SimStay(Math.max(0, x), Math.min(departure, settings.days()), room, type, group);
                stays.add(stay);
                booked += stay.nights();
                if (group >= 0) {
                    groupMembers++;
                }
            }
        }

        /**
         * Closes the last difference to the target: over it, drops single stays (never group members) as
         * long as that does not go below; under it, adds stays into free nights until it is reached.
         */
        void closeGap(Random rnd) {
            if (booked > targetNights) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < stays.size(); i++) {
                    if (stays.get(i).group() < 0) {
                        order.add(i);
                    }
                }
                Collections.shuffle(order, rnd);
                boolean[] drop = new boolean[stays.size()];
                for (int i : order) {
                    if (booked <= targetNights) {
                        break;
                    }
                    if (booked - stays.get(i).nights() >= targetNights) {
                        drop[i] = true;
                        booked -= stays.get(i).nights();
                    }
                }
                List<SimStay> kept = new ArrayList<>();
                for (int i = 0; i < stays.size(); i++) {
                    if (!drop[i]) {
                        kept.add(stays.get(i));
                    }
                }
                stays.clear();
                stays.addAll(kept);
            }
            if (booked < targetNights) {
                fillFreeNights(rnd);
            }
        }

        private void fillFreeNights(Random rnd) {
            List<int[]> gaps = freeIntervals(); // {room, start, end}
            long freeNights = gaps.stream().mapToLong(g -> g[2] - g[1]).sum();
            while (booked < targetNights && freeNights > 0) {
                long pick = (long) (rnd.nextDouble() * freeNights);
                int index = 0;
                while (pick >= gaps.get(index)[2] - gaps.get(index)[1]) {
                    pick -= gaps.get(index)[2] - gaps.get(index)[1];
                    index++;
                }
                int[] gap = gaps.get(index);
                int room = gap[0];
                int width = gap[2] - gap[1];
                int start = gap[1] + rnd.nextInt(width);
                int nights = profile.nights(rnd, settings.start().plusDays(start).getDayOfWeek());
                nights = (int) Math.min(Math.min(nights, gap[2] - start), targetNights - booked);
                if (rnd.nextBoolean() && gap[2] - gap[1] >= nights) {
                    start = gap[1]; // often right after the previous guest left
                }
                SimStay stay = new SimStay(start, start + nights, room, typeOfRoom[room], -1);
                stays.add(stay);
                booked += nights;
                freeNights -= nights;
                gaps.remove(index);
                if (start > gap[1]) {
                    gaps.add(new int[] {room, gap[1], start});
                }
                if (start + nights < gap[2]) {
                    gaps.add(new int[] {room, start + nights, gap[2]});
                }
            }
        }

        private List<int[]> freeIntervals() {
            List<List<SimStay>> byRoom = new ArrayList<>();
            for (int r = 0; r < settings.rooms(); r++) {
                byRoom.add(new ArrayList<>());
            }
            stays.forEach(s -> byRoom.get(s.room()).add(s));
            List<int[]> gaps = new ArrayList<>();
            for (int r = 0; r < settings.rooms(); r++) {
                List<SimStay> timeline = byRoom.get(r);
                timeline.sort(Comparator.comparingInt(SimStay::arrival));
                int at = 0;
                for (SimStay s : timeline) {
                    if (s.arrival() > at) {
                        gaps.add(new int[] {r, at, s.arrival()});
                    }
                    at = s.departure();
                }
                if (at < settings.days()) {
                    gaps.add(new int[] {r, at, settings.days()});
                }
            }
            return gaps;
        }
    }

    /** A stay of the simulation in schedule days [arrival, departure), with its room, booked type and group. */
    private record SimStay(int arrival, int departure, int room, int type, int group) {
        int nights() {
            return departure - arrival;
        }
    }

    /** The free rooms of one type, as a set that can hand out a random member. */
    private static final class FreeRooms {
        private final int[] members;
        private final int[] position;
        private int size;

        FreeRooms(int roomCount) {
            members = new int[roomCount];
            position = new int[roomCount];
            Arrays.fill(position, -1);
        }

        void add(int room) {
            if (position[room] < 0) {
                position[room] = size;
                members[size++] = room;
            }
        }

        void remove(int room) {
            int at = position[room];
            if (at >= 0) {
                int last = members[--size];
                members[at] = last;
                position[last] = at;
                position[room] = -1;
            }
        }

        int any(Random random) {
            return size == 0 ? -1 : members[random.nextInt(size)];
        }
    }

    /** Turns the accepted stays into reservations: sorted by arrival, then named, grouped and locked. */
    private GeneratedHotel assemble(Fill fill) {
        List<SimStay> stays = new ArrayList<>(fill.stays);
        Collections.shuffle(stays, new Random(stream(2))); // ties in arrival in no particular order
        stays.sort(Comparator.comparingInt(SimStay::arrival));
        boolean[] locked = new boolean[stays.size()];
        List<Integer> lockOrder = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            lockOrder.add(i);
        }
        Collections.shuffle(lockOrder, new Random(stream(3)));
        int lockCount = (int) Math.round(settings.lockedShare() * stays.size());
        for (int i = 0; i < lockCount; i++) {
            locked[lockOrder.get(i)] = true;
        }
        boolean[] anyType = acceptingAnyType(stays);
        int[] groupLabel = new int[fill.groups];
        int labels = 0;
        List<GeneratedStay> out = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            SimStay s = stays.get(i);
            String group = null;
            if (s.group() >= 0) {
                if (groupLabel[s.group()] == 0) {
                    groupLabel[s.group()] = ++labels;
                }
                group = "G" + groupLabel[s.group()];
            }
            out.add(new GeneratedStay(Integer.toString(i + 1), i + 1, day(s.arrival()), s.nights(),
                    types.get(s.type()), anyType[i] ? otherTypes(s.type()) : List.of(), group, locked[i],
                    s.room()));
        }
        return new GeneratedHotel(settings, problemId(), types, rooms, out, newReservations(out.size()));
    }

    /**
     * Which stays accept any type. A stay that got a room of another type than it booked must; beyond those,
     * stays drawn at random up to the target share. (Flexible guests are turned away less often on busy
     * nights, so the simulation alone would overshoot the share in small hotels.)
     */
    private boolean[] acceptingAnyType(List<SimStay> stays) {
        boolean[] anyType = new boolean[stays.size()];
        if (settings.types() == 1) {
            return anyType;
        }
        List<Integer> others = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < stays.size(); i++) {
            if (stays.get(i).type() != typeOfRoom[stays.get(i).room()]) {
                anyType[i] = true;
                count++;
            } else if (stays.get(i).group() < 0) {
                others.add(i);
            }
        }
        Collections.shuffle(others, new Random(stream(5)));
        long target = Math.round(settings.flexibleShare() * stays.size());
        for (int i = 0; count < target && i < others.size(); i++, count++) {
            anyType[others.get(i)] = true;
        }
        return anyType;
    }

    /** New reservations of 1 to 14 nights inside the schedule, arriving by the weekday pattern. */
    private List<GeneratedStay> newReservations(int existing) {
        Random random = new Random(stream(4));
        int days = settings.days();
        double[] arrivalWeights = new double[days];
        for (int x = 0; x < days; x++) {
            arrivalWeights[x] = profile.arrivalWeight(weekday[x + WARM_UP_DAYS]);
        }
        double[] typeWeights = Arrays.stream(roomsPerType).asDoubleStream().toArray();
        List<int[]> drawn = new ArrayList<>(); // {arrival, nights, type}
        for (int i = 0; i < settings.newReservations(); i++) {
            int x = DemandProfile.pick(random, arrivalWeights);
            int nights = Math.min(Math.min(14, days - x), profile.nights(random, weekday[x + WARM_UP_DAYS]));
            drawn.add(new int[] {x, nights, DemandProfile.pick(random, typeWeights)});
        }
        drawn.sort(Comparator.comparingInt(d -> d[0]));
        List<GeneratedStay> out = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            int[] d = drawn.get(i);
            out.add(new GeneratedStay("N" + (i + 1), existing + i + 1, day(d[0]), d[1], types.get(d[2]), List.of(),
                    null, false, -1));
        }
        return out;
    }

    private List<String> otherTypes(int type) {
        List<String> others = new ArrayList<>(types);
        others.remove(type);
        return others;
    }

    private LocalDate day(int x) {
        return settings.start().plusDays(x);
    }

    private String problemId() {
        return String.format(Locale.ROOT, "gen-%dx%d-occ%d-t%d-seed%d", settings.rooms(), settings.days(),
                Math.round(settings.occupancy() * 100), settings.types(), settings.seed());
    }
}
