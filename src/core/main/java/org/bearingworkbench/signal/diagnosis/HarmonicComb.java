package org.bearingworkbench.signal.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.special.Gamma;
import org.bearingworkbench.signal.Spectrum;

/**
 * Looks for one defect's harmonic series in a squared-envelope spectrum, the way an analyst reads it: the series'
 * fundamental may lie anywhere within the slip tolerance of its kinematic frequency, and its harmonics must then lie
 * at exact multiples of it (within a bin); each line is measured over a LOCAL noise floor (the median of the spectrum
 * within half a shaft order around it); lines at shaft orders are never credited to a defect; an inner-race series
 * brings its sidebands at the shaft speed, a rolling-element series its sidebands at the cage speed.
 *
 * <p>Significance: in a squared-envelope spectrum of Gaussian noise each bin's amplitude is Rayleigh distributed, so a
 * line {@code a} times the median has a tail probability {@code exp(-ln2 a^2)} (the largest of the three bins around
 * an expected line is taken, and its probability corrected for that). The lines of a comb add their
 * {@code -ln p}, a sum that is Gamma distributed under noise (Fisher's method); the best comb's probability is
 * multiplied by the number of fundamentals tried (Bonferroni). The score is {@code -log10} of that probability. One
 * line's contribution is capped at {@value #LINE_CAP} (p = 2e-9), so a single huge line (a resonance, a mains
 * harmonic) cannot make a series on its own.
 */
final class HarmonicComb {
    static final double LINE_CAP = 20;
    private static final double LN2 = Math.log(2);

    private final Spectrum spectrum;
    private final double df;
    private final double shaftHz;
    private final double cageHz;
    private final Mask mask;
    private final Map<Integer, Double> floors = new HashMap<>();
    private final boolean shaftModulated;

    /** Lines already explained by another defect: never credited again. */
    interface Mask {
        /** Whether a line at {@code hz} in a spectrum of {@code df} Hz bins is explained. */
        boolean covers(double hz, double df);

        Mask NONE = (hz, df) -> false;
    }

    /**
     * A comb searcher over {@code spectrum}; {@code shaftModulated}: whether the signal shows shaft-rate modulation in
     * any band judged ({@link #showsShaft}), so that lines at shaft orders are the shaft's.
     */
    HarmonicComb(Spectrum spectrum, double shaftHz, double cageHz, Mask mask, boolean shaftModulated) {
        this.spectrum = spectrum;
        this.df = spectrum.frequency()[1];
        this.shaftHz = shaftHz;
        this.cageHz = cageHz;
        this.mask = mask;
        this.shaftModulated = shaftModulated;
    }

    /** A line this many times its local floor is a line, not noise (Rayleigh tail 2e-3). */
    static final double CLEAR_LINE = 3;

    /**
     * Whether the spectrum shows shaft-rate modulation: a clear line at 1x, 2x or 3x. Only then can a line at a
     * higher shaft order be the shaft's; without any, a line at 7x is no shaft order's (it is kept, and labelled as
     * lying at one).
     */
    static boolean showsShaft(Spectrum spectrum, double shaftHz) {
        return new HarmonicComb(spectrum, shaftHz, 0, Mask.NONE, false).shaftLine();
    }

