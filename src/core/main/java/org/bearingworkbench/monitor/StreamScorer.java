package org.bearingworkbench.monitor;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.SensorProblems;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.LstmAutoencoder;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.signal.DefectType;

/**
 * Scores the next snapshot of one stream: the incremental form of a batch {@code score}, giving each snapshot the
 * score, flag, alarm state and top channel the batch would give it. The persistence rule runs over the flags kept
 * in the {@link StreamState}; a model of T time steps scores a snapshot with the T-1 before it (and its first T-1
 * snapshots together once it has T, as the batch does). Sensor problems are judged causally: a channel's level
 * against the median of its last {@value StreamState#LEVEL_WINDOW} levels (the batch uses the whole run's median;
 * a live stream has no future).
 *
 * <p>Not thread-safe: one scorer per stream, fed in time order.
 */
public final class StreamScorer {
    private final LstmAutoencoder model;
    private final double threshold;
    private final PersistenceRule rule;
    private final ChannelMap channels;
    private final StreamState state;

    public StreamScorer(
            LstmAutoencoder model, double threshold, PersistenceRule rule, ChannelMap channels, StreamState state) {
        this.model = model;
        this.threshold = threshold;
        this.rule = rule;
        this.channels = channels;
        this.state = state;
        if (!identity(model, threshold, rule).equals(state.scoring)) {
            throw new IllegalArgumentException("the stream's state was written for another model, threshold or rule ("
                    + state.scoring + "; now " + identity(model, threshold, rule) + "): give a new state file");
        }
    }

    /** What a state is tied to: the model's configuration hash and columns, the threshold and the rule. */
    public static String identity(LstmAutoencoder model, double threshold, PersistenceRule rule) {
        return "model " + model.config().hash() + " columns " + String.join("+", model.columns()) + " threshold "
                + Double.toString(threshold) + " rule " + rule;
    }

    public StreamState state() {
        return state;
    }

    public double threshold() {
        return threshold;
    }

    public PersistenceRule rule() {
        return rule;
    }

    public List<String> modelColumns() {
        return model.columns();
    }

    /** Whether the snapshot at {@code time} named {@code file} was already done (scored, left out or found late). */
    public boolean isDone(LocalDateTime time, String file) {
        return !isAfterWatermark(time, file) || state.late.contains(file);
    }

    /** Whether a snapshot comes after the last one done, in (time, name) order. */
    public boolean isAfterWatermark(LocalDateTime time, String file) {
        if (state.lastTime == null) {
            return true;
        }
        int c = time.compareTo(LocalDateTime.parse(state.lastTime));
        return c > 0 || (c == 0 && file.compareTo(state.lastFile) > 0);
    }

    /** A snapshot that will not be scored ({@code kind} SKIPPED: it never completed or cannot be read). */
    public StreamEvent skip(LocalDateTime time, String file, String why) {
        advance(time, file);
        state.leftOut++;
        return StreamEvent.leftOut(StreamEvent.Kind.SKIPPED, time, file, threshold, why);
    }

    /** A snapshot that arrived after later ones were scored: reported once, never scored (time order is kept). */
    public StreamEvent late(LocalDateTime time, String file) {
        state.late.add(file);
        if (state.late.size() > 10_000) {
            state.late.remove(0);
        }
        state.leftOut++;
        return StreamEvent.leftOut(
                StreamEvent.Kind.LATE,
                time,
                file,
                threshold,
                "arrived after " + state.lastFile + " (" + state.lastTime
                        + ") was scored; not scored, so that the persistence rule keeps time order");
    }

    /**
     * Accepts the next snapshot (after every one done so far) and returns its events: its SNAPSHOT event (for the
     * first rows of a multi-step model, nothing until it has enough rows, then all of them), each followed by an
     * ALARM_START or ALARM_END when the rule changes its mind there.
     */
    public List<StreamEvent> accept(SnapshotRow row) {
        if (!isAfterWatermark(row.time(), row.file())) {
            throw new IllegalArgumentException(row.file() + " (" + row.time()
                    + ") is not after the last snapshot done (" + state.lastFile + ", " + state.lastTime + ")");
        }
        if (state.indicatorColumns.isEmpty() && state.eventBytes == 0) {
            state.indicatorColumns.addAll(indicatorColumns(row));
        }
        double[] inputs = new double[model.columns().size()];
        for (int c = 0; c < inputs.length; c++) {
            inputs[c] = row.value(model.columns().get(c));
            if (Double.isNaN(inputs[c])) {
                throw new IllegalArgumentException(row.file() + ": the model reads "
                        + model.columns().get(c) + ", which its snapshots do not give (they have "
                        + row.values().size() + " values)");
            }
        }
        double[] indicators =
                state.indicatorColumns.stream().mapToDouble(row::value).toArray();
        advance(row.time(), row.file());
        StreamState.PendingRow pending =
                new StreamState.PendingRow(row.file(), row.time().toString(), inputs, indicators, sensorProblem(row));
        int t = model.config().timesteps();
        if (state.scored == 0 && state.pending.size() + 1 < t) {
            state.pending.add(pending);
            return List.of();
        }
        List<StreamState.PendingRow> rows = new ArrayList<>();
        List<double[]> window = new ArrayList<>();
        if (state.scored == 0) {
            rows.addAll(state.pending);
            state.pending.clear();
            rows.forEach(p -> window.add(p.inputs()));
        } else {
            window.addAll(state.recentInputs);
        }
        rows.add(pending);
        window.add(inputs);
        Scores s = model.scoreDirect(model.scaler().transform(columnsOf(window)));
        remember(window, t);
        List<StreamEvent> events = new ArrayList<>();
        int first = s.rows() - rows.size();
        for (int i = 0; i < rows.size(); i++) {
            emit(rows.get(i), s, first + i, events);
        }
        return events;
    }

