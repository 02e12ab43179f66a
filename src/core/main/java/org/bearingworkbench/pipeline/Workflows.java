package org.bearingworkbench.pipeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.SavedThreshold;
import org.bearingworkbench.detect.SensorProblems;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.KerasAutoencoderImport;
import org.bearingworkbench.model.LstmAutoencoder;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.ScalerJson;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.model.Trainer;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The workflow steps the CLI and the GUI share: train a model on a table, score a table with a bundle. */
public final class Workflows {
    private static final Logger LOG = LoggerFactory.getLogger(Workflows.class);

    private Workflows() {}

    public static TrainingResult train(
            FeatureTable table,
            String columnSpec,
            SplitConfig split,
            ModelConfig config,
            Trainer.EpochListener listener,
            TaskContext context) {
        List<String> columns = ColumnSelection.resolve(table, columnSpec);
        FeatureTable clean = withoutSensorProblems(table, split, columns);
        // the same boundary in time (a fraction of the fewer rows would move it)
        SplitConfig same = clean == table ? split : SplitConfig.until(table.timestamp(split.trainRows(table) - 1));
        return Trainer.train(clean, columns, same, config, listener, context);
    }

    /** A training value this many robust standard deviations (1.4826 MAD) from its column's median is a gross error. */
    static final double GROSS_ERROR_SIGMAS = 50;

    /**
     * The table to train on: without the training range's snapshots that have a sensor problem (no signal, clipped)
     * or a data problem in a model column: a value that is not a finite number, or one more than
     * {@value #GROSS_ERROR_SIGMAS} robust standard deviations from the training range's median (a 1e308 sample, a
     * unit slip). A model must learn the healthy bearing, not a dead sensor or a broken value; each snapshot set
     * apart is named with its reason. Scored data is never set apart: a real fault's growth must reach the model. The
     * split keeps its boundary.
     */
    static FeatureTable withoutSensorProblems(FeatureTable table, SplitConfig split, List<String> columns) {
        int trainRows = split.trainRows(table);
        SensorProblems problems = withDataProblems(table, trainRows, columns);
        int bad = problems.countBefore(trainRows);
        if (bad == 0) {
            return table;
        }
        boolean[] drop = Arrays.copyOf(problems.flags(), problems.flags().length);
        Arrays.fill(drop, trainRows, drop.length, false);
        LOG.warn(
                "training sets apart {} snapshot(s) with a sensor or data problem: {}",
                bad,
                IntStream.range(0, trainRows)
                                .filter(problems::at)
                                .limit(5)
                                .mapToObj(r -> table.file(r) + ": " + problems.reason(r))
                                .collect(Collectors.joining("; "))
                        + (bad > 5 ? "; ..." : ""));
        return table.withoutRows(drop);
    }

    /**
     * The sensor problems of {@link SensorProblems#of}, and in the first {@code trainRows} rows the gross errors of
     * the model's {@code columns}: a value more than {@value #GROSS_ERROR_SIGMAS} robust standard deviations (1.4826
     * MAD) from the training range's median. Rows after the training range are never set apart for their size: a
     * fault's growth must reach the model.
     */
    static SensorProblems withDataProblems(FeatureTable table, int trainRows, List<String> columns) {
        SensorProblems sensor = SensorProblems.of(table);
        boolean[] flags = sensor.flags().clone();
        String[] reasons = sensor.reasons().clone();
        int rows = Math.min(trainRows, table.rowCount());
        for (String c : columns) {
            if (!table.hasColumn(c)) {
                continue;
            }
            double[] v = table.column(c);
            double[] healthy = IntStream.range(0, rows)
                    .filter(r -> !flags[r])
                    .mapToDouble(r -> v[r])
                    .filter(Double::isFinite)
                    .sorted()
                    .toArray();
            double median = healthy.length == 0 ? 0 : healthy[healthy.length / 2];
            double[] dev = Arrays.stream(healthy)
                    .map(x -> Math.abs(x - median))
                    .sorted()
                    .toArray();
            double spread = dev.length == 0 ? 0 : 1.4826 * dev[dev.length / 2];
            for (int r = 0; r < rows; r++) {
                if (!flags[r] && spread > 0 && Math.abs(v[r] - median) > GROSS_ERROR_SIGMAS * spread) {
                    flags[r] = true;
                    reasons[r] = String.format(
                            Locale.ROOT,
                            "%s = %.4g, %.0f robust standard deviations from the training median %.4g (a data problem)",
                            c,
                            v[r],
                            Math.abs(v[r] - median) / spread,
                            median);
                }
            }
        }
        int count = 0;
        for (boolean f : flags) {
            count += f ? 1 : 0;
        }
        return count == sensor.count() ? sensor : new SensorProblems(flags, reasons, count);
    }

    /**
     * Opens a Keras LSTM autoencoder (.h5) with its scikit-learn scaler (.json) as a bundle whose training range is
     * the split's training rows of {@code table} (thresholds are fitted on them). Without {@code columnSpec} the
     * model reads the IMS study's columns ({@link ColumnSelection#study}).
     */
    public static ModelBundle importKeras(
            FeatureTable table, Path h5, Path scalerJson, String columnSpec, SplitConfig split)
            throws InputFormatException {
        List<String> columns = columnSpec == null || columnSpec.isBlank()
                ? ColumnSelection.study(table)
                : ColumnSelection.resolve(table, columnSpec);
        LstmAutoencoder model = KerasAutoencoderImport.load(h5, ScalerJson.read(scalerJson), columns);
        int trainRows = split.trainRows(table);
        return ModelBundle.imported(model, table.timestamp(0), table.timestamp(trainRows - 1));
    }

