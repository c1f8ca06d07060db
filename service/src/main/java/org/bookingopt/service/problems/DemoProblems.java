package org.bookingopt.service.problems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.model.Reservation;
import org.bookingopt.core.model.Room;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The sample problems packaged in the jar under {@code demo-problems/} (copied from shared/fixtures/inputs at
 * build time), read once: each by its file name without {@code .json}, with its size and a description
 * derived from its content.
 */
@Component
public class DemoProblems {
    static final String LOCATION = "classpath:demo-problems/*.json";

    private final Map<String, DemoProblem> byName;

    public DemoProblems() {
        this(LOCATION);
    }

    DemoProblems(String location) {
        Map<String, DemoProblem> found = new LinkedHashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location);
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource r : resources) {
                String name = Objects.requireNonNull(r.getFilename()).replaceFirst("\\.json$", "");
                try (InputStream in = r.getInputStream()) {
                    byte[] json = in.readAllBytes();
                    Problem problem = ProblemReader.read(new String(json, StandardCharsets.UTF_8)).problem();
                    found.put(name, new DemoProblem(name, problem.rooms().size(), problem.reservations().size(),
                            describe(problem), json));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo problems at " + location, e);
        }
        this.byName = found;
    }

    /** Every demo problem, by name. */
    public Collection<DemoProblem> all() {
        return byName.values();
    }

    public Optional<DemoProblem> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * One sample problem.
     *
     * @param name        the file name without {@code .json}, e.g. {@code sample1.fixedplan}
     * @param rooms       number of rooms
     * @param stays       number of existing reservations (not counting new ones asked about)
     * @param description what a run of it does and what it holds, derived from the problem
     * @param json        the problem exactly as packaged
     */
    public record DemoProblem(String name, int rooms, int stays, String description, byte[] json) {
    }

    /** E.g. "Optimize the room plan: 14 nights from 2021-02-28, 5 rooms, 9 stays, 1 locked". */
    static String describe(Problem problem) {
        List<String> facts = new ArrayList<>();
        List<Reservation> all = Stream.concat(problem.reservations().stream(), problem.newReservations().stream())
                .toList();
        LocalDate first = all.stream().map(Reservation::arrival).min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = all.stream().map(Reservation::departure).max(Comparator.naturalOrder()).orElse(null);
        if (first != null) {
            facts.add(plural((int) (last.toEpochDay() - first.toEpochDay()), "night") + " from " + first);
        }
        facts.add(plural(problem.rooms().size(), "room"));
        long types = problem.rooms().stream().map(Room::type).distinct().count();
        if (types > 1) {
            facts.add(types + " room types");
        }
        facts.add(plural(problem.reservations().size(), "stay"));
        long locked = problem.reservations().stream().filter(Reservation::locked).count();
        if (locked > 0) {
            facts.add(locked + " locked");
        }
        long groups = problem.reservations().stream().map(Reservation::adjacencyGroup).filter(Objects::nonNull)
                .distinct().count();
        if (groups > 0) {
            facts.add(plural((int) groups, "adjacency group"));
        }
        String what;
        if (problem.restrictionsForInitialPlan()) {
            what = "Restrictions for the plan it carries, no optimization";
        } else if (problem.isFeasibilityMode()) {
            what = "Will " + plural(problem.newReservations().size(), "new reservation") + " fit?";
        } else {
            what = "Optimize the room plan";
        }
        return what + ": " + String.join(", ", facts);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
