package org.bearingworkbench.fleet;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What one task found for one machine: its summary and, when it could be scored, its feature rows, scored rows and
 * alarm episodes (in time order).
 */
public record MachineResult(
        MachineSummary summary, List<FeatureRow> features, List<ScoreRow> scores, List<EpisodeRow> episodes)
        implements Serializable {

    /** One snapshot's features, aligned with {@link MachineSummary#featureColumns()}. */
    public record FeatureRow(LocalDateTime time, String file, double[] values) implements Serializable {}

    /**
     * One scored snapshot, as a row of the anomaly report: errors aligned with {@link MachineSummary#modelColumns()};
     * {@code sensorProblem} null when the sensor was fine.
     */
    public record ScoreRow(
            LocalDateTime time,
            String file,
            boolean train,
            double score,
            boolean flagged,
            boolean inAlarm,
            String topChannel,
            int topBearing,
            double[] errors,
            String sensorProblem)
            implements Serializable {}

    /** Consecutive snapshots in alarm; {@code ongoing} when the machine is still in it at its last snapshot. */
    public record EpisodeRow(
            int number,
            LocalDateTime start,
            LocalDateTime end,
            int snapshots,
            double peakScore,
            String topChannel,
            boolean ongoing)
            implements Serializable {}

    static MachineResult failed(Machine m, String model, String message, List<String> skipped) {
        return new MachineResult(
                MachineSummary.failed(m.name(), model, message, skipped), List.of(), List.of(), List.of());
    }
}
