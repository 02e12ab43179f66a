package org.bearingworkbench.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdMethodsTest {
    private static final PersistenceRule RULE = PersistenceRule.defaults();

    private static double[] ramp(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + 1;
        }
        return v;
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        assertEquals(99.01, new PercentileMethod(99).value(ramp(100)), 1e-9);
        assertEquals(0.01, new PercentileMethod(99).apply(ramp(100)).trainFlaggedShare(), 1e-12);
    }

    @Test
    void sigmaIsMeanPlusKPopulationStd() {
        assertEquals(2.5 + 3 * Math.sqrt(1.25), new SigmaMethod(3).value(new double[] {1, 2, 3, 4}), 1e-12);
    }

    @Test
    void maxMarginScalesTheLargestScore() {
        assertEquals(4.4, new MaxMarginMethod(1.1).value(new double[] {1, 4, 2}), 1e-12);
        assertEquals(0, new MaxMarginMethod(1.1).apply(new double[] {1, 4, 2}).trainFlaggedShare());
    }

    @Test
    void lognormalFitRecoversTheTrueTailQuantile() {
        Random rnd = new Random(1);
        double[] s = new double[200_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(-2 + 0.5 * rnd.nextGaussian());
        }
        double expected = Math.exp(-2 + 0.5 * 3.090232);
        assertEquals(
                expected,
                new DistributionFitMethod(DistributionFitMethod.Family.LOGNORMAL, 0.001).value(s),
                expected * 0.01);
    }

    /**
     * Scores with mean 2 and variance 2 fit gamma(shape 2, scale 1), whose 0.999 quantile is half the chi-square
     * (4 degrees of freedom) quantile 18.4668: 9.2334 (the Wilson-Hilferty approximation used before gave ~0.5% more).
     */
    @Test
    void gammaFitTakesTheExactQuantile() {
        double[] s = new double[200_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = 2 + (i % 2 == 0 ? 1 : -1) * Math.sqrt(2);
        }
        assertEquals(9.23341, new DistributionFitMethod(DistributionFitMethod.Family.GAMMA, 0.001).value(s), 2e-3);
        assertEquals(3.090232306167813, Normal.quantile(0.999), 1e-12);
        assertEquals(-1.6448536269514729, Normal.quantile(0.05), 1e-12);
    }

    @Test
    void gammaFitRecoversTheExponentialTailQuantile() {
        Random rnd = new Random(2);
        double[] s = new double[200_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = -Math.log(1 - rnd.nextDouble());
        }
        assertEquals(
                Math.log(1000), new DistributionFitMethod(DistributionFitMethod.Family.GAMMA, 0.001).value(s), 0.15);
    }

    @Test
    void peaksOverThresholdRecoversTheExponentialTailQuantile() {
        Random rnd = new Random(3);
        double[] s = new double[100_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = -Math.log(1 - rnd.nextDouble());
        }
        assertEquals(Math.log(1e4), new PotMethod(1e-4).value(s), 0.3);
    }

    @Test
    void robustDefaultNeverRaisesASustainedAlarmOnItsOwnTrainingScores() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 50; trial++) {
            double[] s = new double[400];
            double level = 0.1;
            for (int i = 0; i < s.length; i++) {
                level = 0.1 + 0.9 * (level - 0.1) + 0.02 * rnd.nextGaussian(); // autocorrelated
                s[i] = Math.abs(level) + (rnd.nextDouble() < 0.01 ? 1 : 0); // with spikes
            }
            double t = Thresholds.defaultMethod(RULE).value(s);
            assertEquals(0, Alarms.compute(s, s.length, t, RULE).trainingAlarmRows(), "trial " + trial);
        }
    }

    @Test
    void robustDefaultIgnoresIsolatedSpikes() {
        double[] s = new double[100];
        Arrays.fill(s, 0.1);
        s[50] = 10;
        assertTrue(Thresholds.defaultMethod(RULE).value(s) < 1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "percentile:99",
                "sigma:3",
                "max:1.1",
                "lognormal:0.001",
                "gamma:0.001",
                "pot:0.001",
                "robust:3",
                "0.275"
            })
    void parsesEveryMethodIdBackToItself(String id) {
        ThresholdMethod m = Thresholds.parse(id, RULE);
        assertEquals(m.id(), Thresholds.parse(m.id(), RULE).id());
        assertTrue(m.explain(0.5).endsWith("."), m.explain(0.5));
    }

    @Test
    void plainNumberIsAManualThreshold() {
        assertInstanceOf(ManualThreshold.class, Thresholds.parse("0.275", RULE));
        assertEquals(0.275, Thresholds.parse("0.275", RULE).value(new double[] {1}));
    }

    @Test
    void rejectsUnknownMethodWithTheListOfKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("median:2", RULE));
        assertTrue(e.getMessage().contains("percentile:P"), e.getMessage());
    }

    @Test
    void rejectsOutOfRangeParameter() {
        assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("percentile:120", RULE));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("pot:0.5", RULE));
    }

    @Test
    void everyKindParsesItsParameterAndNotOnlyItsDefault() {
        double[] scores = new double[200];
        Random rnd = new Random(11);
        for (int k = 0; k < scores.length; k++) {
            scores[k] = Math.exp(rnd.nextGaussian() * 0.3) * 0.2;
        }
        Map<ThresholdKind, String> other = Map.of(
                ThresholdKind.ROBUST,
                "2",
                ThresholdKind.PERCENTILE,
                "95",
                ThresholdKind.SIGMA,
                "2",
                ThresholdKind.MAX,
                "1.3",
                ThresholdKind.LOGNORMAL,
                "0.01",
                ThresholdKind.GAMMA,
                "0.01",
                ThresholdKind.POT,
                "0.01",
                ThresholdKind.MANUAL,
                "0.4");
        PersistenceRule rule = PersistenceRule.defaults();
        for (ThresholdKind kind : ThresholdKind.values()) {
            if (kind == ThresholdKind.MANUAL) {
                continue; // manual has no default value: "manual" alone is an error (below)
            }
            ThresholdMethod withDefault = Thresholds.parse(kind.id(), rule);
            ThresholdMethod given = Thresholds.parse(kind.id() + ":" + other.get(kind), rule);
            assertEquals(
                    Thresholds.parse(withDefault.id(), rule).value(scores),
                    withDefault.value(scores),
                    1e-12,
                    kind + " id round trip");
            assertEquals(
                    given.value(scores),
                    Thresholds.parse(given.id(), rule).value(scores),
                    1e-12,
                    kind + " id round trip");
            Assertions.assertNotEquals(
                    withDefault.value(scores), given.value(scores), kind + ": the parameter must change the threshold");
        }
        assertEquals(0.4, Thresholds.parse("manual:0.4", rule).value(scores));
        Assertions.assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("manual", rule));
        assertEquals(0.4, Thresholds.parse("0.4", rule).value(scores));
        assertEquals(
                ThresholdKind.ROBUST.create(null, rule).id(),
                Thresholds.parse("default", rule).id());
    }
}
