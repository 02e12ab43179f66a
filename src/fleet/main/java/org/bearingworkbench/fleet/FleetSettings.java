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

    /** Settings for the machines under {@code root}, written to {@code output}; the rest by name. */
    public static Builder of(String root, String output) {
        return new Builder(root, output);
    }

    /**
     * The settings by name: by default the command line's {@code score} threshold and rule, no anomaly reports, no
     * overwriting, one import thread per task, scoring with the given bundles (no training).
     */
    public static final class Builder {
        private final String root;
        private final String output;
        private Double threshold;
        private String thresholdMethod;
        private String persistence;
        private Integer channelsPerBearing;
        private boolean reports;
        private boolean overwrite;
        private int workersPerTask = 1;
        private FleetTraining training;

        private Builder(String root, String output) {
            this.root = root;
            this.output = output;
        }

        /** A fixed threshold, or null for the model's saved one. */
        public Builder threshold(Double v) {
            threshold = v;
            return this;
        }

        public Builder thresholdMethod(String v) {
            thresholdMethod = v;
            return this;
        }

        public Builder persistence(String v) {
            persistence = v;
            return this;
        }

        public Builder channelsPerBearing(Integer v) {
            channelsPerBearing = v;
            return this;
        }

        public Builder reports(boolean v) {
            reports = v;
            return this;
        }

        public Builder overwrite(boolean v) {
            overwrite = v;
            return this;
        }

        public Builder workersPerTask(int v) {
            workersPerTask = v;
            return this;
        }

        /** Train one model per machine first (null: score with the given bundles). */
        public Builder training(FleetTraining v) {
            training = v;
            return this;
        }

        public FleetSettings build() {
            return new FleetSettings(
                    root,
                    output,
                    threshold,
                    thresholdMethod,
                    persistence,
                    channelsPerBearing,
                    reports,
                    overwrite,
                    workersPerTask,
                    training);
        }
    }
}
