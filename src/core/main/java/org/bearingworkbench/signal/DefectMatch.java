package org.bearingworkbench.signal;

import java.util.Locale;

/**
 * How strongly one defect frequency shows in an envelope spectrum: the largest peak within a tolerance band around
 * its harmonics, relative to the noise floor (median envelope amplitude over 10-1000 Hz).
 *
 * @param harmonic which harmonic (1-based) had the strongest peak
 * @param ratio    that peak divided by the noise floor
 */
public record DefectMatch(DefectType type, int harmonic, double frequency, double peakHz, double ratio) {
    /** Below this ratio a match is weak: typical of a healthy bearing's envelope. */
    public static final double WEAK_BELOW = 6;

    /** A note for a weak match, else the empty string. */
    public String weakness() {
        return ratio >= WEAK_BELOW ? "" : " (weak: under 6x, typical of a healthy bearing)";
    }

    public String describe(String channel) {
        return String.format(
                Locale.ROOT,
                "%s %s on %s, %.1fx noise floor (peak at %.1f Hz, expected %.1f Hz: %s)",
                type.label(),
                ordinal(harmonic),
                channel,
                ratio,
                peakHz,
                frequency * harmonic,
                type.meaning());
    }

    private static String ordinal(int h) {
        return switch (h) {
            case 1 -> "fundamental";
            case 2 -> "2nd harmonic";
            case 3 -> "3rd harmonic";
            default -> h + "th harmonic";
        };
    }
}
