package org.bearingworkbench.fleet;

import java.io.Serializable;
import org.bearingworkbench.pipeline.DetectSettings;

/**
 * What one fleet run is asked to do; sent to every task.
 *
 * @param root the fleet's root (any Hadoop path: {@code file:}, {@code hdfs:}, {@code s3a:}), one directory per
 *     machine
 * @param output where the tables go (must not exist unless {@code overwrite})
 * @param threshold a fixed threshold, or null
 * @param thresholdMethod a threshold method ({@code robust:3}, ...), or null: the model's saved one, else the default
 * @param persistence the alarm rule ({@code 2/3}), or null: the model's saved one, else 3/3
 * @param channelsPerBearing channels per bearing, or null: from each machine's channel list
 * @param reports also write each machine's anomaly report CSV (the command line's {@code score} report)
 * @param workersPerTask import threads inside one task (a task already runs beside others on the executor's cores)
 * @param training train one model per machine first, or null to score with the given bundles
 */
public record FleetSettings(
        String root,
        String output,
        Double threshold,
        String thresholdMethod,
        String persistence,
        Integer channelsPerBearing,
        boolean reports,
        boolean overwrite,
        int workersPerTask,
        FleetTraining training)
        implements Serializable {

    public FleetSettings {
        if (workersPerTask < 1) {
            throw new IllegalArgumentException("--workers-per-task: 1 or more (got " + workersPerTask + ")");
        }
        detect().validate();
    }

    /** The threshold and alarm settings, resolved per machine as the command line's {@code score} does. */
    public DetectSettings detect() {
        return new DetectSettings(threshold, thresholdMethod, persistence, channelsPerBearing);
    }
}
