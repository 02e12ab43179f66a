package org.bearingworkbench.io.formats;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;

/**
 * One layout of bearing-vibration recordings (IMS, PRONOSTIA, XJTU-SY, ...): whether a directory is in it, its
 * snapshots in time order, how to read one, and what the layout states about the data (sample rate, channels, ...).
 * Implementations are stateless; reading uses the caller's {@link SnapshotReader} (one per worker thread).
 */
public interface SnapshotFormat {
    /** Short id for {@code --format} and bundles: {@code ims}, {@code femto}, {@code xjtu-sy}. */
    String id();

    /** A name for people. */
    String label();

    /**
     * How sure this format is that {@code dir} is in it: 0 (not at all) to 1 (certain), from names and the first
     * file only (cheap).
     */
    double recognise(Path dir);

    /** The snapshots in time order; entries that are not snapshots of this layout are added to {@code skipped}. */
    List<SnapshotRef> list(Path dir, List<SkippedFile> skipped) throws InputFormatException;

    /**
     * Whether every snapshot of a complete data set has the same length (IMS, PRONOSTIA, XJTU-SY: a shorter file is a
     * cut one and is set apart). Formats of one recording per file (MAT, WAV, delimited) keep each file's length.
     */
    default boolean fixedLength() {
        return true;
    }

    /**
     * Every file of this layout in {@code dir}, each to be judged on its own (a diagnosis): as {@link #list}, but two
     * files at one time are both kept (files copied together share a modification time).
     */
    default List<SnapshotRef> files(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        return list(dir, skipped);
    }

    /** Reads one snapshot's signal channels with {@code reader}. */
    SignalView read(SnapshotRef ref, SnapshotReader reader) throws InputFormatException;

    /**
     * What this layout states or the files show about the data set ({@code first} is a snapshot just read, with
     * {@code refs} all of them).
     */
    DataSetDescription describe(Path dir, List<SnapshotRef> refs, SignalView first);

    /** The snapshot a feature-table row names ({@code file} as {@link SnapshotRef#name()}). */
    default SnapshotRef ref(Path dir, String file, LocalDateTime timestamp) throws InputFormatException {
        return new SnapshotRef(dir.resolve(file), file, timestamp, 0);
    }
}
