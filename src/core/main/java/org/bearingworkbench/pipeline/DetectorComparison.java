package org.bearingworkbench.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.SensorProblems;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.detect.baseline.Detector;
import org.bearingworkbench.detect.baseline.IsolationForestDetector;
import org.bearingworkbench.detect.baseline.McdDetector;
import org.bearingworkbench.detect.baseline.PcaDetector;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.task.TaskContext;

/**
 * "Does it beat the simple thing?": one run and split through several detectors (the baselines fitted on the training
 * rows' columns, and the LSTM autoencoder when a model is given), each through the same threshold method, persistence
 * rule and attribution, side by side: threshold, flagged rows, first sustained alarm, its lead time before the last
 * file, alarm rows inside training (false alarms on healthy data), and the channel most flagged rows blame.
 */
public record DetectorComparison(FeatureTable table, List<Entry> entries) {

    /** One detector's result. {@code fitted} says what was fitted. */
    public record Entry(String id, String label, String fitted, AnomalyAnalysis analysis) {
        public String firstAlarm() {
            return analysis.firstAlarmTime().map(FeatureCsv.ISO::format).orElse("");
        }
    }

    /** The baselines, in the order the table lists them. */
    public static List<Detector> baselines() {
        return List.of(
                PcaDetector.hotellingT2(), PcaDetector.spe(), new McdDetector(42), new IsolationForestDetector(42));
    }

    /**
     * @param columns the features the baselines read (the model's own for the LSTM)
     * @param bundle the LSTM autoencoder to compare, or null
     * @param method threshold method for every detector, or null for the default (robust, sustained max + k MAD)
     */
    public static DetectorComparison run(
            FeatureTable table,
            List<String> columns,
            SplitConfig split,
            ModelBundle bundle,
            ThresholdMethod method,
            PersistenceRule rule,
            int channelsPerBearing,
            TaskContext context) {
        return runWith(
                table,
                columns,
                split,
                bundle == null ? null : new Lstm(bundle, null),
                method,
                rule,
                channelsPerBearing,
                context);
    }

    /** The LSTM autoencoder compared: its bundle, and its analysis on this table and rule when already made. */
    public record Lstm(ModelBundle bundle, AnomalyAnalysis analysis) {}

    /**
     * As {@link #run}; where {@code lstm} holds the model's analysis already made, the model is not scored again.
     */
    public static DetectorComparison runWith(
            FeatureTable table,
            List<String> columns,
            SplitConfig split,
            Lstm lstm,
            ThresholdMethod method,
            PersistenceRule rule,
            int channelsPerBearing,
            TaskContext context) {
        ThresholdMethod m = method != null ? method : Thresholds.defaultMethod(rule);
        int trainRows = split.trainRows(table);
        if (trainRows < 10) {
            throw new IllegalArgumentException("the split leaves " + trainRows
                    + " training rows; the baselines need at " + "least 10 healthy rows to fit on");
        }
        double[][] all = rows(table, columns);
        SensorProblems sensor = SensorProblems.of(table);
        List<double[]> fit = new ArrayList<>();
        for (int r = 0; r < trainRows; r++) {
            if (!sensor.at(r)) {
                fit.add(all[r]);
            }
        }
        double[][] train = fit.toArray(new double[0][]);
        ChannelMap channels = new ChannelMap(columns, channelsPerBearing);
        List<Entry> entries = new ArrayList<>();
        List<Detector> detectors = baselines();
        ModelBundle bundle = lstm == null ? null : lstm.bundle();
        AnomalyAnalysis modelAnalysis = lstm == null ? null : lstm.analysis();
        int steps = detectors.size() + (bundle == null ? 0 : 1);
        int done = 0;
        if (bundle != null) {
            context.progress(done, steps, "LSTM autoencoder");
            AnomalyAnalysis a = modelAnalysis != null
                    ? modelAnalysis
                    : Workflows.analyze(table, bundle, method, rule, channelsPerBearing, context);
            entries.add(new Entry(
                    "lstm",
                    "LSTM autoencoder",
                    bundle.model().config().layers() + " "
                            + bundle.model().config().activation() + ", trained until "
                            + FeatureCsv.ISO.format(bundle.trainEnd()),
                    a));
            done++;
        }
        for (Detector d : detectors) {
            context.checkCancelled();
            context.progress(done++, steps, d.label());
            Detector.Fitted f = d.fit(train);
            Scores s = f.score(all);
            entries.add(new Entry(
                    d.id(), d.label(), f.describe(), AnomalyAnalysis.of(table, s, trainRows, channels, m, rule)));
        }
        context.progress(steps, steps, "compared " + steps + " detectors");
        return new DetectorComparison(table, List.copyOf(entries));
    }

    private static double[][] rows(FeatureTable t, List<String> columns) {
        double[][] out = new double[t.rowCount()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            double[] col = t.column(columns.get(c));
            for (int r = 0; r < out.length; r++) {
                out[r][c] = col[r];
            }
        }
        return out;
    }

    /** The comparison table as CSV. */
    public String csv() {
        StringBuilder b =
                new StringBuilder("detector,label,threshold,threshold_method,flagged,first_alarm,lead_time_hours,"
                        + "training_alarm_rows,top_channel,fitted\n");
        for (Entry e : entries) {
            AnomalyAnalysis a = e.analysis();
            b.append(e.id())
                    .append(',')
                    .append(quote(e.label()))
                    .append(',')
                    .append(a.threshold().value())
                    .append(',')
                    .append(quote(a.threshold().method()))
                    .append(',')
                    .append(a.alarms().flaggedCount())
                    .append(',')
                    .append(e.firstAlarm())
                    .append(',')
                    .append(
                            Double.isNaN(a.leadTimeHours())
                                    ? ""
                                    : String.format(Locale.ROOT, "%.2f", a.leadTimeHours()))
                    .append(',')
                    .append(a.alarms().trainingAlarmRows())
                    .append(',')
                    .append(a.dominantTopChannel().orElse(""))
                    .append(',')
                    .append(quote(e.fitted()))
                    .append('\n');
        }
        return b.toString();
    }

    /** Every detector's score divided by its threshold, per row (1 = at the threshold), as CSV. */
    public String normalisedScoresCsv() {
        StringBuilder b = new StringBuilder("timestamp,file");
        entries.forEach(e -> b.append(',').append(e.id()));
        b.append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            b.append(FeatureCsv.ISO.format(table.timestamp(r))).append(',').append(table.file(r));
            for (Entry e : entries) {
                AnomalyAnalysis a = e.analysis();
                b.append(',').append(a.scores().score()[r] / a.threshold().value());
            }
            b.append('\n');
        }
        return b.toString();
    }

    public void writeCsv(Path table, Path scores) throws IOException {
        if (table != null) {
            AtomicFiles.write(table, w -> w.write(csv()));
        }
        if (scores != null) {
            AtomicFiles.write(scores, w -> w.write(normalisedScoresCsv()));
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
