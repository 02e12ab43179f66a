package org.bearingworkbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Assertions;
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
    void theShareOfSamplesAtTheExtremesCountsBothRails() {
        assertEquals(2.0 / 4, features(1, -2, 3, -4)[Feature.CLIP.ordinal()], 0.0, "one max and one min of four");
        assertEquals(4.0 / 6, features(1, 1, -1, 0.5, -1, 0.2)[Feature.CLIP.ordinal()], 0.0, "two at each rail of six");
        assertEquals(1.0, features(0.3, 0.3, 0.3)[Feature.CLIP.ordinal()], 0.0, "a stuck signal: all at the extreme");
    }

    /**
     * Samples too large or too small for the plain sums take the rescaled path: every level scales with the samples
     * (exactly, by a power of two), every shape factor and the clip share stay as they are.
     */
    @Test
    void hugeAndTinySignalsGiveTheScaledFeaturesOfTheSameShape() {
        double[] x = {1, -2, 3, -4, 0.5, 3};
        double[] plain = features(x);
        for (double scale : new double[] {0x1p600, 0x1p-600}) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] * scale;
            }
            double[] f = features(y);
            for (Feature level :
                    new Feature[] {Feature.MEAN_ABS, Feature.RMS, Feature.STD, Feature.PEAK, Feature.P2P}) {
                assertEquals(
                        plain[level.ordinal()] * scale,
                        f[level.ordinal()],
                        1e-14 * plain[level.ordinal()] * scale,
                        level + " at scale " + scale);
            }
            for (Feature shape : new Feature[] {Feature.CREST, Feature.SKEWNESS, Feature.KURTOSIS, Feature.CLIP}) {
                assertEquals(
                        plain[shape.ordinal()],
                        f[shape.ordinal()],
                        1e-13 * Math.max(1, Math.abs(plain[shape.ordinal()])),
                        shape + " at scale " + scale);
            }
            Assertions.assertNull(ChannelStatistics.firstNonFinite(f, 0));
        }
    }

    @Test
    void firstNonFiniteNamesTheFeature() {
        double[] f = features(1, -2, 3);
        Assertions.assertNull(ChannelStatistics.firstNonFinite(f, 0));
        f[Feature.STD.ordinal()] = Double.NaN;
        f[Feature.KURTOSIS.ordinal()] = Double.POSITIVE_INFINITY;
        assertEquals(Feature.STD, ChannelStatistics.firstNonFinite(f, 0));
        double[] both = new double[2 * Feature.values().length];
        System.arraycopy(features(1, 2), 0, both, 0, Feature.values().length);
        both[Feature.values().length + Feature.PEAK.ordinal()] = Double.NaN;
        Assertions.assertNull(ChannelStatistics.firstNonFinite(both, 0));
        assertEquals(Feature.PEAK, ChannelStatistics.firstNonFinite(both, Feature.values().length));
    }

    @Test
    void constantSignalHasZeroShapeFactorsInsteadOfNaN() {
        double[] f = features(0, 0, 0);
        assertEquals(0, f[Feature.CREST.ordinal()]);
        assertEquals(0, f[Feature.SKEWNESS.ordinal()]);
        assertEquals(0, f[Feature.KURTOSIS.ordinal()]);
    }
}
