package org.bearingworkbench.io.formats;

import java.nio.file.Path;
import java.time.LocalDateTime;

/** One snapshot of a data set: the file that holds it, its display name, its time and its size in bytes. */
public record SnapshotRef(Path path, String name, LocalDateTime timestamp, long size) {
}
