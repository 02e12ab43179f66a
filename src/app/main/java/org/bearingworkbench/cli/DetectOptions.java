package org.bearingworkbench.cli;

import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.DetectSettings;
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

    /** The flags as the core's settings (resolved against a model and the data there). */
    DetectSettings settings() {
        return new DetectSettings(threshold, method, persistence, channelsPerBearing);
    }

    /** Checks every flag before any work. */
    void validate() {
        settings().validate();
    }

    PersistenceRule rule() {
        return settings().rule();
    }

    /** The rule given, else the one saved with {@code bundle}, else 3/3. */
    PersistenceRule rule(ModelBundle bundle) {
        return settings().rule(bundle);
    }

    /** The method the user chose under {@code rule}, or null (the model's own or the default). */
    ThresholdMethod method(PersistenceRule rule) {
        return settings().method(rule);
    }

    /** The method the user chose, or null to use the model's own threshold or the default. */
    ThresholdMethod method() {
        return settings().method();
    }

    /** The channels per bearing given, else what the data's channel list says, else 1. */
    int perBearing(DataSetDescription data) {
        return settings().perBearing(data);
    }
}
