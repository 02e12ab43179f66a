package org.bearingworkbench.signal.diagnosis;

import java.util.Locale;

/**
 * A band demodulated for the squared envelope, and how it was chosen.
 *
 * @param whitened whether the signal was cepstrally pre-whitened first
 * @param how      e.g. "whitened, full band", "kurtogram", "given"
 */
public record DemodulationBand(double lowHz, double highHz, boolean whitened, String how) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f-%.0f Hz (%s)", lowHz, highHz, how);
    }
}
