package org.bearingworkbench.io.formats;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SnapshotReader;

/**
 * Where an imported table's raw snapshots live (a directory, or the file of a long recording) and in which layout,
 * so physics and views can read them again.
 */
public record DataSource(Path directory, SnapshotFormat format) {
    /** Reads the snapshot a feature-table row names. */
    public SignalView read(String file, LocalDateTime timestamp, SnapshotReader reader) throws InputFormatException {
        return format.read(format.ref(directory, file, timestamp), reader);
    }
}
