package org.bearingworkbench.pipeline;

import java.nio.file.Path;
import java.util.function.Function;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.model.EpochResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.model.Trainer;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.task.TaskContext;

/**
 * The study from raw files to a tuned model in one call (the {@code run} command): open the data, train on the
 * healthy range, score every row, pick the threshold with the method and persistence rule, and keep both in the
 * model bundle. Writing the outputs is the caller's.
 */
public final class RunWorkflow {
    private RunWorkflow() {}

    /** What a run produced: the data, the training, the bundle (with its threshold and rule) and the analysis. */
    public record Result(ImportResult data, TrainingResult training, ModelBundle bundle, AnomalyAnalysis analysis) {}

    /** What the run asks of its caller along the way; every step is optional. */
    public interface Steps {
        /** The data is open, before training (e.g. write the feature table, list the skipped files). */
        default void imported(ImportResult data, SplitConfig split) throws Exception {}

        /** One finished epoch. */
        default void epoch(EpochResult e) {}
    }

    /**
     * What the run does with the data.
     *
     * @param split the split for the opened table (a fraction or a time: known only once the table is)
     * @param columns the model's columns (names or globs), or null for the default
     * @param method the threshold method, fitted on the training rows
     * @param channelsPerBearing null: from the data's channel list, else 1
     */
    public record Plan(
            Function<FeatureTable, SplitConfig> split,
            String columns,
            ModelConfig config,
            ThresholdMethod method,
            PersistenceRule rule,
            Integer channelsPerBearing) {}

    /**
     * @param importContext progress and cancellation of the import
     * @param context progress and cancellation of training and scoring (a CLI reports epochs through {@code steps})
     */
    public static Result run(
            Path source, UserSettings settings, Plan plan, Steps steps, TaskContext importContext, TaskContext context)
            throws Exception {
        Function<FeatureTable, SplitConfig> split = plan.split();
        String columns = plan.columns();
        ModelConfig config = plan.config();
        ThresholdMethod method = plan.method();
        PersistenceRule rule = plan.rule();
        Integer channelsPerBearing = plan.channelsPerBearing();
        ImportResult data = DataSets.openFor(source, settings, columns, importContext);
        SplitConfig splitConfig = split.apply(data.table());
        steps.imported(data, splitConfig);
        context.checkCancelled();
        Trainer.EpochListener listener = steps::epoch;
        TrainingResult training = Workflows.train(data.table(), columns, splitConfig, config, listener, context);
        ModelBundle bundle = ModelBundle.of(training).withDataSet(data.description());
        int perBearing = data.description().channelsPerBearing(channelsPerBearing);
        AnomalyAnalysis a = Workflows.analyze(data.table(), bundle, method, rule, perBearing, context);
        bundle = bundle.withThreshold(a.threshold().value(), a.threshold().method())
                .withPersistence(rule.toString());
        return new Result(data, training, bundle, a);
    }
}
