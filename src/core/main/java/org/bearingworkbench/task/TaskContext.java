package org.bearingworkbench.task;

/**
 * What a running core task sees of the outside: where to report progress and whether it was asked to stop.
 * Tasks call {@link #checkCancelled()} in every loop over files, epochs or windows.
 */
public interface TaskContext {

    /** Reports {@code done} of {@code total} units of work with a short human-readable message. */
    void progress(long done, long total, String message);

    /** True once someone asked the task to stop. */
    boolean isCancelled();

    /** Throws {@link CancelledException} if the task was asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A context that ignores progress and is never cancelled (for tests and one-off calls). */
    static TaskContext silent() {
        return new TaskContext() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
