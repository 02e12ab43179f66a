package org.bearingworkbench.detect;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The standard normal quantile function (Commons Math: the inverse of its erf-based distribution function). */
public final class Normal {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private Normal() {}

    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + p);
        }
        return STANDARD.inverseCumulativeProbability(p);
    }
}
