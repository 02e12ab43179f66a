package org.bearingworkbench.cli;

import java.io.PrintStream;
import org.bearingworkbench.task.ProgressListener;

/** A progress bar on stderr, drawn only when stderr is a terminal (so logs and pipes stay clean). */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream err;
    private final boolean enabled;
    private long lastDraw;

    ConsoleProgress(PrintStream err) {
        this(err, System.console() != null);
    }

    ConsoleProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = total > 0 ? (int) (width * done / total) : 0;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + message + "   ");
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
