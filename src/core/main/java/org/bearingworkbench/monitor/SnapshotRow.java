package org.bearingworkbench.monitor;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One snapshot of a stream reduced to numbers: its file, time, samples per channel, and every value a model or the
 * event log may read by column name (the per-channel {@code Feature}s, and the defect indicators when the stream's
 * physics is known).
 */
public record SnapshotRow(String file, LocalDateTime time, int samples, Map<String, Double> values) {
    public SnapshotRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code column}, or NaN when the snapshot has none. */
    public double value(String column) {
        Double v = values.get(column);
        return v == null ? Double.NaN : v;
    }
}
