package org.bearingworkbench.detect.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.model.Scores;
import org.junit.jupiter.api.Test;

/**
 * The baselines against scikit-learn 1.2 on a fixture (scripts/fixtures/baseline_sklearn.py: 300 training rows of 4
 * correlated features, 15 of them contaminated; 120 test rows, the last 20 shifted in feature 1).
 */
class BaselineDetectorsTest {
    private static final Path DIR = SampleData.root().resolve("src/core/test/resources/baseline");

    private static double[][] csv(String name, boolean header) throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve(name));
        return lines.stream()
                .skip(header ? 1 : 0)
                .filter(l -> !l.isBlank())
                .map(l -> Arrays.stream(l.split(","))
                        .mapToDouble(Double::parseDouble)
                        .toArray())
                .toArray(double[][]::new);
    }

    private static double[] column(double[][] m, int c) {
        return Arrays.stream(m).mapToDouble(r -> r[c]).toArray();
    }

    @Test
    void pcaT2AndSpeEqualScikitLearns() throws Exception {
        double[][] train = csv("train.csv", false);
        double[][] test = csv("test.csv", false);
        double[][] want = csv("pca_expected.csv", true);
        Scores t2 = PcaDetector.hotellingT2().fit(train).score(test);
        Scores spe = PcaDetector.spe().fit(train).score(test);
        for (int r = 0; r < test.length; r++) {
            assertEquals(want[r][0], t2.score()[r], 1e-9 * Math.max(1, want[r][0]), "T2 row " + r);
            assertEquals(want[r][1], spe.score()[r], 1e-9 * Math.max(1, want[r][1]), "SPE row " + r);
            double sum = Arrays.stream(spe.errors()[r]).sum();
            assertEquals(spe.score()[r], sum, 1e-9 * Math.max(1, sum), "SPE contributions add up");
        }
        assertTrue(PcaDetector.spe().fit(train).describe().startsWith("2 of 4 components kept"));
    }

    @Test
    void mcdFindsScikitLearnsRobustFitAndIgnoresTheContaminatedTrainingRows() throws Exception {
        double[][] train = csv("train.csv", false);
        double[][] test = csv("test.csv", false);
        double[] want = column(csv("mcd_expected.csv", true), 0);
        McdDetector mcd = new McdDetector(7);
        Standardizer st = Standardizer.fit(train);
        McdDetector.Estimate e = mcd.estimate(st.z(train));
        double[] location = csv("mcd_location.csv", false)[0];
        for (int j = 0; j < 4; j++) {
            assertEquals(location[j], e.location()[j], 0.02, "location " + j);
        }
        double[] got = mcd.fit(train).score(test).score();
        // the same robust fit: distances agree to a few percent (scikit-learn divides covariances by n, this by n-1;
        // both take exact chi-square quantiles)
        for (int r = 0; r < test.length; r++) {
            assertEquals(want[r], got[r], 0.06 * want[r] + 0.05, "row " + r);
        }
        assertEquals(auc(want, 100), auc(got, 100), 0.02, "AUC, scikit-learn's " + auc(want, 100));
        // the 15 contaminated training rows are outside the reweighted fit, as in scikit-learn (277 rows kept)
        assertEquals(277, e.inliers(), 5);
        double[] train2 = mcd.fit(train).score(train).score();
        double cut = Matrices.chiSquareQuantile(4, 0.975);
        for (int r = 0; r < 15; r++) {
            assertTrue(train2[r] > cut, "contaminated training row " + r + ": " + train2[r]);
        }
    }

    @Test
    void isolationForestRanksTheShiftedRowsAsScikitLearnsDoes() throws Exception {
        double[][] train = csv("train.csv", false);
        double[][] test = csv("test.csv", false);
        double[] want = column(csv("iforest_expected.csv", true), 0);
        double[] got = new IsolationForestDetector(1).fit(train).score(test).score();
        assertTrue(spearman(want, got) > 0.9, "rank correlation with scikit-learn " + spearman(want, got));
        // as good at telling the shifted rows from the ordinary ones as scikit-learn's forest (a different draw)
        assertEquals(auc(want, 100), auc(got, 100), 0.05, "AUC, scikit-learn's " + auc(want, 100));
        double[] again = new IsolationForestDetector(1).fit(train).score(test).score();
        assertTrue(Arrays.equals(got, again), "seeded: the same fit");
        for (double s : got) {
            assertTrue(s > 0 && s < 1, "a score in (0, 1): " + s);
        }
    }

    /**
     * Share of (shifted, ordinary) pairs where the shifted test row scores higher; rows from {@code split} are
     * shifted.
     */
    private static double auc(double[] s, int split) {
        int good = 0;
        for (int i = split; i < s.length; i++) {
            for (int j = 0; j < split; j++) {
                good += s[i] > s[j] ? 1 : 0;
            }
        }
        return good / (double) ((s.length - split) * split);
    }

    private static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElseThrow();
        double mb = Arrays.stream(rb).average().orElseThrow();
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }

    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[order[i]] = i;
        }
        return r;
    }
}
