package org.bearingworkbench.detect.baseline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.bearingworkbench.model.Scores;

/**
 * Robust Mahalanobis distance: location and scatter by the minimum covariance determinant (the h = (n + p + 1) / 2
 * training rows whose covariance has the smallest determinant), found by the C-step algorithm of FAST-MCD (Rousseeuw
 * and Van Driessen, Technometrics 41, 1999: {@value #STARTS} random (p+1)-subsets, C-steps to convergence), made
 * consistent at the normal (scaled by median d^2 / chi2_p(0.5)) and reweighted (rows with d^2 <= chi2_p(0.975)).
 * A few outlying training rows (a bad file, a run-in transient) do not inflate it as they do the classical estimate.
 * Score: the squared robust distance; per-feature contributions z_j (S^-1 z)_j, negative terms set to 0. Seeded, so
 * the same rows give the same fit.
 */
public final class McdDetector implements Detector {
    static final int STARTS = 60;
    private final long seed;

    public McdDetector(long seed) {
        this.seed = seed;
    }

    @Override
    public String id() {
        return "mcd";
    }

    @Override
    public String label() {
        return "Robust Mahalanobis (MCD)";
    }

    /** The MCD estimate of {@code x}: reweighted location and covariance, and the size of the subset. */
    record Estimate(double[] location, double[][] covariance, int h, int inliers) {}

    Estimate estimate(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        if (n < p + 2) {
            throw new IllegalArgumentException(
                    "robust Mahalanobis needs more training rows (" + n + ") than features + 1 (" + (p + 1) + ")");
        }
        int h = (n + p + 1) / 2;
        Random random = new Random(seed);
        double bestDet = Double.POSITIVE_INFINITY;
        int[] best = null;
        for (int s = 0; s < STARTS; s++) {
            int[] subset = randomSubset(random, n, p + 1);
            double[] mu = Matrices.mean(pick(x, subset));
            double[][] cov = Matrices.covariance(pick(x, subset), mu);
            double det = Double.POSITIVE_INFINITY;
            for (int step = 0; step < 50; step++) {
                double[][] l = Matrices.cholesky(cov);
                int[] next = smallest(distances(x, mu, l), h);
                double[][] rows = pick(x, next);
                mu = Matrices.mean(rows);
                cov = Matrices.covariance(rows, mu);
                double d = Matrices.logDet(Matrices.cholesky(cov));
                subset = next;
                if (d >= det - 1e-12) {
                    det = Math.min(det, d);
                    break;
                }
                det = d;
            }
            if (det < bestDet) {
                bestDet = det;
                best = subset;
            }
        }
        double[][] rows = pick(x, best);
        double[] mu = Matrices.mean(rows);
        double[][] cov = Matrices.covariance(rows, mu);
        double[] d2 = distances(x, mu, Matrices.cholesky(cov));
        double[] sorted = d2.clone();
        Arrays.sort(sorted);
        double factor = sorted[n / 2] / Matrices.chiSquareQuantile(p, 0.5);
        for (double[] row : cov) {
            for (int j = 0; j < p; j++) {
                row[j] *= factor;
            }
        }
        double[] scaledD2 = distances(x, mu, Matrices.cholesky(cov));
        double cut = Matrices.chiSquareQuantile(p, 0.975);
        int[] inliers = IntStream.range(0, n).filter(i -> scaledD2[i] <= cut).toArray();
        if (inliers.length > p + 1) {
            double[][] in = pick(x, inliers);
            mu = Matrices.mean(in);
            cov = Matrices.covariance(in, mu);
        }
        return new Estimate(mu, cov, h, inliers.length);
    }

    @Override
    public Fitted fit(double[][] train) {
        Standardizer st = Standardizer.fit(train);
        Estimate e = estimate(st.z(train));
        double[][] l = Matrices.cholesky(e.covariance());
        int p = train[0].length;
        return new Fitted() {
            @Override
            public Scores score(double[][] rows) {
                double[] score = new double[rows.length];
                double[][] contrib = new double[rows.length][p];
                double[][] scaled = new double[rows.length][];
                for (int r = 0; r < rows.length; r++) {
                    double[] z = st.z(rows[r]);
                    scaled[r] = st.scaled(rows[r]);
                    double[] d = new double[p];
                    for (int j = 0; j < p; j++) {
                        d[j] = z[j] - e.location()[j];
                    }
                    double[] w = Matrices.solve(l, d);
                    for (int j = 0; j < p; j++) {
                        score[r] += d[j] * w[j];
                        contrib[r][j] = Math.max(0, d[j] * w[j]);
                    }
                }
                return new Scores(score, contrib, scaled);
            }

            @Override
            public String describe() {
                return String.format(
                        Locale.ROOT,
                        "MCD subset of %d of %d training rows; %d rows kept after reweighting",
                        e.h(),
                        train.length,
                        e.inliers());
            }
        };
    }

    private static double[] distances(double[][] x, double[] mu, double[][] l) {
        double[] d2 = new double[x.length];
        double[] d = new double[mu.length];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < d.length; j++) {
                d[j] = x[r][j] - mu[j];
            }
            double[] w = Matrices.solve(l, d);
            for (int j = 0; j < d.length; j++) {
                d2[r] += d[j] * w[j];
            }
        }
        return d2;
    }

    private static int[] smallest(double[] d2, int h) {
        Integer[] order = new Integer[d2.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(d2[a], d2[b]));
        int[] out = new int[h];
        for (int i = 0; i < h; i++) {
            out[i] = order[i];
        }
        Arrays.sort(out);
        return out;
    }

    private static int[] randomSubset(Random random, int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, k);
        Arrays.sort(out);
        return out;
    }

    private static double[][] pick(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }
}
