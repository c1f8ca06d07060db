package org.bookingopt.core.solver;

/** Receives progress of a run, for the job service's progress bar. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (fraction, phase) -> { };

    /**
     * @param fraction work done so far, 0 to 1, never decreasing within one run
     * @param phase    what is running, e.g. {@code "assign"}, {@code "restrictions"}
     */
    void onProgress(double fraction, String phase);
}
