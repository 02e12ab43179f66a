package org.bearingworkbench.io;

import java.util.List;
import org.bearingworkbench.features.FeatureTable;

/** The outcome of importing a directory: the feature table, the files left out, and how long it took. */
public record ImportResult(FeatureTable table, List<SkippedFile> skipped, int channels, long bytes, double seconds) {
    public ImportResult {
        skipped = List.copyOf(skipped);
    }

    public double megabytesPerSecond() {
        return seconds > 0 ? bytes / 1e6 / seconds : 0;
    }
}
