package org.bearingworkbench.detect.baseline;

import java.util.Locale;
import java.util.Random;
import org.bearingworkbench.model.Scores;

/**
 * Isolation forest (Liu, Ting and Zhou, ICDM 2008): {@value #TREES} trees, each grown on {@value #SAMPLE} training
 * rows drawn without replacement, splitting on a random feature at a random value until a row is alone or the height
 * limit ceil(log2 sample) is reached. Score s(x) = 2^(-E[h(x)] / c(sample)): near 1 for rows isolated in few splits,
 * below 0.5 for ordinary ones. It has no per-feature decomposition; the contribution reported is each feature's
 * standardized distance from its training mean (|z|), so "top channel" is the most deviating one. Seeded.
 */
public final class IsolationForestDetector implements Detector {
    static final int TREES = 200;
    static final int SAMPLE = 256;
    private final long seed;

    public IsolationForestDetector(long seed) {
        this.seed = seed;
    }

    @Override
    public String id() {
        return "iforest";
    }

    @Override
    public String label() {
        return "Isolation forest";
    }

    /** A node: a leaf (feature -1) with its size, or a split. */
    private record Node(int feature, double value, Node left, Node right, int size) {}

    @Override
    public Fitted fit(double[][] train) {
        Standardizer st = Standardizer.fit(train);
        Random random = new Random(seed);
        int psi = Math.min(SAMPLE, train.length);
        int limit = (int) Math.ceil(Math.log(Math.max(2, psi)) / Math.log(2));
        Node[] trees = new Node[TREES];
        for (int t = 0; t < TREES; t++) {
            int[] idx = new int[train.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            for (int i = 0; i < psi; i++) {
                int j = i + random.nextInt(idx.length - i);
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
            }
            double[][] sample = new double[psi][];
            for (int i = 0; i < psi; i++) {
                sample[i] = train[idx[i]];
            }
            trees[t] = grow(sample, 0, limit, random);
        }
        double norm = c(psi);
        int p = train[0].length;
        return new Fitted() {
            @Override
            public Scores score(double[][] rows) {
                double[] score = new double[rows.length];
                double[][] contrib = new double[rows.length][p];
                double[][] scaled = new double[rows.length][];
                for (int r = 0; r < rows.length; r++) {
                    double h = 0;
                    for (Node tree : trees) {
                        h += path(tree, rows[r], 0);
                    }
                    score[r] = Math.pow(2, -(h / trees.length) / norm);
                    double[] z = st.z(rows[r]);
                    for (int j = 0; j < p; j++) {
                        contrib[r][j] = Math.abs(z[j]);
                    }
                    scaled[r] = st.scaled(rows[r]);
                }
                return new Scores(score, contrib, scaled);
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "%d trees of %d rows each (height limit %d)", TREES, psi, limit);
            }
        };
    }

    private static Node grow(double[][] rows, int depth, int limit, Random random) {
        if (depth >= limit || rows.length <= 1) {
            return new Node(-1, 0, null, null, rows.length);
        }
        int p = rows[0].length;
        int start = random.nextInt(p);
        for (int k = 0; k < p; k++) {
            int f = (start + k) % p;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] r : rows) {
                lo = Math.min(lo, r[f]);
                hi = Math.max(hi, r[f]);
            }
            if (hi > lo) {
                double v = lo + random.nextDouble() * (hi - lo);
                int left = 0;
                for (double[] r : rows) {
                    left += r[f] < v ? 1 : 0;
                }
                double[][] a = new double[left][];
                double[][] b = new double[rows.length - left][];
                int ia = 0;
                int ib = 0;
                for (double[] r : rows) {
                    if (r[f] < v) {
                        a[ia++] = r;
                    } else {
                        b[ib++] = r;
                    }
                }
                return new Node(
                        f, v, grow(a, depth + 1, limit, random), grow(b, depth + 1, limit, random), rows.length);
            }
        }
        return new Node(-1, 0, null, null, rows.length); // all rows equal
    }

    private static double path(Node n, double[] x, int depth) {
        if (n.feature() < 0) {
            return depth + c(n.size());
        }
        return path(x[n.feature()] < n.value() ? n.left() : n.right(), x, depth + 1);
    }

    /** Average path length of an unsuccessful search in a binary search tree of n rows. */
    static double c(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1) + 0.5772156649015329) - 2.0 * (n - 1) / n;
    }
}