    private boolean shaftLine() {
        for (int k = 1; k <= 3; k++) {
            double hz = k * shaftHz;
            if (hz / df >= 2 && hz < spectrum.frequency()[spectrum.frequency().length - 2]) {
                double fl = floor(hz);
                if (fl > 0 && spectrum.amplitude()[peakNear(hz)] / fl >= CLEAR_LINE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code hz} lies at a shaft order (1x, 2x, ...) within one and a half bins and 0.2%. */
    boolean atShaftOrder(double hz) {
        long order = Math.round(hz / shaftHz);
        return order >= 1 && Math.abs(hz - order * shaftHz) <= guard(hz);
    }

    private double guard(double hz) {
        return 1.5 * df + 0.002 * hz;
    }

    /** The harmonics a defect is judged on: a rolling element's spin frequency twice as many (BSF and 2xBSF). */
    static int terms(Verdict defect, int harmonics) {
        return defect == Verdict.BSF ? 2 * harmonics : harmonics;
    }

    /** The best comb of {@code defect} with kinematic fundamental {@code nominal}. */
    DefectEvidence search(Verdict defect, double nominal, int harmonics, double tolerance, DemodulationBand band) {
        int terms = terms(defect, harmonics);
        double top = spectrum.frequency()[spectrum.frequency().length - 1];
        if (nominal < 4 * df) {
            return DefectEvidence.unjudgeable(
                    defect,
                    nominal,
                    band,
                    String.format(
                            Locale.ROOT,
                            "%s at %.1f Hz is under 4 bins of %.2f Hz: the snapshot is too short to resolve it",
                            defect.name(),
                            nominal,
                            df));
        }
        if (terms * nominal * (1 + tolerance) + shaftHz >= top) {
            return DefectEvidence.unjudgeable(
                    defect,
                    nominal,
                    band,
                    String.format(
                            Locale.ROOT, "%s's harmonics reach beyond the spectrum (%.0f Hz)", defect.name(), top));
        }
        if (shaftModulated && 2 * guard(shaftHz) >= shaftHz) {
            return DefectEvidence.unjudgeable(
                    defect,
                    nominal,
                    band,
                    String.format(
                            Locale.ROOT,
                            "the signal is modulated at the shaft speed and at %.2f Hz bins every line lies "
                                    + "within %.1f Hz of a shaft order (%.1f Hz apart): the snapshot is too short to "
                                    + "tell bearing lines from shaft orders",
                            df,
                            guard(shaftHz),
                            shaftHz));
        }
        double step = df / (2.0 * terms);
        int candidates = Math.max(1, (int) Math.floor(2 * tolerance * nominal / step) + 1);
        double bestTotal = -1;
        int bestCount = 0;
        double bestF = nominal;
        for (int c = 0; c < candidates; c++) {
            double f = nominal * (1 - tolerance) + c * step;
            double total = 0;
            int count = 0;
            double carrier = 0;
            Set<Integer> used = new HashSet<>();
            for (Term t : terms(defect, f, nominal, terms)) {
                if (counts(t.hz()) && used.add(peakNear(t.hz()))) {
                    double z = lineScore(t.hz(), t.floorAt());
                    // a sideband supports its carrier and never counts for more than it
                    total += t.sideband() ? Math.min(z, carrier) : z;
                    carrier = t.sideband() ? carrier : z;
                    count++;
                } else if (!t.sideband()) {
                    carrier = 0;
                }
            }
            if (count > 0 && total > bestTotal) {
                bestTotal = total;
                bestCount = count;
                bestF = f;
            }
        }
        if (bestCount == 0) {
            return DefectEvidence.unjudgeable(
                    defect,
                    nominal,
                    band,
                    defect.name() + "'s lines all fall at shaft orders or on lines another defect explains");
        }
        double p = Gamma.regularizedGammaQ(bestCount, bestTotal) * candidates;
        double score = -Math.log10(Math.max(Math.min(p, 1.0), 1e-300));
        return new DefectEvidence(defect, score, bestF, lines(defect, bestF, nominal, terms), band, "");
    }

    /**
     * Whether a comb line at {@code hz} may be credited: not on a line another defect explains, and not a shaft order.
     * Near a shaft order (within {@link #guard}) the line found is credited only when its interpolated frequency lies
     * clearly apart from the order (more than half a bin and 0.2%): with coarse bins a defect line a few Hz from an
     * order (the IMS bearing's BPFO is 7.09x) can still be told apart when it is a clean peak.
     */
    private boolean counts(double hz) {
        if (mask.covers(hz, df) || hz <= 2 * df) {
            return false;
        }
        if (!atShaftOrder(hz) || !shaftModulated) {
            return true;
        }
        double found = interpolatedPeak(peakNear(hz));
        long order = Math.round(found / shaftHz);
        return Double.isFinite(found) && Math.abs(found - order * shaftHz) > 0.5 * df + 0.002 * found;
    }

    /** The frequency of a local maximum at bin {@code k} by parabolic interpolation; NaN when {@code k} is none. */
    double interpolatedPeak(int k) {
        double[] a = spectrum.amplitude();
        if (k < 1 || k >= a.length - 1 || a[k] < a[k - 1] || a[k] < a[k + 1]) {
            return Double.NaN;
        }
        double den = a[k - 1] - 2 * a[k] + a[k + 1];
        double delta = den == 0 ? 0 : 0.5 * (a[k - 1] - a[k + 1]) / den;
        return (k + delta) * df;
    }

    /** One expected line of a comb: where it is, its name, and the nominal frequency whose floor it is measured on. */
    record Term(double hz, String label, double floorAt, boolean sideband) {}

    List<Term> terms(Verdict defect, double f, double nominal, int terms) {
        List<Term> out = new ArrayList<>();
        for (int h = 1; h <= terms; h++) {
            double c = h * f;
            out.add(new Term(c, defect.name() + " " + h + "x", h * nominal, false));
            double side = defect == Verdict.BPFI ? shaftHz : defect == Verdict.BSF ? cageHz : 0;
            String by = defect == Verdict.BPFI ? "shaft" : "cage";
            if (side >= 3 * df && h <= 2) {
                out.add(new Term(c - side, defect.name() + " " + h + "x - " + by, h * nominal, true));
                out.add(new Term(c + side, defect.name() + " " + h + "x + " + by, h * nominal, true));
            }
        }
        return out;
    }

    private List<EvidenceLine> lines(Verdict defect, double f, double nominal, int terms) {
        List<EvidenceLine> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (Term t : terms(defect, f, nominal, terms)) {
            int k = peakNear(t.hz());
            if (counts(t.hz()) && used.add(k)) {
                long order = Math.round(t.hz() / shaftHz);
                // labelled only where orders are apart enough for the label to mean something
                String atOrder = atShaftOrder(t.hz()) && 2 * guard(shaftHz) < shaftHz ? "shaft " + order + "x" : "";
                out.add(new EvidenceLine(
                        t.label(),
                        spectrum.frequency()[k],
                        t.hz(),
                        spectrum.amplitude()[k] / floor(t.floorAt()),
                        atOrder));
            }
        }
        out.sort(Comparator.comparingDouble(EvidenceLine::overFloor).reversed());
        return out;
    }

    /** The line's amplitude over the local floor, as {@code -ln p} of the largest of three bins (capped). */
    double lineScore(double hz, double floorAt) {
        double fl = floor(floorAt);
        if (!(fl > 0)) {
            return 0;
        }
        double a = spectrum.amplitude()[peakNear(hz)] / fl;
        double lnq = -LN2 * a * a;
        double lnp = lnq < -20 ? Math.log(3) + lnq : Math.log(1 - Math.pow(1 - Math.exp(lnq), 3));
        return Math.min(LINE_CAP, -lnp);
    }

    /** The largest of the three bins around {@code hz}. */
    int peakNear(double hz) {
        double[] a = spectrum.amplitude();
        int k = (int) Math.round(hz / df);
        k = Math.max(1, Math.min(a.length - 2, k));
        int best = k;
        for (int j = k - 1; j <= k + 1; j++) {
            if (a[j] > a[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * The local noise floor around {@code hz}: the median amplitude within half a shaft order (at least 20 bins) each
     * side, the line's own three bins either side left out.
     */
    double floor(double hz) {
        int key = (int) Math.round(hz / df);
        return floors.computeIfAbsent(key, k -> {
            double[] a = spectrum.amplitude();
            int half = (int) Math.max(20, Math.round(shaftHz / 2 / df));
            int from = Math.max(1, k - half);
            int to = Math.min(a.length - 1, k + half);
            double[] w = new double[to - from + 1];
            int m = 0;
            for (int j = from; j <= to; j++) {
                if (Math.abs(j - k) > 3) {
                    w[m++] = a[j];
                }
            }
            if (m == 0) {
                return 0.0;
            }
            Arrays.sort(w, 0, m);
            return w[m / 2];
        });
    }
}
