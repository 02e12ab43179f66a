package org.bearingworkbench.io;

import java.util.List;
import java.util.Optional;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.formats.DataSource;

/**
 * The outcome of opening a data set: the feature table, the files left out, how long it took, what the data is
 * ({@link DataSetDescription}) and, for raw snapshots, where they live ({@code source} is null for a feature CSV).
 */
public record ImportResult(
        FeatureTable table,
        List<SkippedFile> skipped,
        int channels,
        long bytes,
        double seconds,
        DataSetDescription description,
        DataSource source) {
    public ImportResult {
        skipped = List.copyOf(skipped);
    }

    public Optional<DataSource> rawSource() {
        return Optional.ofNullable(source);
    }

    /** The same data with another table (e.g. with defect-indicator columns added). */
    public ImportResult withTable(FeatureTable t) {
        return new ImportResult(t, skipped, channels, bytes, seconds, description, source);
    }

    /** The same data with a corrected description. */
    public ImportResult withDescription(DataSetDescription d) {
        return new ImportResult(table, skipped, channels, bytes, seconds, d, source);
    }

    public double megabytesPerSecond() {
        return seconds > 0 ? bytes / 1e6 / seconds : 0;
    }
}
