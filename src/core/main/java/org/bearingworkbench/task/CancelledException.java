package org.bearingworkbench.task;

/** Thrown by a task that stopped because it was asked to. Not an error: callers show "cancelled". */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
