package org.bearingworkbench.pipeline;

import java.util.List;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.task.TaskContext;

/**
 * The {@code score} path in one call: an imported data set and a model bundle give the analysis (scores, threshold,
 * flags, alarms, attribution) and the warnings a report carries. The command line's {@code score} and each task of
 * the fleet job run exactly this, which is why their results are identical.
 */
public final class BatchScoring {
    private BatchScoring() {}

    /** An imported data set scored with a bundle. */
    public record ScoredData(ImportResult data, ModelBundle bundle, AnomalyAnalysis analysis, List<String> warnings) {
        public ScoredData {
            warnings = List.copyOf(warnings);
        }
    }

    public static ScoredData score(ImportResult data, ModelBundle bundle, DetectSettings detect, TaskContext context) {
        List<String> warnings = bundle.differencesFrom(data.description()).stream()
                .map(d -> "the data differs from the model's training data: " + d)
                .toList();
        var rule = detect.rule(bundle);
        AnomalyAnalysis a = Workflows.analyze(
                data.table(), bundle, detect.method(rule), rule, detect.perBearing(data.description()), context);
        return new ScoredData(data, bundle, a, warnings);
    }
}
