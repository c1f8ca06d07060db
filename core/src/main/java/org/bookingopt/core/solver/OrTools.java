package org.bookingopt.core.solver;

import com.google.ortools.Loader;

/** Loads the OR-Tools native libraries once per process. */
public final class OrTools {
    private static volatile boolean loaded;

    private OrTools() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OrTools.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
