package org.bearingworkbench.ui.shell;

import java.util.Locale;
import org.bearingworkbench.detect.Alarms;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.AnomalyAnalysis;

/** The analysis in words, as the Threshold and Export panes show it. */
public final class AnalysisText {
    private AnalysisText() {}

    /**
     * What the analysis says in a few lines: threshold, flagged rows, alarm episodes and rule, the first sustained
     * alarm and its lead, the channel with the largest error, sensor problems, the first channel to leave its range.
     */
    public static String counts(AnomalyAnalysis a) {
        Alarms al = a.alarms();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Threshold %.4g · %d of %d rows flagged · %d alarm episode(s) (%s)",
                al.threshold(),
                al.flaggedCount(),
                a.table().rowCount(),
                al.episodes().size(),
                al.rule()));
        if (al.trainingAlarmRows() > 0) {
            sb.append(" · WARNING: ").append(al.trainingAlarmRows()).append(" alarm row(s) inside the training range");
        }
        sb.append('\n');
        sb.append(a.firstAlarmTime()
                .map(t -> String.format(
                        Locale.ROOT,
                        "First sustained alarm %s (file %s), %.1f h before the last file.",
                        FeatureCsv.ISO.format(t),
                        a.table().file(al.firstAlarm()),
                        a.leadTimeHours()))
                .orElse("No sustained alarm."));
        Attribution attr = a.attribution();
        int first = attr.firstToLeave();
        a.dominantTopChannel()
                .ifPresent(c -> sb.append(" Largest error in most flagged test rows: ")
                        .append(c)
                        .append('.'));
        if (a.sensor().count() > 0) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%n%d snapshot(s) with a sensor or data problem (no signal, clipped; purple, "
                            + "listed below): not counted as anomalies, left out of training and threshold fitting.",
                    a.sensor().count()));
        }
        if (first >= 0) {
            sb.append(" First channel to leave its training range for good: ")
                    .append(a.channels().channel(first))
                    .append(" (bearing ")
                    .append(a.channels().bearing(first))
                    .append(") at ")
                    .append(FeatureCsv.ISO.format(a.table().timestamp(attr.leftForGoodAt(first))))
                    .append('.');
        }
        return sb.toString();
    }
}
