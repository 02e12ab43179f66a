package org.bearingworkbench.detect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * A way to choose the anomaly threshold from the training rows' scores. Each method has an id with its parameters
 * ({@code percentile:99}) that the CLI parses and the GUI offers, and explains itself in one sentence.
 */
public interface ThresholdMethod {

    /** Id with parameters, as the CLI accepts it: {@code sigma:3}. */
    String id();

    /** The threshold value for these training scores. */
    double value(double[] trainScores);

    /** One sentence a user can read next to the threshold. */
    String explain(double value);

    default ThresholdResult apply(double[] trainScores) {
        double v = value(trainScores);
        return new ThresholdResult(v, id(), explain(v), shareAbove(trainScores, v));
    }

    static double shareAbove(double[] scores, double threshold) {
        int n = 0;
        for (double s : scores) {
            if (s > threshold) {
                n++;
            }
        }
        return scores.length == 0 ? 0 : n / (double) scores.length;
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Linear-interpolated percentile (numpy's default), {@code p} in [0, 100]. */
    static double percentile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /** Median absolute deviation scaled to a normal standard deviation (x 1.4826). */
    static double robustSigma(double[] v) {
        double med = percentile(v, 50);
        double[] dev = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            dev[i] = Math.abs(v[i] - med);
        }
        return 1.4826 * percentile(dev, 50);
    }
}
