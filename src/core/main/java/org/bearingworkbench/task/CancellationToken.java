package org.bearingworkbench.task;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag a caller sets to ask a task to stop; the task polls it between units of work. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** A context that forwards progress to {@code listener} and reads cancellation from this token. */
    public TaskContext contextFor(ProgressListener listener) {
        return new TaskContext() {
            @Override
            public void progress(long done, long total, String message) {
                listener.progress(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }
}
