package org.bearingworkbench.pipeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        FeatureTable clean = withoutSensorProblems(table, split);
        // the same boundary in time (a fraction of the fewer rows would move it)
        SplitConfig same = clean == table ? split : SplitConfig.until(table.timestamp(split.trainRows(table) - 1));
        return Trainer.train(clean, columns, same, config, listener, context);
    }

    /**
     * The table to train on: without the training range's snapshots that have a sensor problem (no signal, clipped):
     * a model must learn the healthy bearing, not a dead sensor. The split keeps its boundary.
     */
    static FeatureTable withoutSensorProblems(FeatureTable table, SplitConfig split) {
        int trainRows = split.trainRows(table);
        SensorProblems sensor = SensorProblems.of(table);
        int bad = sensor.countBefore(trainRows);
        if (bad == 0) {
            return table;
        }
        boolean[] drop = Arrays.copyOf(sensor.flags(), sensor.flags().length);
        Arrays.fill(drop, trainRows, drop.length, false);
        LOG.info(
                "training leaves out {} snapshot(s) with a sensor problem, e.g. {}",
                bad,
                sensor.reason(IntStream.range(0, trainRows)
                        .filter(sensor::at)
                        .findFirst()
                        .orElseThrow()));
        return table.withoutRows(drop);
    }

    /**
     * Opens a Keras LSTM autoencoder (.h5) with its scikit-learn scaler (.json) as a bundle whose training range is
     * the split's training rows of {@code table} (thresholds are fitted on them).
     */
    public static ModelBundle importKeras(
            FeatureTable table, Path h5, Path scalerJson, String columnSpec, SplitConfig split)
            throws InputFormatException {
        List<String> columns = ColumnSelection.resolve(table, columnSpec);
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
        checkFinite(table, bundle, scores);
        context.progress(1, 1, "scored " + table.rowCount() + " rows");
        int trainRows = trainRows(table, bundle);
        boolean fixedThreshold = chosen instanceof SavedThreshold || chosen instanceof ManualThreshold;
        if (trainRows < 2 && fixedThreshold) {
            trainRows = 0; // new data after the model's healthy range: the saved (or given) threshold applies as it is
        } else if (trainRows < 2) {
            throw new IllegalArgumentException("the data has no rows inside the model's training range (until "
                    + bundle.trainEnd().toString().replace('T', ' ') + ") and the model has no saved threshold; give "
                    + "--threshold (thresholds are fitted on healthy training rows)");
        }
        AnomalyAnalysis a = AnomalyAnalysis.of(
                table, scores, trainRows, new ChannelMap(bundle.model().columns(), channelsPerBearing), chosen, rule);
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
    private static void checkFinite(FeatureTable table, ModelBundle bundle, Scores scores) {
        double[] s = scores.score();
        for (int r = 0; r < s.length; r++) {
            if (!Double.isFinite(s[r])) {
                List<String> cols = bundle.model().columns();
                String culprit = "";
                for (int c = 0; c < cols.size(); c++) {
                    double v = table.column(cols.get(c))[r];
                    double scaled = bundle.model().scaler().scale(c, v);
                    if (!Double.isFinite(scaled) || Math.abs(scaled) > 1e30) {
                        culprit = ": " + cols.get(c) + " = " + v + " is far beyond the model's training range";
                        break;
                    }
                }
                throw new IllegalArgumentException(
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
