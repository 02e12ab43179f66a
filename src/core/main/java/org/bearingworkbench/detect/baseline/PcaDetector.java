package org.bearingworkbench.detect.baseline;

import java.util.Locale;
import org.bearingworkbench.model.Scores;

/**
 * Principal component analysis of the standardized training rows, keeping the components that explain
 * {@value #EXPLAINED} of the variance (at least one; at most all but one, so a residual remains). Two statistics, two
 * detectors: Hotelling's T-squared (distance inside the model plane, each component weighted by its variance) and the
 * squared prediction error SPE, also called Q (distance from the plane), as in MacGregor and Kourti, "Statistical
 * process control of multivariate processes", Control Engineering Practice 3 (1995). Per-feature contributions: for
 * SPE the squared residual of each feature; for T-squared the complete-decomposition terms z_j (P L^-1 P^T z)_j
 * (Alcala and Qin, 2009), negative terms set to 0.
 */
public final class PcaDetector implements Detector {
    static final double EXPLAINED = 0.90;
    private final boolean spe;

    private PcaDetector(boolean spe) {
        this.spe = spe;
    }

    public static PcaDetector hotellingT2() {
        return new PcaDetector(false);
    }

    public static PcaDetector spe() {
        return new PcaDetector(true);
    }

    @Override
    public String id() {
        return spe ? "pca-spe" : "pca-t2";
    }

    @Override
    public String label() {
        return spe ? "PCA, SPE (Q)" : "PCA, Hotelling T²";
    }

    @Override
    public Fitted fit(double[][] train) {
        Standardizer st = Standardizer.fit(train);
        double[][] z = st.z(train);
        Matrices.Eigen e = Matrices.symmetricEigen(Matrices.covariance(z, null));
        int p = e.values().length;
        double total = 0;
        for (double v : e.values()) {
            total += Math.max(0, v);
        }
        int k = 0;
        double sum = 0;
        while (k < p && (k == 0 || sum < EXPLAINED * total)) {
            sum += Math.max(0, e.values()[k]);
            k++;
        }
        k = Math.max(1, Math.min(k, p - 1 == 0 ? 1 : p - 1));
        int kept = k;
        double explained = total > 0 ? sum / total : 1;
        double[] lambda = new double[kept];
        for (int i = 0; i < kept; i++) {
            lambda[i] = Math.max(e.values()[i], 1e-12 * Math.max(total, 1e-300));
        }
        double[][] vectors = e.vectors();
        return new Fitted() {
            @Override
            public Scores score(double[][] rows) {
                int n = rows.length;
                double[] score = new double[n];
                double[][] contrib = new double[n][p];
                double[][] scaled = new double[n][];
                for (int r = 0; r < n; r++) {
                    double[] x = st.z(rows[r]);
                    scaled[r] = st.scaled(rows[r]);
                    double[] t = new double[kept];
                    for (int i = 0; i < kept; i++) {
                        for (int j = 0; j < p; j++) {
                            t[i] += vectors[j][i] * x[j];
                        }
                    }
                    if (spe) {
                        for (int j = 0; j < p; j++) {
                            double xhat = 0;
                            for (int i = 0; i < kept; i++) {
                                xhat += vectors[j][i] * t[i];
                            }
                            double res = x[j] - xhat;
                            contrib[r][j] = res * res;
                            score[r] += res * res;
                        }
                    } else {
                        for (int i = 0; i < kept; i++) {
                            score[r] += t[i] * t[i] / lambda[i];
                        }
                        for (int j = 0; j < p; j++) {
                            double m = 0;
                            for (int i = 0; i < kept; i++) {
                                m += vectors[j][i] * t[i] / lambda[i];
                            }
                            contrib[r][j] = Math.max(0, x[j] * m);
                        }
                    }
                }
                return new Scores(score, contrib, scaled);
            }

            @Override
            public String describe() {
                return String.format(
                        Locale.ROOT,
                        "%d of %d components kept (%.1f%% of the training variance)",
                        kept,
                        p,
                        100 * explained);
            }
        };
    }
}
