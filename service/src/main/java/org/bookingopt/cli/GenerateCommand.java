package org.bookingopt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.bookingopt.core.generate.GeneratedHotel;
import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bookingopt generate}: writes a realistic, guaranteed-feasible problem (SPEC §2 JSON). */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a realistic hotel problem that has a valid plan by construction: arrivals by "
                + "weekday, a length-of-stay mix, uneven room types, adjacency groups in side-by-side rooms and "
                + "stays locked in their rooms. The same options always give the same problem.",
                "Without -o the JSON goes to standard output and the summary to standard error."})
public final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rooms", defaultValue = "100", description = "Rooms (default: ${DEFAULT-VALUE}).")
    int rooms;

    @Option(names = "--days", defaultValue = "90", description = "Nights in the schedule (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--occupancy", defaultValue = "0.85",
            description = "Booked room-nights / (rooms x days), above 0 and at most 1 (default: ${DEFAULT-VALUE}).")
    double occupancy;

    @Option(names = "--types", defaultValue = "3",
            description = "Room types, with uneven shares such as 60/30/10%% (default: ${DEFAULT-VALUE}).")
    int types;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-stay", defaultValue = "" + GeneratorSettings.DEFAULT_MINIMUM_STAY,
            description = "The problem's MinimumStay, 1 to 30 (default: ${DEFAULT-VALUE}).")
    int minimumStay;

    @Option(names = "--groups", defaultValue = "" + GeneratorSettings.DEFAULT_GROUP_SHARE,
            description = "Share of stays in adjacency groups of 2-4 with the same dates (default: ${DEFAULT-VALUE}).")
    double groups;

    @Option(names = "--locked", defaultValue = "" + GeneratorSettings.DEFAULT_LOCKED_SHARE,
            description = "Share of stays locked in their room (default: ${DEFAULT-VALUE}).")
    double locked;

    @Option(names = "--flexible", defaultValue = "" + GeneratorSettings.DEFAULT_FLEXIBLE_SHARE,
            description = "Share of stays accepting any room type, with 2+ types (default: ${DEFAULT-VALUE}).")
    double flexible;

    @Option(names = "--current-plan",
            description = "Write every stay's AssignedRoom: the valid plan the problem was built with.")
    boolean currentPlan;

    @Option(names = "--new-reservations", defaultValue = "0",
            description = "Add this many NewReservations of 1-14 nights (default: ${DEFAULT-VALUE}).")
    int newReservations;

    @Option(names = "--start", description = "First night, YYYY-MM-DD (default: "
            + "2026-03-02, a Monday).")
    LocalDate start;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the JSON here.")
    Path output;

    @Override
    public Integer call() throws IOException {
        GeneratorSettings settings;
        try {
            settings = GeneratorSettings.builder(rooms, days, occupancy, types, seed).minimumStay(minimumStay)
                    .groupShare(groups).lockedShare(locked).flexibleShare(flexible).currentPlan(currentPlan)
                    .newReservations(newReservations).start(start == null ? GeneratorSettings.DEFAULT_START : start)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GeneratedHotel hotel = HotelGenerator.generate(settings);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(hotel.toJsonString());
            out.flush();
            spec.commandLine().getErr().print(hotel.summary());
            spec.commandLine().getErr().flush();
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, hotel.toJsonString());
            out.print(hotel.summary());
            out.println("  written to " + output);
            out.flush();
        }
        return 0;
    }
}
