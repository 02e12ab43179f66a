package org.bearingworkbench.detect;

import java.util.Arrays;

/** An alarm is raised when at least {@code n} of the last {@code m} rows are flagged (default 3 of 3). */
public record PersistenceRule(int n, int m) {
    public PersistenceRule {
        if (m < 1 || m > 1000 || n < 1 || n > m) {
            throw new IllegalArgumentException(
                    "persistence: N of M with 1 <= N <= M <= 1000 (got " + n + "/" + m + ")");
        }
    }

    public static PersistenceRule defaults() {
        return new PersistenceRule(3, 3);
    }

    /** Parses {@code 3/3}. */
    public static PersistenceRule parse(String s) {
        String[] p = s.trim().split("/");
        try {
            if (p.length == 2) {
                return new PersistenceRule(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("persistence: expected N/M such as 3/3 (got '" + s + "')");
    }

    /** Whether each row is in alarm: at least n of the m rows ending at it are flagged. */
    public boolean[] apply(boolean[] flagged) {
        boolean[] alarm = new boolean[flagged.length];
        int inWindow = 0;
        for (int i = 0; i < flagged.length; i++) {
            if (flagged[i]) {
                inWindow++;
            }
            if (i >= m && flagged[i - m]) {
                inWindow--;
            }
            alarm[i] = inWindow >= n;
        }
        return alarm;
    }

    /**
     * The highest score level the rows sustained under this rule: the largest value t such that some m-row window
     * has n rows scoring at least t (the n-th largest score of the worst window).
     */
    public double sustainedMax(double[] scores) {
        double best = Double.NEGATIVE_INFINITY;
        double[] w = new double[m];
        for (int end = Math.min(m, scores.length) - 1; end < scores.length; end++) {
            int len = Math.min(m, end + 1);
            System.arraycopy(scores, end - len + 1, w, 0, len);
            Arrays.sort(w, 0, len);
            if (len >= n) {
                best = Math.max(best, w[len - n]);
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return n + "/" + m;
    }
}
