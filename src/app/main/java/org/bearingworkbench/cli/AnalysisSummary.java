package org.bearingworkbench.cli;

import java.util.Locale;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.report.Durations;

/** The CLI's short summary of an analysis: JSON for machines, a few lines for people. */
final class AnalysisSummary {
    private AnalysisSummary() {}

    static String json(AnomalyAnalysis a) {
        return new Json()
                .put("rows", a.table().rowCount())
                .put("flagged", a.alarms().flaggedCount())
                .put("threshold", a.threshold().value())
                .put("method", a.threshold().method())
                .put(
                        "first_alarm",
                        a.firstAlarmTime().map(FeatureCsv.ISO::format).orElse(null))
                .put("lead_time_hours", a.leadTimeHours())
                .put("top_channel", a.dominantTopChannel().orElse(null))
                .put("sensor_problem_rows", a.sensor().count())
                .toString();
    }

    static String text(AnomalyAnalysis a) {
        var attr = a.attribution();
        int first = attr.firstToLeave();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "threshold %.4g (%s): %s%n",
                a.threshold().value(),
                a.threshold().method(),
                a.threshold().explanation()));
        sb.append(String.format(
                Locale.ROOT,
                "%d of %d rows flagged, %d alarm episode(s) (persistence %s), %d alarm rows in training%n",
                a.alarms().flaggedCount(),
                a.table().rowCount(),
                a.alarms().episodes().size(),
                a.alarms().rule(),
                a.alarms().trainingAlarmRows()));
        sb.append(a.firstAlarmTime()
                .map(t -> String.format(
                        Locale.ROOT,
                        "first sustained alarm %s, %s before the last file%n",
                        FeatureCsv.ISO.format(t),
                        Durations.hours(a.leadTimeHours())))
                .orElse("no sustained alarm\n"));
        a.dominantTopChannel()
                .ifPresent(c -> sb.append("largest reconstruction error in most flagged rows: ")
                        .append(c)
                        .append('\n'));
        if (first >= 0) {
            sb.append("first channel to leave its training range for good: ")
                    .append(a.channels().channel(first))
                    .append(" at ")
                    .append(FeatureCsv.ISO.format(a.table().timestamp(attr.leftForGoodAt(first))))
                    .append('\n');
        }
        var sensor = a.sensor();
        if (sensor.count() > 0) {
            sb.append(sensor.count()).append(" snapshot(s) with a sensor or data problem, not counted as anomalies:");
            int shown = 0;
            for (int r = 0; r < a.table().rowCount() && shown < 5; r++) {
                if (sensor.at(r)) {
                    sb.append(shown++ == 0 ? " " : "; ")
                            .append(a.table().file(r))
                            .append(" (")
                            .append(sensor.reason(r))
                            .append(')');
                }
            }
            sb.append(sensor.count() > shown ? "; ... (all in the report)\n" : "\n");
        }
        return sb.toString();
    }
}
