package org.bearingworkbench.pipeline.prognosis;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bearingworkbench.features.FeatureTable;

/** Synthetic runs to failure for life-model tests: flat, then an exponential rise over the last fifth. */
public final class SyntheticRuns {
    private SyntheticRuns() {}

    /** A run of {@code n} snapshots 10 s apart: RMS 0.5 g, rising exponentially over its last fifth to ~5x. */
    public static FeatureTable run(String name, int n, long seed) {
        Random noise = new Random(seed);
        List<LocalDateTime> ts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        double[][] rms = new double[2][n];
        double[] kurt = new double[n];
        LocalDateTime t0 = LocalDateTime.of(2020, 1, 1, 8, 0);
        for (int i = 0; i < n; i++) {
            ts.add(t0.plusSeconds(10L * i));
            files.add(String.format("acc_%05d.csv", i + 1));
            double rise = i > 0.8 * n ? Math.exp(8.0 * (i - 0.8 * n) / n) : 1;
            for (int ch = 0; ch < 2; ch++) {
                rms[ch][i] = 0.5 * rise * (1 + 0.05 * noise.nextGaussian());
            }
            kurt[i] = 3 + 0.1 * noise.nextGaussian();
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("ch1_rms", rms[0]);
        cols.put("ch2_rms", rms[1]);
        cols.put("ch1_kurtosis", kurt);
        cols.put("ch2_kurtosis", kurt.clone());
        return FeatureTable.of(name, null, ts, files, new int[n], cols);
    }

    /** A life model learned from two synthetic runs to failure (600 and 900 snapshots). */
    public static LifeModel lifeModel() {
        return LifeModel.learn(
                List.of(new LifeModel.Run("a", run("a", 600, 1)), new LifeModel.Run("b", run("b", 900, 2))),
                null,
                Double.NaN);
    }
}
