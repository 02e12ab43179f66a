package org.bearingworkbench.pipeline.prognosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.TaskContext;

/**
 * Leave-one-bearing-out on the six PRONOSTIA learning bearings by the PHM 2012 challenge's rules: learn from five, cut
 * the sixth at 60, 70, 80 and 90% of its life, forecast at the cut, score the decision value against the actual
 * remaining life. Used by {@code LeaveOneBearingOutTest} and {@code scripts/rul-study.sh}.
 */
final class LeaveOneBearingOut {
    static final List<String> BEARINGS =
            List.of("Bearing1_1", "Bearing1_2", "Bearing2_1", "Bearing2_2", "Bearing3_1", "Bearing3_2");
    static final double[] CUTS = {0.6, 0.7, 0.8, 0.9};

    /** One cut's forecast and its actual remaining life. */
    record Cut(String bearing, double fraction, LifeForecast forecast, double actualSeconds) {
        double score() {
            return PhmScore.of(actualSeconds, forecast.rulSeconds());
        }

        boolean covered() {
            return forecast.lowSeconds() <= actualSeconds && actualSeconds <= forecast.highSeconds();
        }

        double width() {
            return (forecast.highSeconds() - forecast.lowSeconds()) / actualSeconds;
        }
    }

    static Map<String, FeatureTable> open() throws Exception {
        Map<String, FeatureTable> runs = new LinkedHashMap<>();
        for (String b : BEARINGS) {
            runs.put(b, DataSets.open(SharedData.femto(b), TaskContext.silent()).table());
        }
        return runs;
    }

    static List<Cut> run(Map<String, FeatureTable> runs, String feature) {
        List<Cut> cuts = new ArrayList<>();
        for (String held : runs.keySet()) {
            List<LifeModel.Run> learn = runs.entrySet().stream()
                    .filter(e -> !e.getKey().equals(held))
                    .map(e -> new LifeModel.Run(e.getKey(), e.getValue()))
                    .toList();
            LifeModel model = LifeModel.learn(learn, feature, Double.NaN);
            FeatureTable full = runs.get(held);
            double[] ages = HealthTrace.ages(full);
            double life = ages[ages.length - 1];
            for (double f : CUTS) {
                int keep = (int) Math.round(f * full.rowCount());
                FeatureTable cut = firstRows(full, keep);
                List<LifeForecast> all = LifeForecaster.every(model, cut, Double.POSITIVE_INFINITY);
                LifeForecast last = all.get(all.size() - 1);
                cuts.add(new Cut(held, f, last, life - last.ageSeconds()));
            }
        }
        return cuts;
    }

    static FeatureTable firstRows(FeatureTable t, int keep) {
        boolean[] drop = new boolean[t.rowCount()];
        Arrays.fill(drop, keep, drop.length, true);
        return t.withoutRows(drop);
    }

    static String report(List<Cut> cuts) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%-11s %4s %9s %9s %9s %21s %6s  %s%n",
                "bearing",
                "cut",
                "actual_s",
                "rul_s",
                "median_s",
                "90% band (s)",
                "score",
                "method"));
        for (Cut c : cuts) {
            LifeForecast f = c.forecast();
            s.append(String.format(
                    Locale.ROOT,
                    "%-11s %4.0f %9.0f %9.0f %9.0f %21s %6.3f  %s%n",
                    c.bearing(),
                    100 * c.fraction(),
                    c.actualSeconds(),
                    f.rulSeconds(),
                    f.medianSeconds(),
                    String.format(Locale.ROOT, "[%.0f, %.0f]", f.lowSeconds(), f.highSeconds()),
                    c.score(),
                    f.method()));
        }
        s.append(String.format(
                Locale.ROOT,
                "PHM 2012 score %.3f over %d cuts; 90%% band coverage %.2f; median band width %.1f x the actual%n",
                score(cuts),
                cuts.size(),
                coverage(cuts),
                medianWidth(cuts)));
        return s.toString();
    }

    static double score(List<Cut> cuts) {
        return cuts.stream().mapToDouble(Cut::score).average().orElse(Double.NaN);
    }

    static double coverage(List<Cut> cuts) {
        return cuts.stream().filter(Cut::covered).count() / (double) cuts.size();
    }

    static double medianWidth(List<Cut> cuts) {
        double[] w = cuts.stream().mapToDouble(Cut::width).sorted().toArray();
        return (w[(w.length - 1) / 2] + w[w.length / 2]) / 2;
    }
}
