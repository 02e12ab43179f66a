package org.bearingworkbench.io;

/** A file an import left out, and why (in words a user can act on). */
public record SkippedFile(String file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
