package org.bearingworkbench.signal;

import java.util.List;
import java.util.Locale;

/**
 * One file's envelope analysis as the Signals pane and the incident report show it: spectrum, defect matches
 * (strongest first), the settings used (the band chosen by spectral kurtosis when asked), and the sentence.
 */
public record FileEnvelope(Spectrum spectrum, List<DefectMatch> matches, PhysicsSettings settings) {

    public static FileEnvelope of(double[] x, int n, double fs, PhysicsSettings base, boolean autoBand) {
        double lo = base.bandLowHz();
        double hi = Math.min(base.bandHighHz(), fs / 2);
        if (autoBand) {
            var b = SpectralKurtosis.best(x, n, fs, 500);
            lo = b.lowHz();
            hi = b.highHz();
        }
        PhysicsSettings s = new PhysicsSettings(
                base.geometry(), lo, hi, fs, base.harmonics(), base.tolerance(), base.spectrogramBins());
        Spectrum env = EnvelopeSpectrum.of(x, n, fs, lo, hi);
        return new FileEnvelope(env, s.analysis().matches(env), s);
    }

    public String sentence(String channel, String file) {
        DefectMatch top = matches.get(0);
        String strength = top.weakness();
        return String.format(
                Locale.ROOT,
                "%s, band %.0f-%.0f Hz: strongest defect match: %s%s.",
                file,
                settings.bandLowHz(),
                settings.bandHighHz(),
                top.describe(channel),
                strength);
    }
}
