package org.bearingworkbench.detect.baseline;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * The dense linear algebra the baselines need (a few to a few dozen features): covariance, the symmetric eigen
 * decomposition and the Cholesky factor from Commons Math (decision 0013), the triangular solves on that factor here.
 */
public final class Matrices {
    private Matrices() {}

    /**
     * The covariance of {@code rows}, divided by n-1. {@code centre} is the rows' own mean (or null when they are
     * centred already): the callers pass nothing else, and Commons Math centres on the mean itself.
     */
    public static double[][] covariance(double[][] rows, double[] centre) {
        if (rows.length < 2) {
            return new double[rows[0].length][rows[0].length];
        }
        return new Covariance(rows, true).getCovarianceMatrix().getData();
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

    /** Eigenvalues (descending) and eigenvectors (columns of {@code vectors}) of a symmetric matrix. */
    public record Eigen(double[] values, double[][] vectors) {}

    public static Eigen symmetricEigen(double[][] m) {
        EigenDecomposition d = new EigenDecomposition(new Array2DRowRealMatrix(m, true));
        double[] raw = d.getRealEigenvalues();
        int p = raw.length;
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(raw[y], raw[x]));
        double[] values = new double[p];
        double[][] vectors = new double[p][p];
        for (int k = 0; k < p; k++) {
            values[k] = raw[order[k]];
            double[] v = d.getEigenvector(order[k]).toArray();
            for (int i = 0; i < p; i++) {
                vectors[i][k] = v[i];
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
            RealMatrix a = new Array2DRowRealMatrix(m, true);
            for (int i = 0; i < p; i++) {
                a.addToEntry(i, i, ridge);
            }
            try {
                return new CholeskyDecomposition(a, 1e-12, 0).getL().getData();
            } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
                if (ridge > trace) {
                    throw new IllegalArgumentException(
                            "the training rows' covariance is degenerate (constant or collinear features)", e);
                }
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
