package org.bearingworkbench.cli;

import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.model.ModelBundle;
import picocli.CommandLine.Option;

/** Threshold, persistence and channel-to-bearing flags shared by {@code score} and {@code run}. */
final class DetectOptions {
    @Option(names = "--threshold", description = "fixed threshold value (overrides the model's and the default)")
    Double threshold;

    @Option(
            names = "--threshold-method",
            description = "robust:3 (default) | percentile:99 | sigma:3 | max:1.1 | "
                    + "lognormal:0.001 | gamma:0.001 | pot:0.001")
    String method;

    @Option(
            names = "--persistence",
            description =
                    "alarm when N of the last M rows are flagged (default: the model's " + "saved rule, else 3/3)")
    String persistence;

    @Option(
            names = "--channels-per-bearing",
            description = "channels per bearing (default: from the data's channels, "
                    + "e.g. 2 for PRONOSTIA and IMS test 1; else 1)")
    Integer channelsPerBearing;

    @Option(names = "--only-flagged", description = "report only flagged rows")
    boolean onlyFlagged;

    /** Checks every flag before any work. */
    void validate() {
        rule();
        method();
        if (channelsPerBearing != null && (channelsPerBearing < 1 || channelsPerBearing > 8)) {
            throw new IllegalArgumentException("--channels-per-bearing: 1 to 8 (got " + channelsPerBearing + ")");
        }
    }

    PersistenceRule rule() {
        return persistence == null ? PersistenceRule.defaults() : PersistenceRule.parse(persistence);
    }

    /** The rule given, else the one saved with {@code bundle}, else 3/3. */
    PersistenceRule rule(ModelBundle bundle) {
        if (persistence != null) {
            return PersistenceRule.parse(persistence);
        }
        return bundle.persistenceRule().map(PersistenceRule::parse).orElse(PersistenceRule.defaults());
    }

    /** The method the user chose under {@code rule}, or null (the model's own or the default). */
    ThresholdMethod method(PersistenceRule rule) {
        method();
        if (threshold != null) {
            return new ManualThreshold(threshold);
        }
        return method == null ? null : Thresholds.parse(method, rule);
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

    /** The channels per bearing given, else what the data's channel list says, else 1. */
    int perBearing(DataSetDescription data) {
        return data.channelsPerBearing(channelsPerBearing);
    }
}
