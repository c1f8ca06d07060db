package org.bookingopt.cli;

/** Exit codes of the CLI (documented in the README). */
final class ExitCodes {
    static final int SOLVED = 0;
    static final int USAGE = 2;   // picocli's own
    static final int INFEASIBLE = 3;
    static final int TIMEOUT = 4;
    static final int INVALID_INPUT = 65; // EX_DATAERR
    static final int NOT_FOUND = 1;     // keys revoke: no such key
    static final int CONFIG = 78;       // EX_CONFIG: keys without bookingopt.database=postgres, or no database

    private ExitCodes() {
    }
}
