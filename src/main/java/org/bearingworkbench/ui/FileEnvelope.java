package org.bearingworkbench.ui;

import java.util.List;
import java.util.Locale;
import org.bearingworkbench.signal.DefectMatch;
import org.bearingworkbench.signal.EnvelopeSpectrum;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.signal.SpectralKurtosis;
import org.bearingworkbench.signal.Spectrum;

/** One file's envelope analysis as the Signals pane shows it: spectrum, defect matches, and the sentence. */
record FileEnvelope(Spectrum spectrum, List<DefectMatch> matches, PhysicsSettings settings) {

    static FileEnvelope of(double[] x, int n, double fs, PhysicsSettings base, boolean autoBand) {
        double lo = base.bandLowHz();
        double hi = Math.min(base.bandHighHz(), fs / 2);
        if (autoBand) {
            var b = SpectralKurtosis.best(x, n, fs, 500);
            lo = b.lowHz();
            hi = b.highHz();
        }
        PhysicsSettings s = new PhysicsSettings(base.geometry(), lo, hi, fs, base.harmonics(), base.tolerance(),
                base.spectrogramBins());
        Spectrum env = EnvelopeSpectrum.of(x, n, fs, lo, hi);
        return new FileEnvelope(env, s.analysis().matches(env), s);
    }

    String sentence(String channel, String file) {
        DefectMatch top = matches.get(0);
        String strength = top.weakness();
        return String.format(Locale.ROOT, "%s, band %.0f-%.0f Hz: strongest defect match: %s%s.", file,
                settings.bandLowHz(), settings.bandHighHz(), top.describe(channel), strength);
    }
}
