package org.bearingworkbench.fleet;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.SplitConfig;

/**
 * Fleet training: each machine gets its own model, trained on its own healthy range in its task, as the command
 * line's {@code train <dir> [--train-until TS | --train-fraction F] [--columns C] [--epochs N]} would train it (the
 * study's network and settings otherwise). The bundles are written under {@code models/} beside the tables.
 */
public record FleetTraining(String trainUntil, Double trainFraction, String columns, int epochs)
        implements Serializable {

    public FleetTraining {
        if (trainUntil != null && trainFraction != null) {
            throw new IllegalArgumentException("give either --train-until or --train-fraction, not both");
        }
        if (trainUntil != null) {
            until(trainUntil);
        }
        if (trainFraction != null) {
            SplitConfig.fraction(trainFraction);
        }
        config(epochs);
    }

    /** The training range on {@code table}: the one given, else the command line's default for that data. */
    SplitConfig split(FeatureTable table) {
        if (trainUntil != null) {
            return SplitConfig.until(until(trainUntil));
        }
        return trainFraction != null ? SplitConfig.fraction(trainFraction) : SplitConfig.defaultFor(table);
    }

    ModelConfig config() {
        return config(epochs);
    }

    private static ModelConfig config(int epochs) {
        return ModelConfig.defaults().withEpochs(epochs); // refuses a bad value, naming it
    }

    private static LocalDateTime until(String text) {
        try {
            return FeatureCsv.parseTimestamp(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--train-until: '" + text + "' is not a timestamp (expected 2004-02-15 12:52:39)");
        }
    }
}
