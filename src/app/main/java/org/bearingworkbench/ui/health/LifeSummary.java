package org.bearingworkbench.ui.health;

import java.util.Locale;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.prognosis.RemainingLife;
import org.bearingworkbench.report.Durations;

/** What an estimate of the remaining life says, in words, under the Health & life pane's charts. */
final class LifeSummary {
    private LifeSummary() {}

    /** The indicator's features, the onset, the failure level and the last forecast with its band, in a sentence. */
    static String of(FeatureTable t, RemainingLife r) {
        String indicator = "indicator from " + String.join(", ", r.indicator().columns());
        if (r.onset() < 0) {
            return indicator + ": it never leaves its healthy range for good (no onset, no forecast).";
        }
        if (!r.failureSource().equals("given")) {
            return indicator + "; onset " + FeatureCsv.ISO.format(t.timestamp(r.onset())) + "; no forecast: give a"
                    + " failure level, or forecast with a life model learned from runs to failure (rul learn).";
        }
        String s = String.format(
                Locale.ROOT,
                "%s; onset %s; failure level %.4g (%s); %d forecasts",
                indicator,
                FeatureCsv.ISO.format(t.timestamp(r.onset())),
                r.failureThreshold(),
                r.failureSource(),
                r.estimates().size());
        if (!r.estimates().isEmpty()) {
            RemainingLife.Estimate e = r.estimates().get(r.estimates().size() - 1);
            s += String.format(
                    Locale.ROOT,
                    "; the last at %s: %s (90%% band %s to %s)",
                    FeatureCsv.ISO.format(e.time()),
                    Durations.hours(e.forecast().median()),
                    Durations.hours(e.forecast().low()),
                    Durations.hours(e.forecast().high()));
        }
        return s
                + (r.failureSource().equals("given")
                        ? "."
                        : ". Forecasts above 4x the actual life are drawn at that height.");
    }
}
