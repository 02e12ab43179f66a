package org.bearingworkbench.task;

/** Receives progress of a running task: done of total units, with a message. */
@FunctionalInterface
public interface ProgressListener {
    void progress(long done, long total, String message);

    ProgressListener NONE = (done, total, message) -> {};
}
