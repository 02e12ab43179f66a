package org.bearingworkbench.monitor;

import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.model.ModelBundle;

/**
 * A tuned model ready to score live data: the bundle, the threshold that flags a snapshot (the one saved with the
 * bundle unless one is given) with where it came from, the persistence rule (given, else the bundle's, else 3/3) and
 * the channel-to-bearing map. Shared by {@code watch}, the window's monitor and {@code serve}.
 */
public record ScoringModel(
        ModelBundle bundle, double threshold, String thresholdSource, PersistenceRule rule, ChannelMap channels) {

    /**
     * @param thresholdOverride a threshold given by the user, or null for the bundle's saved one
     * @param ruleOverride a rule given by the user, or null for the bundle's (else 3/3)
     * @throws IllegalArgumentException when there is no threshold to use, or the given one is not a positive number
     */
    public static ScoringModel of(
            ModelBundle bundle, Double thresholdOverride, PersistenceRule ruleOverride, int channelsPerBearing) {
        return of(bundle, thresholdOverride, "given on the command line", ruleOverride, channelsPerBearing);
    }

    /** As {@link #of(ModelBundle, Double, PersistenceRule, int)}, saying where a given threshold came from. */
    public static ScoringModel of(
            ModelBundle bundle,
            Double thresholdOverride,
            String overrideSource,
            PersistenceRule ruleOverride,
            int channelsPerBearing) {
        double threshold;
        String source;
        if (thresholdOverride != null) {
            if (!(thresholdOverride > 0 && Double.isFinite(thresholdOverride))) {
                throw new IllegalArgumentException("--threshold: a positive number (got " + thresholdOverride + ")");
            }
            threshold = thresholdOverride;
            source = overrideSource;
        } else {
            threshold = bundle.chosenThreshold()
                    .orElseThrow(() -> new IllegalArgumentException("the model bundle has "
                            + "no saved threshold: tune it in the window and save the model (or score "
                            + "--save-model), or pass "
                            + "--threshold"));
            source = "saved with the model (" + bundle.thresholdMethod() + ")";
        }
        PersistenceRule rule = ruleOverride != null
                ? ruleOverride
                : bundle.persistenceRule().map(PersistenceRule::parse).orElse(PersistenceRule.defaults());
        return new ScoringModel(
                bundle, threshold, source, rule, new ChannelMap(bundle.model().columns(), channelsPerBearing));
    }

    /** A scorer for one stream, continuing from {@code state} (a fresh state for a new stream). */
    public StreamScorer scorer(StreamState state) {
        return new StreamScorer(bundle.model(), threshold, rule, channels, state);
    }

    /** A fresh state for a new stream of this model. */
    public StreamState freshState() {
        return StreamState.fresh(StreamScorer.identity(bundle.model(), threshold, rule));
    }
}
