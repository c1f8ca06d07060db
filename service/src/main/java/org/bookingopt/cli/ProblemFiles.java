package org.bookingopt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.validation.InvalidProblemException;
import org.bookingopt.core.validation.ValidationError;

/** Reads a problem file and prints every validation error, for the commands that take one. */
final class ProblemFiles {
    private ProblemFiles() {
    }

    /** @return the problem, or {@code null} after printing why it is invalid */
    static ParsedProblem read(Path file, PrintWriter err) throws IOException {
        try {
            return ProblemReader.read(Files.readString(file));
        } catch (InvalidProblemException e) {
            err.println(file + ": " + e.errors().size() + " invalid field(s):");
            for (ValidationError error : e.errors()) {
                err.println("  " + error);
            }
            err.flush();
            return null;
        }
    }
}
