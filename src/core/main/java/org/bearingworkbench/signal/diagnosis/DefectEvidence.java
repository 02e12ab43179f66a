package org.bearingworkbench.signal.diagnosis;

import java.util.List;

/**
 * How strongly one defect's pattern shows in one squared-envelope spectrum: the harmonic comb (with its modulation
 * sidebands) that fits best within the slip tolerance, and its significance.
 *
 * @param defect      the defect the comb belongs to (BPFO, BPFI, BSF or FTF)
 * @param score       -log10 of the probability that noise alone gives a comb this strong (search corrected)
 * @param fundamental the comb's fundamental in Hz (the kinematic frequency with the slip that fits best)
 * @param lines       the comb's lines, strongest first
 * @param band        the demodulation band the spectrum came from
 * @param note        why the defect could not be judged (too coarse a resolution, every line at a shaft order), or
 *                    empty
 */
public record DefectEvidence(
        Verdict defect,
        double score,
        double fundamental,
        List<EvidenceLine> lines,
        DemodulationBand band,
        String note) {

    static DefectEvidence unjudgeable(Verdict defect, double nominal, DemodulationBand band, String note) {
        return new DefectEvidence(defect, 0, nominal, List.of(), band, note);
    }

    public boolean judged() {
        return note.isEmpty();
    }
}
