package org.bearingworkbench.detect.baseline;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** The small dense linear algebra the baselines need (a few to a few dozen features): no library for 100 lines. */
public final class Matrices {
    private Matrices() {}

    /** The covariance of {@code rows} (already centred when {@code centre} is null), divided by n-1. */
    public static double[][] covariance(double[][] rows, double[] centre) {
        int n = rows.length;
        int p = rows[0].length;
        double[][] c = new double[p][p];
        for (double[] row : rows) {
            for (int i = 0; i < p; i++) {
                double a = row[i] - (centre == null ? 0 : centre[i]);
                for (int j = i; j < p; j++) {
                    c[i][j] += a * (row[j] - (centre == null ? 0 : centre[j]));
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                c[i][j] /= Math.max(1, n - 1);
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    static double[] mean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] row : rows) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j] / rows.length;
            }
        }
        return m;
    }

    /**
     * Eigenvalues (descending) and eigenvectors (columns of {@code vectors}) of a symmetric matrix by cyclic Jacobi
     * rotations: exact to rounding for the sizes here.
     */
    public record Eigen(double[] values, double[][] vectors) {}

    public static Eigen symmetricEigen(double[][] m) {
        int p = m.length;
        double[][] a = new double[p][];
        for (int i = 0; i < p; i++) {
            a[i] = m[i].clone();
        }
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    if (Math.abs(a[i][j]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[j][j] - a[i][i]) / (2 * a[i][j]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < p; k++) {
                        double aki = a[k][i];
                        double akj = a[k][j];
                        a[k][i] = c * aki - s * akj;
                        a[k][j] = s * aki + c * akj;
                    }
                    for (int k = 0; k < p; k++) {
                        double aik = a[i][k];
                        double ajk = a[j][k];
                        a[i][k] = c * aik - s * ajk;
                        a[j][k] = s * aik + c * ajk;
                    }
                    for (int k = 0; k < p; k++) {
                        double vki = v[k][i];
                        double vkj = v[k][j];
                        v[k][i] = c * vki - s * vkj;
                        v[k][j] = s * vki + c * vkj;
                    }
                }
            }
        }
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[] values = new double[p];
        double[][] vectors = new double[p][p];
        for (int k = 0; k < p; k++) {
            values[k] = a[order[k]][order[k]];
            for (int i = 0; i < p; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
        return new Eigen(values, vectors);
    }

    /** Lower Cholesky factor of a symmetric positive-definite matrix, with a small ridge added when it is not. */
    static double[][] cholesky(double[][] m) {
        int p = m.length;
        double trace = 0;
        for (int i = 0; i < p; i++) {
            trace += m[i][i];
        }
        for (double ridge = 0; ; ridge = ridge == 0 ? 1e-10 * Math.max(trace / p, 1e-300) : ridge * 100) {
            double[][] l = new double[p][p];
            boolean ok = true;
            for (int i = 0; i < p && ok; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = m[i][j] + (i == j ? ridge : 0);
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        if (!(s > 0)) {
                            ok = false;
                            break;
                        }
                        l[i][i] = Math.sqrt(s);
                    } else {
                        l[i][j] = s / l[j][j];
                    }
                }
            }
            if (ok) {
                return l;
            }
            if (ridge > trace) {
                throw new IllegalArgumentException(
                        "the training rows' covariance is degenerate (constant or collinear features)");
            }
        }
    }

    /** log det of the matrix whose Cholesky factor is {@code l}. */
    static double logDet(double[][] l) {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += 2 * Math.log(l[i][i]);
        }
        return s;
    }

    /** Solves (L L^T) x = b. */
    static double[] solve(double[][] l, double[] b) {
        int p = l.length;
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** The p-quantile of chi-square with k degrees of freedom (Commons Math, exact to its solver's 1e-9). */
    static double chiSquareQuantile(int k, double p) {
        return new ChiSquaredDistribution(null, k).inverseCumulativeProbability(p);
    }
}
