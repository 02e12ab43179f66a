package org.bearingworkbench.pipeline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bearingworkbench.detect.Alarms;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.SensorProblems;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.ThresholdResult;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.model.Scores;

/**
 * A scored data set with a threshold applied: everything a report, the CLI summary and the threshold pane show.
 * Scoring happens once; {@link #withThreshold} recomputes only the cheap parts, so a threshold drag is instant.
 */
public record AnomalyAnalysis(
        FeatureTable table,
        Scores scores,
        int trainRows,
        ChannelMap channels,
        ThresholdResult threshold,
        Alarms alarms,
        SensorProblems sensor) {

    /** Scores with a threshold; rows with a sensor problem ({@link SensorProblems#of}) are set apart. */
    public static AnomalyAnalysis of(
            FeatureTable table,
            Scores scores,
            int trainRows,
            ChannelMap channels,
            ThresholdMethod method,
            PersistenceRule rule) {
        return of(table, scores, trainRows, channels, method, rule, SensorProblems.of(table));
    }

    static AnomalyAnalysis of(
            FeatureTable table,
            Scores scores,
            int trainRows,
            ChannelMap channels,
            ThresholdMethod method,
            PersistenceRule rule,
            SensorProblems sensor) {
        ThresholdResult t = method.apply(trainScores(scores.score(), trainRows, sensor));
        return new AnomalyAnalysis(
                table,
                scores,
                trainRows,
                channels,
                t,
                Alarms.compute(scores.score(), trainRows, t.value(), rule, sensor.flags()),
                sensor);
    }

    public AnomalyAnalysis withThreshold(ThresholdMethod method, PersistenceRule rule) {
        return of(table, scores, trainRows, channels, method, rule, sensor);
    }

    /** Scores of the training rows a threshold is fitted on: those without a sensor problem. */
    public double[] trainScores() {
        return trainScores(scores.score(), trainRows, sensor);
    }

    private static double[] trainScores(double[] score, int trainRows, SensorProblems sensor) {
        if (sensor.countBefore(trainRows) == 0) {
            return Arrays.copyOf(score, trainRows);
        }
        return IntStream.range(0, trainRows)
                .filter(r -> !sensor.at(r))
                .mapToDouble(r -> score[r])
                .toArray();
    }

    public Attribution attribution() {
        return new Attribution(scores);
    }

    public boolean isTrain(int row) {
        return row < trainRows;
    }

    public Optional<LocalDateTime> firstAlarmTime() {
        return alarms.firstAlarm() < 0 ? Optional.empty() : Optional.of(table.timestamp(alarms.firstAlarm()));
    }

    /** Hours from the first sustained alarm to the last file, or NaN without an alarm. */
    public double leadTimeHours() {
        return firstAlarmTime()
                .map(t -> Duration.between(t, table.timestamp(table.rowCount() - 1))
                                .toSeconds()
                        / 3600.0)
                .orElse(Double.NaN);
    }

    /** The channel that most flagged test rows blame (largest error), or empty when nothing was flagged. */
    public Optional<String> dominantTopChannel() {
        int[] counts = new int[channels.size()];
        Attribution a = attribution();
        boolean any = false;
        for (int r = trainRows; r < scores.rows(); r++) {
            if (alarms.flagged()[r]) {
                counts[a.topChannel(r)]++;
                any = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return Optional.of(channels.channel(best));
    }
}
