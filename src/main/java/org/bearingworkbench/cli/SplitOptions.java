package org.bearingworkbench.cli;

import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.SplitConfig;
import picocli.CommandLine.Option;

/** {@code --train-until TS | --train-fraction F}; without either, the study's boundary for IMS test 2 or the first 45%. */
final class SplitOptions {
    @Option(names = "--train-until", description = "last training timestamp, e.g. '2004-02-15 12:52:39'")
    String trainUntil;

    @Option(names = "--train-fraction", description = "train on the first fraction of rows, e.g. 0.45")
    Double trainFraction;

    SplitConfig toSplit(FeatureTable table) {
        if (trainUntil != null && trainFraction != null) {
            throw new IllegalArgumentException("give either --train-until or --train-fraction, not both");
        }
        if (trainUntil != null) {
            try {
                return SplitConfig.until(FeatureCsv.parseTimestamp(trainUntil));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--train-until: '" + trainUntil + "' is not a timestamp (expected 2004-02-15 12:52:39)");
            }
        }
        if (trainFraction != null) {
            return SplitConfig.fraction(trainFraction);
        }
        return SplitConfig.defaultFor(table);
    }
}
