package org.bookingopt.core.json;

import java.util.List;

import org.bookingopt.core.model.Problem;

/** A valid problem and the non-fatal notes about it (ignored keys, …), reported in {@code Warnings}. */
public record ParsedProblem(Problem problem, List<String> warnings) {
    public ParsedProblem {
        warnings = List.copyOf(warnings);
    }
}
