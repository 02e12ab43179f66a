package org.bearingworkbench.ui.shell;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Writes the window's remembered settings (recent data sets, bearing geometry) to disk on a thread of its own: a
 * flush writes an XML file in the user's home (on a first flush the JDK's XML writer loads ~100 classes, and a slow or
 * network home directory can take longer still), which the JavaFX thread must not wait for. The values are in memory
 * at once; a store that fails is not an error for the user (the settings still apply to this session, and the JDK
 * stores them again at exit).
 */
public final class PrefsStore {
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bw-prefs");
        t.setDaemon(true);
        return t;
    });

    private PrefsStore() {}

    /** Stores {@code prefs} on the writer's thread; flushes run in the order they were asked for. */
    public static void flushLater(Preferences prefs) {
        WRITER.execute(() -> {
            try {
                prefs.flush();
            } catch (BackingStoreException | IllegalStateException e) {
                // a convenience only, see the class comment (IllegalStateException: the node was removed meanwhile)
            }
        });
    }
}
