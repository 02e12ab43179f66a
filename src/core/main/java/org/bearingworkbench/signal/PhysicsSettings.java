package org.bearingworkbench.signal;

/**
 * Settings of envelope analysis over a run: the bearing, the demodulation band, the raw files' sampling rate, the
 * harmonics and slip tolerance of defect matching, and the spectrogram's frequency resolution.
 */
public record PhysicsSettings(
        BearingGeometry geometry,
        double bandLowHz,
        double bandHighHz,
        double sampleRate,
        int harmonics,
        double tolerance,
        int spectrogramBins) {
    public PhysicsSettings {
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive (got " + sampleRate + ")");
        }
        if (!(bandLowHz >= 0 && bandHighHz > bandLowHz && bandHighHz <= sampleRate / 2)) {
            throw new IllegalArgumentException(
                    "band: " + bandLowHz + "-" + bandHighHz + " Hz must lie within 0-" + sampleRate / 2 + " Hz");
        }
        if (spectrogramBins < 16 || spectrogramBins > 4096) {
            throw new IllegalArgumentException("spectrogram bins: 16 to 4096 (got " + spectrogramBins + ")");
        }
    }

    /** IMS rig: Rexnord ZA-2115 at 2000 rpm, 20 kHz sampling, band 2-8 kHz, 3 harmonics, ±3%, 256 bins. */
    public static PhysicsSettings ims() {
        return new PhysicsSettings(BearingGeometry.rexnordZa2115(), 2000, 8000, 20000, 3, 0.03, 256);
    }

    public DefectAnalysis analysis() {
        return new DefectAnalysis(geometry, harmonics, tolerance);
    }
}
