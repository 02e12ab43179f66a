package org.bearingworkbench.pipeline.prognosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.cli.CliRunner;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.SplitConfig;
import org.junit.jupiter.api.Test;

/** Feature ranking, the health indicator and remaining-life forecasts. */
class RemainingLifeTest {
    @Test
    void monotonicityAndTrendabilityFollowTheirDefinitions() {
        assertEquals(1.0, FeatureRanking.monotonicity(new double[] {1, 2, 3, 4, 5}));
        assertEquals(0.5, FeatureRanking.monotonicity(new double[] {1, 2, 3, 2, 4}));
        assertEquals(0.0, FeatureRanking.monotonicity(new double[] {1, 2, 1, 2, 1}));
        assertEquals(1.0, FeatureRanking.trendability(new double[] {5, 4, 3, 2, 1}), 1e-12);
        assertEquals(new double[] {1, 1.5, 2.5, 3.5}[3], FeatureRanking.smooth(new double[] {1, 2, 3, 4}, 2)[3], 1e-12);
    }

    @Test
    void anExponentialRiseIsForecastToTheRunsEnd() {
        // 100 flat hours, then h = 1 + 0.5 exp(0.05 t) (2% noise) until the failure at hour 219; evaluated in
        // with the failure level stated (the indicator at the last file), forecasts should find that hour
        int n = 220;
        List<LocalDateTime> ts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        double[] h = new double[n];
        Random noise = new Random(3);
        for (int i = 0; i < n; i++) {
            ts.add(LocalDateTime.of(2025, 1, 1, 0, 0).plusHours(i));
            files.add("f" + i);
            h[i] = 1 + 0.5 * Math.exp(0.05 * Math.max(0, i - 100)) * Math.exp(0.02 * noise.nextGaussian());
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("ch1_rms", h);
        FeatureTable t = FeatureTable.of("rise", null, ts, files, new int[n], cols);
        RemainingLife none = RemainingLife.of(t, List.of("ch1_rms"), 100, 1, 1, null, 12);
        assertTrue(none.estimates().isEmpty(), "no level, no hindsight: the last file is not the failure");
        assertTrue(none.failureSource().startsWith("none given"), none.failureSource());
        double level = none.indicator().values()[n - 1];
        RemainingLife r = RemainingLife.of(t, List.of("ch1_rms"), 100, 1, 1, level, 12);
        assertTrue(r.onset() > 100 && r.onset() < 120, "onset " + r.onset());
        int checked = 0;
        for (RemainingLife.Estimate e : r.estimates()) {
            double actual = n - 1 - e.row();
            if (e.row() >= r.onset() + 30) { // enough of the rise seen
                // within a third of the time left: the model's floor (the healthy level less its spread) is not the
                // series' true floor, which biases early forecasts; they close in as the rise goes on
                assertEquals(n - 1, e.row() + e.forecast().median(), actual / 3 + 2, "end forecast at row " + e.row());
                assertTrue(e.forecast().low() <= e.forecast().median()
                        && e.forecast().median() <= e.forecast().high());
                checked++;
            }
        }
        assertTrue(checked >= 3, "forecasts checked: " + checked);
    }

    @Test
    void theSampleRunHasAnOnsetAfterTrainingAndForecasts() throws Exception {
        FeatureTable t = SampleData.table();
        List<String> cols = t.featureColumns().stream()
                .filter(c -> c.endsWith("_rms") || c.endsWith("_mean_abs"))
                .toList();
        RemainingLife r = RemainingLife.of(t, cols, 72, 2, 6, null, 6);
        assertTrue(r.onset() >= 72, "onset " + r.onset());
        assertTrue(r.estimates().isEmpty(), "no failure level given: no forecast");
        RemainingLife given = RemainingLife.of(t, cols, 72, 2, 6, 10.0, 6);
        assertTrue(!given.estimates().isEmpty());
        for (int i = 1; i < r.ranking().ranks().size(); i++) {
            assertTrue(r.ranking().ranks().get(i - 1).fitness()
                    >= r.ranking().ranks().get(i).fitness());
        }
    }

    @Test
    void imsTest2OnsetIndicatorAndTheForecastHalfADayAfterTheOnset() throws Exception {
        FeatureTable t = FeatureCsv.read(SharedData.file("ims-test2/features_truth.csv"));
        String[] out = CliRunner.run(
                "rul",
                SharedData.file("ims-test2/features_truth.csv").toString(),
                "--train-until",
                "2004-02-15 12:52:39");
        assertEquals("0", out[0], out[2]);
        assertTrue(out[1].contains("degradation onset 2004-02-16 03:52:39"), out[1]);
        assertTrue(out[1].contains("first principal component of [ch1_mean_abs, ch1_std, ch1_rms]"), out[1]);
        assertTrue(out[1].contains("no forecast: none given"), out[1]);
        List<String> cols = t.featureColumns().stream()
                .filter(c -> c.matches("ch\\d+_.*") && !c.endsWith("_clip"))
                .toList();
        int train = SplitConfig.until(SplitConfig.STUDY_TEST2).trainRows(t);
        double[] h =
                RemainingLife.of(t, cols, train, 3, 12, null, 12).indicator().values();
        RemainingLife r = RemainingLife.of(t, cols, train, 3, 12, h[h.length - 1], 12);
        RemainingLife.Estimate halfDay = r.estimates().get(1);
        double actual =
                Duration.between(halfDay.time(), t.timestamp(t.rowCount() - 1)).toSeconds() / 3600.0;
        assertEquals(62.5, actual, 0.01);
        assertEquals(actual, halfDay.forecast().median(), 10, "66.3 h predicted vs 62.5 h");
    }
}
