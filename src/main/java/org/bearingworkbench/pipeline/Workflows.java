package org.bearingworkbench.pipeline;

import java.util.List;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.features.FeatureTable;
import java.nio.file.Path;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.KerasAutoencoderImport;
import org.bearingworkbench.model.LstmAutoencoder;
import org.bearingworkbench.model.ScalerJson;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.model.Trainer;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.task.TaskContext;

/** The workflow steps the CLI and the GUI share: train a model on a table, score a table with a bundle. */
public final class Workflows {
    private Workflows() {
    }

    public static TrainingResult train(FeatureTable table, String columnSpec, SplitConfig split, ModelConfig config,
                                       Trainer.EpochListener listener, TaskContext context) {
        List<String> columns = ColumnSelection.resolve(table, columnSpec);
        return Trainer.train(table, columns, split, config, listener, context);
    }

    /**
     * Opens a Keras LSTM autoencoder (.h5) with its scikit-learn scaler (.json) as a bundle whose training range is
     * the split's training rows of {@code table} (thresholds are fitted on them).
     */
    public static ModelBundle importKeras(FeatureTable table, Path h5, Path scalerJson, String columnSpec, SplitConfig split)
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
    public static AnomalyAnalysis analyze(FeatureTable table, ModelBundle bundle, ThresholdMethod method,
                                          PersistenceRule rule, int channelsPerBearing, TaskContext context) {
        context.progress(0, 1, "scoring " + table.rowCount() + " rows");
        Scores scores = bundle.model().score(table);
        context.progress(1, 1, "scored " + table.rowCount() + " rows");
        int trainRows = trainRows(table, bundle);
        if (trainRows < 2) {
            throw new IllegalArgumentException("the data has no rows inside the model's training range (until "
                    + bundle.trainEnd().toString().replace('T', ' ') + "); thresholds are fitted on healthy training rows");
        }
        ThresholdMethod chosen = method != null ? method
                : bundle.chosenThreshold().<ThresholdMethod>map(v -> new org.bearingworkbench.detect.ManualThreshold(v))
                .orElse(Thresholds.defaultMethod(rule));
        return AnomalyAnalysis.of(table, scores, trainRows, new ChannelMap(bundle.model().columns(), channelsPerBearing),
                chosen, rule);
    }
}
