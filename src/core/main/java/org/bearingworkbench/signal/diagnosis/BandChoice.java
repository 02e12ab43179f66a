package org.bearingworkbench.signal.diagnosis;

import java.util.Locale;

/**
 * How the demodulation band is chosen. {@link Kind#EVIDENCE} (the default) whitens the signal and judges the full band
 * and the three most impulsive dyadic bands of the whitened signal, keeping the one whose defect evidence is strongest
 * (the search over bands is paid for in the significance); {@link Kind#WHITENED} is the whitened full band alone;
 * {@link Kind#KURTOGRAM} the raw signal's kurtogram band (Antoni 2007); {@link Kind#FIXED} a band the user gives, on
 * the raw signal. docs/decisions/0023 compares them.
 */
public record BandChoice(Kind kind, double lowHz, double highHz) {
    /** The ways to choose a band. */
    public enum Kind {
        EVIDENCE,
        WHITENED,
        KURTOGRAM,
        FIXED
    }

    public static final BandChoice DEFAULT = new BandChoice(Kind.EVIDENCE, 0, 0);

    /**
     * Reads {@code auto} (the default: chosen by evidence), {@code whitened}, {@code kurtogram} or {@code LOW-HIGH} in
     * Hz.
     */
    public static BandChoice parse(String text) {
        String t = text == null ? "auto" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "auto", "evidence" -> {
                return DEFAULT;
            }
            case "whitened" -> {
                return new BandChoice(Kind.WHITENED, 0, 0);
            }
            case "kurtogram" -> {
                return new BandChoice(Kind.KURTOGRAM, 0, 0);
            }
            default -> {
                String[] p = t.split("-");
                try {
                    if (p.length == 2) {
                        double lo = Double.parseDouble(p[0].trim());
                        double hi = Double.parseDouble(p[1].trim());
                        if (lo >= 0 && hi > lo) {
                            return new BandChoice(Kind.FIXED, lo, hi);
                        }
                    }
                } catch (NumberFormatException e) {
                    // said below
                }
                throw new IllegalArgumentException("--band: '" + text
                        + "' is not a band: give auto, whitened, kurtogram or LOW-HIGH in Hz (e.g. 2000-8000)");
            }
        }
    }
}
