package org.bearingworkbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChannelStatisticsTest {
    private static double[] features(double... x) {
        double[] out = new double[Feature.values().length];
        ChannelStatistics.compute(x, x.length, out, 0);
        return out;
    }

    @Test
    void computesEachFeatureOfASmallSignal() {
        double[] f = features(1, -2, 3, -4);
        assertEquals(2.5, f[Feature.MEAN_ABS.ordinal()], 1e-15);
        assertEquals(Math.sqrt(7.5), f[Feature.RMS.ordinal()], 1e-15);
        assertEquals(Math.sqrt(7.25), f[Feature.STD.ordinal()], 1e-15); // mean -0.5, population variance 7.25
        assertEquals(4, f[Feature.PEAK.ordinal()]);
        assertEquals(7, f[Feature.P2P.ordinal()]);
        assertEquals(4 / Math.sqrt(7.5), f[Feature.CREST.ordinal()], 1e-15);
        double m2 = 7.25;
        double m3 = (Math.pow(1.5, 3) + Math.pow(-1.5, 3) + Math.pow(3.5, 3) + Math.pow(-3.5, 3)) / 4;
        double m4 = (2 * Math.pow(1.5, 4) + 2 * Math.pow(3.5, 4)) / 4;
        assertEquals(m3 / Math.pow(m2, 1.5), f[Feature.SKEWNESS.ordinal()], 1e-15);
        assertEquals(m4 / (m2 * m2), f[Feature.KURTOSIS.ordinal()], 1e-14);
    }

    @Test
    void constantSignalHasZeroShapeFactorsInsteadOfNaN() {
        double[] f = features(0, 0, 0);
        assertEquals(0, f[Feature.CREST.ordinal()]);
        assertEquals(0, f[Feature.SKEWNESS.ordinal()]);
        assertEquals(0, f[Feature.KURTOSIS.ordinal()]);
    }
}
