package org.bookingopt.cli;

/** Exit codes of the CLI (documented in the README). */
final class ExitCodes {
    static final int SOLVED = 0;
    static final int USAGE = 2;   // picocli's own
    static final int INFEASIBLE = 3;
    static final int TIMEOUT = 4;
    static final int INVALID_INPUT = 65; // EX_DATAERR

    private ExitCodes() {
    }
}
