package org.bearingworkbench.cli;

import java.io.PrintStream;
import java.time.format.DateTimeParseException;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.SplitConfig;
import picocli.CommandLine.Option;

/**
 * {@code --train-until TS | --train-fraction F}; without either, the study's boundary for IMS test 2 or the first
 * 45%.
 */
final class SplitOptions {
    @Option(names = "--train-until", description = "last training timestamp, e.g. '2004-02-15 12:52:39'")
    String trainUntil;

    @Option(names = "--train-fraction", description = "train on the first fraction of rows, e.g. 0.45")
    Double trainFraction;

    /** Checks the flags before any work (the default split needs the data, the flags do not). */
    void validate() {
        if (trainUntil != null || trainFraction != null) {
            toSplit(null);
        }
    }

    /**
     * Says on {@code err} when the split leaves no rows to test (a train-until at or after the last row): training
     * then uses every row, which is fine for a healthy reference run but worth a word.
     */
    void warnIfNothingLeft(FeatureTable table, SplitConfig split, PrintStream err) {
        int rows = split.trainRows(table);
        if (rows >= table.rowCount()) {
            err.println("note: the split (" + split.describe() + ") is at or after the last row ("
                    + FeatureCsv.ISO.format(table.timestamp(table.rowCount() - 1)) + "): all " + rows
                    + " rows are training rows and none is left to test");
        }
    }

    SplitConfig toSplit(FeatureTable table) {
        if (trainUntil != null && trainFraction != null) {
            throw new IllegalArgumentException("give either --train-until or --train-fraction, not both");
        }
        if (trainUntil != null) {
            try {
                return SplitConfig.until(FeatureCsv.parseTimestamp(trainUntil));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--train-until: '" + trainUntil + "' is not a timestamp (expected 2004-02-15 12:52:39)");
            }
        }
        if (trainFraction != null) {
            return SplitConfig.fraction(trainFraction);
        }
        return SplitConfig.defaultFor(table);
    }
}
