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
        // the 1x line: the bin within the span that stands highest over its floor
        int first = (int) Math.ceil(lo / df);
        int last = (int) Math.floor(hi / df);
        int peak = -1;
        double peakRatio = 0;
        for (int k = first; k <= last; k++) {
            double r = ratio(s, comb, k * df);
            if (s.amplitude()[k] >= s.amplitude()[k - 1] && s.amplitude()[k] >= s.amplitude()[k + 1] && r > peakRatio) {
                peak = k;
                peakRatio = r;
            }
        }
        if (peak <= first || peak >= last || peakRatio < CLEAR) {
            return OptionalDouble.empty(); // no clear line, or the span's edge (no peak inside it)
        }
        double f = comb.interpolatedPeak(peak);
        if (!Double.isFinite(f)) {
            f = peak * df;
        }
        // a shaft speed shows in its harmonics too
        if (Math.max(ratio(s, comb, 2 * f), ratio(s, comb, 3 * f)) < CLEAR / 2) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(f);
    }
}
