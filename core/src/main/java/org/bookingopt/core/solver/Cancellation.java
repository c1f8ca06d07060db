package org.bookingopt.core.solver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancellation signal shared by the caller and a running solve. Solvers register a hook that
 * interrupts their native search, so a cancel stops the run within a fraction of a second.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
        hooks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code hook} on cancel (at once if already cancelled) until the returned handle is closed. */
    public AutoCloseable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }
}
