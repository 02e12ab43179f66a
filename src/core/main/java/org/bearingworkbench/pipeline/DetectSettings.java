package org.bearingworkbench.pipeline;

import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.model.ModelBundle;

/**
 * How a scored data set turns into flags and alarms, as a user gives it (each value may be absent): a fixed
 * threshold or a threshold method ({@code robust:3}, {@code pot:0.001}, ...), a persistence rule ({@code 2/3}) and
 * the channels per bearing. What is absent comes from the model bundle or the data, else the defaults. The command
 * line's flags and the fleet job's options both end here, so they resolve alike.
 */
public record DetectSettings(Double threshold, String methodSpec, String persistence, Integer channelsPerBearing) {

    /** Nothing given: the model's saved threshold and rule, else the defaults; channels per bearing from the data. */
    public static DetectSettings defaults() {
        return new DetectSettings(null, null, null, null);
    }

    /** Checks every value before any work; a bad one is named with the flag that gave it. */
    public DetectSettings validate() {
        rule();
        method();
        if (channelsPerBearing != null && (channelsPerBearing < 1 || channelsPerBearing > 8)) {
            throw new IllegalArgumentException("--channels-per-bearing: 1 to 8 (got " + channelsPerBearing + ")");
        }
        return this;
    }

    /** The rule given, else 3/3. */
    public PersistenceRule rule() {
        return persistence == null ? PersistenceRule.defaults() : PersistenceRule.parse(persistence);
    }

    /** The rule given, else the one saved with {@code bundle}, else 3/3. */
    public PersistenceRule rule(ModelBundle bundle) {
        if (persistence != null) {
            return PersistenceRule.parse(persistence);
        }
        return bundle.persistenceRule().map(PersistenceRule::parse).orElse(PersistenceRule.defaults());
    }

    /** The method given under {@code rule}, or null (the model's own threshold or the default). */
    public ThresholdMethod method(PersistenceRule rule) {
        method();
        if (threshold != null) {
            return new ManualThreshold(threshold);
        }
        return methodSpec == null ? null : Thresholds.parse(methodSpec, rule);
    }

    /** The method given, or null to use the model's own threshold or the default. */
    public ThresholdMethod method() {
        if (threshold != null && methodSpec != null) {
            throw new IllegalArgumentException("give either --threshold or --threshold-method, not both");
        }
        if (threshold != null) {
            return new ManualThreshold(threshold);
        }
        return methodSpec == null ? null : Thresholds.parse(methodSpec, rule());
    }

    /** The channels per bearing given, else what the data's channel list says, else 1. */
    public int perBearing(DataSetDescription data) {
        return data.channelsPerBearing(channelsPerBearing);
    }
}
