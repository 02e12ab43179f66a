package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.pipeline.Workflows;
import picocli.CommandLine.Option;

/** Where a command's model comes from: a bundle ({@code --model}) or the study's Keras file with its scaler. */
final class ModelSourceOptions {
    @Option(names = "--model", description = "model bundle (.bwm)")
    Path modelFile;

    @Option(names = "--keras-model", description = "a Keras LSTM autoencoder (.h5) instead of a bundle; needs --scaler")
    Path kerasModel;

    @Option(
            names = "--scaler",
            description = "the Keras model's scikit-learn MinMaxScaler as JSON (data_min_, data_max_)")
    Path scaler;

    /** Checks the combination ({@code required}: one of the two must be given) and that the files exist. */
    List<Path> validate(boolean required) throws InputFormatException {
        if (modelFile != null && kerasModel != null || required && modelFile == null && kerasModel == null) {
            throw new IllegalArgumentException(
                    "give either --model FILE.bwm or --keras-model FILE.h5 --scaler FILE.json");
        }
        if (kerasModel != null && scaler == null) {
            throw new IllegalArgumentException(
                    "--keras-model needs --scaler FILE.json (the min-max scaler it was trained with)");
        }
        List<Path> inputs = new ArrayList<>();
        for (Path p : new Path[] {modelFile, kerasModel, scaler}) {
            if (p != null) {
                CommandChecks.requireSource(p);
                inputs.add(p);
            }
        }
        return inputs;
    }

    boolean given() {
        return modelFile != null || kerasModel != null;
    }

    /** The file the model was read from. */
    Path path() {
        return kerasModel != null ? kerasModel : modelFile;
    }

    /**
     * The columns the data must have: {@code columns} when given, else a saved model's (so that a model trained on
     * defect indicators gets them on every directory it scores), else null.
     */
    String columnsNeeded(String columns) throws InputFormatException {
        if (columns != null || modelFile == null) {
            return columns;
        }
        return String.join(",", ModelBundle.load(modelFile).model().columns());
    }

    /** The model, or null when none was given; a Keras model reads {@code columns} (null: *_mean_abs). */
    ModelBundle load(FeatureTable table, String columns, SplitConfig split) throws InputFormatException {
        if (kerasModel != null) {
            return Workflows.importKeras(table, kerasModel, scaler, columns, split);
        }
        return modelFile != null ? ModelBundle.load(modelFile) : null;
    }
}
