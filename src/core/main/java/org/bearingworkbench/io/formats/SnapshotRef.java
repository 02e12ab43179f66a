package org.bearingworkbench.io.formats;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * One snapshot of a data set: the file that holds it, its display name (the feature table's {@code file}), its time
 * and size in bytes; for a long recording split into snapshots, the part of the file ({@code start} and
 * {@code count} in samples per channel; {@code count} -1 for the whole file).
 */
public record SnapshotRef(Path path, String name, LocalDateTime timestamp, long size, long start, long count) {
    public SnapshotRef(Path path, String name, LocalDateTime timestamp, long size) {
        this(path, name, timestamp, size, 0, -1);
    }

    public boolean wholeFile() {
        return count < 0;
    }
}
