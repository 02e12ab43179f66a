package org.bearingworkbench.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.bearingworkbench.dataset.DataSetDescription;

/**
 * What a model bundle says besides its network: the settings, feature columns and scaler the network reads, the
 * healthy range, the threshold and rule, the loss history, provenance and the data it was trained on. Written as
 * {@code bundle.json} ({@link BundleJson}); bundles of formats 1 and 2 kept it as properties ({@link
 * BundleProperties}).
 */
record BundleMeta(
        ModelConfig config,
        List<String> columns,
        double[] scalerMin,
        double[] scalerMax,
        LocalDateTime trainStart,
        LocalDateTime trainEnd,
        List<EpochResult> history,
        Double threshold,
        String thresholdMethod,
        String persistence,
        String createdAt,
        Map<String, String> versions,
        DataSetDescription trainedOn,
        TrainingProvenance provenance) {}
