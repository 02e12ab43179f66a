package org.bearingworkbench.detect;

import java.util.Arrays;

/**
 * Peaks over threshold (extreme value theory, as in SPOT, Siffer et al. 2017): a generalized Pareto distribution is
 * fitted by probability-weighted moments to the training scores above their 90th percentile, and the threshold is the
 * level exceeded with probability q per row.
 */
public record PotMethod(double risk) implements ThresholdMethod {
    static final double TAIL_PERCENTILE = 90;

    public PotMethod {
        if (!(risk > 0 && risk < 0.1)) {
            throw new IllegalArgumentException("pot: risk q in (0, 0.1) (got " + risk + ")");
        }
    }

    @Override
    public String id() {
        return "pot:" + risk;
    }

    @Override
    public double value(double[] s) {
        double u = ThresholdMethod.percentile(s, TAIL_PERCENTILE);
        double[] y =
                Arrays.stream(s).filter(x -> x > u).map(x -> x - u).sorted().toArray();
        if (y.length < 5) {
            return new MaxMarginMethod(1.0).value(s);
        }
        // Hosking & Wallis probability-weighted moments: b0 = mean, b1 = sum (1 - (i+0.65)/n) y_(i) / n
        int n = y.length;
        double b0 = 0;
        double a1 = 0;
        for (int i = 0; i < n; i++) {
            b0 += y[i];
            a1 += (1 - (i + 0.65) / n) * y[i];
        }
        b0 /= n;
        a1 /= n;
        double k = b0 / (b0 - 2 * a1) - 2; // Hosking's k = -xi
        double sigma = 2 * b0 * a1 / (b0 - 2 * a1);
        double xi = -k;
        double ratio = risk * s.length / n;
        if (Math.abs(xi) < 1e-6) {
            return u - sigma * Math.log(ratio);
        }
        return u + sigma / xi * (Math.pow(ratio, -xi) - 1);
    }

    @Override
    public String explain(double v) {
        return "Extreme-value fit (generalized Pareto) to the top 10% of training scores: a healthy row exceeds "
                + ThresholdMethod.fmt(v) + " with probability " + ThresholdMethod.fmt(risk) + ".";
    }
}