    /** Rows of {@code table} inside the bundle's training range (at or before its last training timestamp). */
    public static int trainRows(FeatureTable table, ModelBundle bundle) {
        return Math.max(0, table.lastRowAtOrBefore(bundle.trainEnd()) + 1);
    }

    /**
     * Scores {@code table} with the bundle and applies a threshold: {@code method} if given, else the bundle's own
     * chosen threshold, else the default robust method.
     */
    public static AnomalyAnalysis analyze(
            FeatureTable table,
            ModelBundle bundle,
            ThresholdMethod method,
            PersistenceRule rule,
            int channelsPerBearing,
            TaskContext context) {
        checkChannelsPerBearing(table, channelsPerBearing);
        ThresholdMethod chosen =
                method != null ? method : savedThreshold(bundle).orElse(Thresholds.defaultMethod(rule));
        context.progress(0, 1, "scoring " + table.rowCount() + " rows");
        Scores scores = bundle.model().score(table);
        int trainRows = trainRows(table, bundle);
        SensorProblems problems =
                withDataProblems(table, trainRows, bundle.model().columns());
        checkFinite(table, bundle, scores, problems);
        context.progress(1, 1, "scored " + table.rowCount() + " rows");
        boolean fixedThreshold = chosen instanceof SavedThreshold || chosen instanceof ManualThreshold;
        if (trainRows < 2 && fixedThreshold) {
            trainRows = 0; // new data after the model's healthy range: the saved (or given) threshold applies as it is
        } else if (trainRows < 2) {
            throw new IllegalArgumentException("the data has no rows inside the model's training range (until "
                    + bundle.trainEnd().toString().replace('T', ' ') + ") and the model has no saved threshold; give "
                    + "--threshold (thresholds are fitted on healthy training rows)");
        }
        AnomalyAnalysis a = AnomalyAnalysis.of(
                table,
                scores,
                trainRows,
                new ChannelMap(bundle.model().columns(), channelsPerBearing),
                chosen,
                rule,
                problems);
        double t = a.threshold().value();
        if (trainRows > 0 && !(t > 0 && Double.isFinite(t))) {
            throw new IllegalArgumentException("the threshold method " + chosen.id() + " gives " + t + " on the "
                    + trainRows + " training scores (largest " + max(a.trainScores()) + "): the model reconstructs its "
                    + "training rows exactly (e.g. constant columns), so no threshold can be fitted; give --threshold");
        }
        return a;
    }

    /**
     * The threshold saved in the bundle, as a manual method; a saved value that is not a usable threshold is
     * refused.
     */
    private static Optional<ThresholdMethod> savedThreshold(ModelBundle bundle) {
        return bundle.chosenThreshold().map(v -> {
            if (!(v > 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("the model bundle holds threshold " + v + ", which is not a "
                        + "positive score; give --threshold or --threshold-method");
            }
            return new SavedThreshold(v, bundle.thresholdMethod());
        });
    }

    private static void checkChannelsPerBearing(FeatureTable table, int channelsPerBearing) {
        int channels = table.channels().size();
        if (channels > 0 && channels % channelsPerBearing != 0) {
            throw new IllegalArgumentException("--channels-per-bearing " + channelsPerBearing + " does not divide the "
                    + channels + " channels of the data (ch1..ch" + channels + ")");
        }
    }

    /** A score that is not finite is an error naming the row and the input that caused it, never "no alarm". */
    /** A row the model cannot score (a non-finite score that is no sensor or data problem): see {@link #analyze}. */
    public static final class UnscorableRow extends IllegalArgumentException {
        UnscorableRow(String message) {
            super(message);
        }
    }

    /**
     * The rows of {@code table} the model cannot score (a non-finite score, not a sensor or data problem already),
     * by row, with why: what a job that must not lose a machine's other snapshots sets apart.
     */
    public static SortedMap<Integer, String> unscorableRows(FeatureTable table, ModelBundle bundle) {
        Scores scores = bundle.model().score(table);
        SensorProblems problems =
                withDataProblems(table, trainRows(table, bundle), bundle.model().columns());
        SortedMap<Integer, String> out = new TreeMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (!Double.isFinite(scores.score()[r]) && !problems.at(r)) {
                out.put(r, "its score is " + scores.score()[r] + culprit(table, bundle, r));
            }
        }
        return out;
    }

    private static String culprit(FeatureTable table, ModelBundle bundle, int r) {
        List<String> cols = bundle.model().columns();
        for (int c = 0; c < cols.size(); c++) {
            double v = table.column(cols.get(c))[r];
            double scaled = bundle.model().scaler().scale(c, v);
            if (!Double.isFinite(scaled) || Math.abs(scaled) > 1e30) {
                return ": " + cols.get(c) + " = " + v + " is far beyond the model's training range";
            }
        }
        return "";
    }

    private static void checkFinite(FeatureTable table, ModelBundle bundle, Scores scores, SensorProblems sensor) {
        double[] s = scores.score();
        for (int r = 0; r < s.length; r++) {
            // a snapshot with a sensor or data problem is set apart and reported as such, never as normal
            if (!Double.isFinite(s[r]) && !sensor.at(r)) {
                String culprit = culprit(table, bundle, r);
                throw new UnscorableRow(
                        "cannot score row " + (r + 1) + " (" + table.file(r) + "): its score is " + s[r] + culprit);
            }
        }
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
