package org.bearingworkbench.ui.data;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.TaskContext;

/**
 * The import of the data set a window opens with, started before the window exists (while the JavaFX runtime starts
 * on one core, the import reads on the other). When the window's own import task takes it over ({@link #takeOver}),
 * that task's progress bar shows the import's progress from then on and its Cancel stops the import.
 */
public final class EarlyImport implements TaskContext {
    private final Path path;
    private final CompletableFuture<ImportResult> result = new CompletableFuture<>();
    private volatile TaskContext owner;
    private volatile long done;
    private volatile long total;
    private volatile String message = "";

    private EarlyImport(Path path) {
        this.path = path;
    }

    /** Starts importing {@code path} (as {@link DataSets#open} with nothing said about it) on a thread of its own. */
    public static EarlyImport start(Path path) {
        EarlyImport early = new EarlyImport(path);
        Thread t = new Thread(
                () -> {
                    try {
                        early.result.complete(DataSets.open(path, UserSettings.NONE, early));
                    } catch (Throwable e) { // handed on whole to the task that takes it over
                        early.result.completeExceptionally(e);
                    }
                },
                "early-import");
        t.setDaemon(true);
        t.start();
        return early;
    }

    public Path path() {
        return path;
    }

    /**
     * The import's result, for the task running under {@code context}: its progress is relayed there and its
     * cancellation stops the import. Throws what the import threw.
     */
    ImportResult takeOver(TaskContext context) throws Exception {
        owner = context;
        context.progress(done, total, message);
        while (true) {
            context.checkCancelled();
            try {
                return result.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still importing: look at the cancel button again
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
    }

    @Override
    public void progress(long done, long total, String message) {
        this.done = done;
        this.total = total;
        this.message = message;
        TaskContext o = owner;
        if (o != null) {
            o.progress(done, total, message);
        }
    }

    @Override
    public boolean isCancelled() {
        TaskContext o = owner;
        return o != null && o.isCancelled();
    }
}
