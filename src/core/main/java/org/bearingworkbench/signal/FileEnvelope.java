package org.bearingworkbench.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bearingworkbench.signal.diagnosis.BandChoice;
import org.bearingworkbench.signal.diagnosis.Diagnoser;
import org.bearingworkbench.signal.diagnosis.Diagnosis;
import org.bearingworkbench.signal.diagnosis.Verdict;

/**
 * One file's envelope analysis as the Signals pane and the incident report show it: the diagnosis (the same call as
 * {@code envelope} and {@code diagnose}), the squared-envelope spectrum it judged, the defect-frequency markers (the
 * verdict's first) and the settings used (the band the diagnosis chose, or the one given).
 */
public record FileEnvelope(
        Spectrum spectrum, List<DefectMatch> matches, PhysicsSettings settings, Diagnosis diagnosis) {

    /**
     * Diagnoses {@code x[0..n)}: in the band the engine chooses when {@code autoBand} (the command line's default),
     * else in {@code base}'s band.
     */
    public static FileEnvelope of(double[] x, int n, double fs, PhysicsSettings base, boolean autoBand) {
        double hi = Math.min(base.bandHighHz(), fs / 2);
        BandChoice band = autoBand
                ? BandChoice.DEFAULT
                : new BandChoice(BandChoice.Kind.FIXED, Math.min(base.bandLowHz(), hi / 2), hi);
        Diagnosis d = Diagnoser.defaults().withBand(band).diagnose(x, n, fs, base.geometry());
        double lo = d.band() != null ? d.band().lowHz() : band.lowHz();
        double top = d.band() != null ? d.band().highHz() : hi;
        PhysicsSettings s = new PhysicsSettings(
                base.geometry(), lo, top, fs, base.harmonics(), base.tolerance(), base.spectrogramBins());
        Spectrum env = d.spectrum() != null ? d.spectrum() : EnvelopeSpectrum.of(x, n, fs, Math.max(lo, 0), top);
        return new FileEnvelope(env, markers(s.analysis().matches(env), d.verdict()), s, d);
    }

    /** The markers with the verdict's defect first (the one the chart highlights). */
    static List<DefectMatch> markers(List<DefectMatch> matches, Verdict verdict) {
        DefectType lead = switch (verdict) {
            case BPFO -> DefectType.BPFO;
            case BPFI -> DefectType.BPFI;
            case BSF -> DefectType.BALL;
            case FTF -> DefectType.FTF;
            default -> null;
        };
        List<DefectMatch> out = new ArrayList<>(matches);
        out.sort(Comparator.comparing((DefectMatch m) -> m.type() != lead));
        return List.copyOf(out);
    }

    /** The diagnosis in one sentence, e.g. "2025.03.02.10.20.00.gz: ch1: BPFO (outer race), confidence 0.80: ...". */
    public String sentence(String channel, String file) {
        return file + ": " + diagnosis.sentence(channel);
    }
}
