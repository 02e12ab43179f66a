package org.bearingworkbench.cli;

import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import picocli.CommandLine.Option;

/** Threshold, persistence and channel-to-bearing flags shared by {@code score} and {@code run}. */
final class DetectOptions {
    @Option(names = "--threshold", description = "fixed threshold value (overrides the model's and the default)")
    Double threshold;

    @Option(names = "--threshold-method", description = "robust:3 (default) | percentile:99 | sigma:3 | max:1.1 | "
            + "lognormal:0.001 | gamma:0.001 | pot:0.001")
    String method;

    @Option(names = "--persistence", defaultValue = "3/3", description = "alarm when N of the last M rows are flagged (default ${DEFAULT-VALUE})")
    String persistence;

    @Option(names = "--channels-per-bearing", defaultValue = "1", description = "channels per bearing (2 for IMS test 1; default ${DEFAULT-VALUE})")
    int channelsPerBearing;

    @Option(names = "--only-flagged", description = "report only flagged rows")
    boolean onlyFlagged;

    /** Checks every flag before any work. */
    void validate() {
        rule();
        method();
        if (channelsPerBearing < 1 || channelsPerBearing > 8) {
            throw new IllegalArgumentException("--channels-per-bearing: 1 to 8 (got " + channelsPerBearing + ")");
        }
    }

    PersistenceRule rule() {
        return PersistenceRule.parse(persistence);
    }

    /** The method the user chose, or null to use the model's own threshold or the default. */
    ThresholdMethod method() {
        if (threshold != null && method != null) {
            throw new IllegalArgumentException("give either --threshold or --threshold-method, not both");
        }
        if (threshold != null) {
            return new ManualThreshold(threshold);
        }
        return method == null ? null : Thresholds.parse(method, rule());
    }
}
