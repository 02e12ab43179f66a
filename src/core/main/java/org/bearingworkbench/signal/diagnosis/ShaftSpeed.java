package org.bearingworkbench.signal.diagnosis;

import java.util.OptionalDouble;
import org.bearingworkbench.signal.Spectrum;

/**
 * The shaft speed read from a signal near a prior (another recording's speed of the same machine): the frequency
 * within the prior's span whose first three harmonics stand highest over their local floors in the amplitude
 * spectrum, as an analyst finds the 1x line before anything else. Accepted only when the 1x line is a clear peak (at
 * least {@value #CLEAR} times its floor) inside the span and 2x or 3x stands out too; otherwise there is no estimate.
 */
public final class ShaftSpeed {
    static final double CLEAR = 4;

    private ShaftSpeed() {}

    private static double ratio(Spectrum s, HarmonicComb comb, double hz) {
        double fl = comb.floor(hz);
        return fl > 0 ? s.amplitude()[comb.peakNear(hz)] / fl : 0;
    }

    /** The shaft speed in Hz within {@code priorHz * (1 ± span)}, or empty when no clear shaft line is there. */
    public static OptionalDouble refine(double[] x, int n, double fs, double priorHz, double span) {
        Spectrum s = Spectrum.of(x, n, fs);
        double df = s.frequency()[1];
        if (priorHz * (1 - span) < 3 * df) {
            return OptionalDouble.empty();
        }
        HarmonicComb comb = new HarmonicComb(s, priorHz, 0, HarmonicComb.Mask.NONE, false);
        double lo = priorHz * (1 - span);
        double hi = priorHz * (1 + span);
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double f = lo; f <= hi; f += df / 4) {
            double score = 0;
            for (int k = 1; k <= 3; k++) {
                score += Math.log(Math.max(ratio(s, comb, k * f), 1));
            }
            if (score > bestScore) {
                bestScore = score;
                best = f;
            }
        }
        // a shaft line: 1x clear and a peak inside the span (not the span's edge), and 2x or 3x standing out too
        boolean inside = best > lo + df && best < hi - df;
        boolean clear = ratio(s, comb, best) >= CLEAR
                && Double.isFinite(comb.interpolatedPeak(comb.peakNear(best)))
                && Math.max(ratio(s, comb, 2 * best), ratio(s, comb, 3 * best)) >= CLEAR / 2;
        if (!inside || !clear) {
            return OptionalDouble.empty();
        }
        int k = comb.peakNear(best);
        double exact = comb.interpolatedPeak(k);
        return OptionalDouble.of(Double.isFinite(exact) && Math.abs(exact - best) <= df ? exact : best);
    }
}
