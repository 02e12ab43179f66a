package org.bearingworkbench.cli;

import org.bearingworkbench.task.CancelledException;

/** Turns exceptions into the one-line reasons the CLI prints on stderr. */
final class Errors {
    private Errors() {}

    static String describe(Throwable ex) {
        if (ex instanceof CancelledException) {
            return "cancelled";
        }
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        return msg;
    }
}
