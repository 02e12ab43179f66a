package org.bearingworkbench.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Matches an envelope spectrum against a bearing's defect frequencies. Settings: harmonics to check, tolerance
 * (slip, default ±3%), and the band used for the noise floor.
 */
public record DefectAnalysis(BearingGeometry geometry, int harmonics, double tolerance) {
    public static final double FLOOR_LOW_HZ = 10;
    public static final double FLOOR_HIGH_HZ = 1000;

    public DefectAnalysis {
        if (harmonics < 1 || harmonics > 10) {
            throw new IllegalArgumentException("harmonics: 1 to 10 (got " + harmonics + ")");
        }
        if (!(tolerance > 0 && tolerance < 0.2)) {
            throw new IllegalArgumentException("tolerance: between 0 and 20% (got " + tolerance + ")");
        }
    }

    public static DefectAnalysis defaults(BearingGeometry g) {
        return new DefectAnalysis(g, 3, 0.03);
    }

    /** Median amplitude of the envelope spectrum over 10-1000 Hz. */
    public static double noiseFloor(Spectrum s) {
        int from = s.firstAtOrAbove(FLOOR_LOW_HZ);
        int to = s.endAtOrBelow(FLOOR_HIGH_HZ);
        if (to <= from) {
            return 0;
        }
        double[] a = Arrays.copyOfRange(s.amplitude(), from, to);
        Arrays.sort(a);
        return a[a.length / 2];
    }

    /**
     * The strongest harmonic match of one defect type. BSF is matched on its odd harmonics only: its even ones (2, 4,
     * 6 x BSF) are the lines of 2xBSF (a rolling-element defect striking both races), so matching them under both
     * names made the two indicators one and the same number whenever the 2xBSF line was the strongest (IMS test 2: 161
     * to 817 of 984 files per channel). Now BSF says "a line at the spin frequency or its odd multiples" and 2xBSF
     * "at twice it and its multiples".
     */
    public DefectMatch match(Spectrum s, DefectType type, double floor) {
        double f = geometry.frequency(type);
        DefectMatch best = new DefectMatch(type, 1, f, f, 0);
        int step = type == DefectType.BSF ? 2 : 1;
        for (int h = 1; h <= harmonics; h += step) {
            double center = f * h;
            int end = s.endAtOrBelow(center * (1 + tolerance));
            for (int k = s.firstAtOrAbove(center * (1 - tolerance)); k < end; k++) {
                if (nearerToAnother(s.frequency()[k], type, center)) {
                    continue; // the bin is another defect's line: two indicators never share one silently
                }
                double ratio = floor > 0 ? s.amplitude()[k] / floor : 0;
                if (ratio > best.ratio()) {
                    best = new DefectMatch(type, h, f, s.frequency()[k], ratio);
                }
            }
        }
        return best;
    }

    /**
     * Whether {@code hz} lies nearer to another defect's expected line (any type, any harmonic matched) than to
     * {@code center}, this type's: each bin is credited to the defect whose line it is nearest. Without this rule the
     * 6205 bearing's BSF 3x and BPFO 2x (1.4% apart) read the same peak, and their indicators were one number.
     */
    boolean nearerToAnother(double hz, DefectType type, double center) {
        double mine = Math.abs(hz - center);
        for (DefectType other : DefectType.values()) {
            if (other == type) {
                continue;
            }
            double f = geometry.frequency(other);
            int step = other == DefectType.BSF ? 2 : 1;
            for (int h = 1; h <= harmonics; h += step) {
                if (Math.abs(hz - f * h) < mine) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Matches for every defect type, strongest first. */
    public List<DefectMatch> matches(Spectrum envelopeSpectrum) {
        double floor = noiseFloor(envelopeSpectrum);
        List<DefectMatch> out = new ArrayList<>();
        for (DefectType t : DefectType.values()) {
            out.add(match(envelopeSpectrum, t, floor));
        }
        out.sort(Comparator.comparingDouble(DefectMatch::ratio).reversed());
        return out;
    }
}
