package org.bearingworkbench.monitor;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bearingworkbench.io.FeatureCsv;

/**
 * What happened to a stream, one line of the event log: a snapshot scored, an alarm starting or ending (the persistence
 * rule became true or false at that snapshot), or a snapshot left out (never completed, unreadable, or arriving after
 * later snapshots were already scored). Every value is determined by the snapshots and the model alone (no wall-clock
 * time), so a restarted watch writes the very lines an uninterrupted one would.
 *
 * @param score NaN unless {@code kind} is SNAPSHOT or an alarm event
 * @param errors the per-model-column absolute reconstruction errors (empty when not scored)
 * @param indicators the snapshot's defect indicators in the stream's indicator-column order (empty without physics)
 * @param note the sensor problem of a scored snapshot, or why one was left out; "" when none
 */
public record StreamEvent(
        Kind kind,
        LocalDateTime time,
        String file,
        double score,
        double threshold,
        boolean flagged,
        boolean inAlarm,
        String topChannel,
        int topBearing,
        double[] errors,
        double[] indicators,
        String note) {
    public enum Kind {
        SNAPSHOT,
        ALARM_START,
        ALARM_END,
        SKIPPED,
        LATE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static StreamEvent leftOut(Kind kind, LocalDateTime time, String file, double threshold, String why) {
        return new StreamEvent(
                kind, time, file, Double.NaN, threshold, false, false, "", 0, new double[0], new double[0], why);
    }

    /** The same event as an alarm transition at this snapshot. */
    StreamEvent asAlarm(Kind kind) {
        return new StreamEvent(
                kind, time, file, score, threshold, flagged, inAlarm, topChannel, topBearing, errors, indicators, note);
    }

    /** The same event with another note. */
    StreamEvent withNote(String text) {
        return new StreamEvent(
                kind, time, file, score, threshold, flagged, inAlarm, topChannel, topBearing, errors, indicators, text);
    }

    public boolean isAlarm() {
        return kind == Kind.ALARM_START || kind == Kind.ALARM_END;
    }

    /** The CSV header for a stream whose model reads {@code modelColumns} and that has {@code indicatorColumns}. */
    public static String header(List<String> modelColumns, List<String> indicatorColumns) {
        List<String> h = new ArrayList<>(List.of(
                "event",
                "timestamp",
                "file",
                "score",
                "threshold",
                "flagged",
                "in_alarm",
                "top_channel",
                "top_bearing"));
        modelColumns.forEach(c -> h.add("error_" + c));
        h.addAll(indicatorColumns);
        h.add("note");
        return String.join(",", h);
    }

    /** This event as a CSV line for {@link #header} with as many error and indicator columns. */
    public String csv(int errorColumns, int indicatorColumns) {
        StringBuilder b = new StringBuilder(256);
        b.append(kind.id())
                .append(',')
                .append(FeatureCsv.ISO.format(time))
                .append(',')
                .append(quote(file))
                .append(',')
                .append(number(score))
                .append(',')
                .append(number(threshold))
                .append(',');
        boolean scored = kind != Kind.SKIPPED && kind != Kind.LATE;
        b.append(scored ? Boolean.toString(flagged) : "")
                .append(',')
                .append(scored ? Boolean.toString(inAlarm) : "")
                .append(',')
                .append(topChannel)
                .append(',')
                .append(scored ? Integer.toString(topBearing) : "");
        for (int i = 0; i < errorColumns; i++) {
            b.append(',').append(i < errors.length ? number(errors[i]) : "");
        }
        for (int i = 0; i < indicatorColumns; i++) {
            b.append(',').append(i < indicators.length ? number(indicators[i]) : "");
        }
        b.append(',').append(quote(note));
        return b.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\r", " ").replace("\n", " ").replace("\"", "\"\"") + '"';
    }
}