    private void emit(StreamState.PendingRow p, Scores s, int r, List<StreamEvent> events) {
        double score = s.score()[r];
        String unscorable = Double.isFinite(score) ? null : unscorable(p);
        boolean flagged = unscorable == null && score > threshold && p.sensor() == null;
        boolean inAlarm = state.inAlarm; // a row that cannot be scored neither counts as normal nor ends an alarm
        if (unscorable == null) {
            state.flags.add(flagged);
            if (state.flags.size() > rule.m()) {
                state.flags.remove(0);
            }
            long inWindow = state.flags.stream().filter(f -> f).count();
            inAlarm = inWindow >= rule.n();
        }
        int top = new Attribution(s).topChannel(r);
        StreamEvent e = new StreamEvent(
                StreamEvent.Kind.SNAPSHOT,
                LocalDateTime.parse(p.time()),
                p.file(),
                score,
                threshold,
                flagged,
                inAlarm,
                channels.channel(top),
                channels.bearing(top),
                s.errors()[r].clone(),
                p.indicators(),
                unscorable != null ? unscorable : p.sensor() == null ? "" : p.sensor());
        state.scored++;
        events.add(e);
        if (inAlarm && !state.inAlarm) {
            state.alarmEpisodes++;
            state.episodeStart = p.time();
            if (state.firstAlarm == null) {
                state.firstAlarm = p.time();
                state.firstAlarmFile = p.file();
                state.firstAlarmTopChannel = e.topChannel();
            }
            events.add(e.asAlarm(StreamEvent.Kind.ALARM_START));
        } else if (!inAlarm && state.inAlarm) {
            state.episodeStart = null;
            events.add(e.asAlarm(StreamEvent.Kind.ALARM_END));
        }
        state.inAlarm = inAlarm;
    }

    /** Why a snapshot's score is not a number: an input beyond the range the model computes in, or its window's. */
    private String unscorable(StreamState.PendingRow p) {
        for (int c = 0; c < p.inputs().length; c++) {
            double v = p.inputs()[c];
            if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
                return UNSCORABLE + model.columns().get(c) + " = " + v
                        + " lies beyond the range the model computes in (float, +-3.4e38)";
            }
        }
        return UNSCORABLE + "the model's score is not a number (its input window holds a row beyond its range)";
    }

    /** How the note of a snapshot that could not be scored begins. */
    public static final String UNSCORABLE = "unscorable: ";

    private void remember(List<double[]> window, int t) {
        state.recentInputs.clear();
        for (int i = Math.max(0, window.size() - (t - 1)); i < window.size(); i++) {
            state.recentInputs.add(window.get(i));
        }
    }

    private static double[][] columnsOf(List<double[]> rows) {
        int f = rows.get(0).length;
        double[][] out = new double[f][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < f; c++) {
                out[c][r] = rows.get(r)[c];
            }
        }
        return out;
    }

    private void advance(LocalDateTime time, String file) {
        state.lastTime = time.toString();
        state.lastFile = file;
    }

    /** The snapshot's sensor problem, judged against each channel's recent levels (which it then joins), or null. */
    private String sensorProblem(SnapshotRow row) {
        String why = null;
        for (int ch = 1; !Double.isNaN(row.value(Feature.MEAN_ABS.column(ch))); ch++) {
            String levelKey =
                    Double.isNaN(row.value(Feature.RMS.column(ch))) ? Feature.MEAN_ABS.key() : Feature.RMS.key();
            double level = row.value("ch" + ch + "_" + levelKey);
            List<Double> recent = state.levels.computeIfAbsent("ch" + ch, k -> new ArrayList<>());
            recent.add(level);
            if (recent.size() > StreamState.LEVEL_WINDOW) {
                recent.remove(0);
            }
            double median = SensorProblems.median(
                    recent.stream().mapToDouble(Double::doubleValue).toArray());
            String r = SensorProblems.reason(ch, levelKey, level, median, row.value(Feature.CLIP.column(ch)));
            if (r != null) {
                why = why == null ? r : why + "; " + r;
            }
        }
        return why;
    }

    private static List<String> indicatorColumns(SnapshotRow row) {
        List<String> out = new ArrayList<>();
        for (int ch = 1; !Double.isNaN(row.value(Feature.MEAN_ABS.column(ch))); ch++) {
            for (DefectType t : DefectType.values()) {
                if (!Double.isNaN(row.value(t.column(ch)))) {
                    out.add(t.column(ch));
                }
            }
        }
        return out;
    }

    /** A one-line account of the stream so far. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%d scored, %d left out, %s%s",
                state.scored,
                state.leftOut,
                state.inAlarm ? "IN ALARM since " + iso(state.episodeStart) : "not in alarm",
                state.firstAlarm == null
                        ? ""
                        : "; first sustained alarm " + iso(state.firstAlarm) + " (" + state.firstAlarmFile + ", "
                                + state.firstAlarmTopChannel + ")");
    }

    private static String iso(String time) {
        return time == null ? "" : FeatureCsv.ISO.format(LocalDateTime.parse(time));
    }
}
