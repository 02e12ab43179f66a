package org.bearingworkbench.signal.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bearingworkbench.signal.Spectrum;

/**
 * The diagnosis of one channel: the verdict, how sure it is, and the evidence an analyst would check.
 *
 * @param verdict    BPFO, BPFI, BSF, FTF, none or unknown
 * @param confidence the verdict's share of the evidence, 0-1: each defect's and "none"'s weight is 10^score (none's
 *                   is 10^threshold), as in a posterior over the explanations
 * @param shaftHz    the shaft speed the frequencies were computed at (NaN when unknown)
 * @param band       the band the verdict's evidence came from (null when no spectrum was judged)
 * @param evidence   the verdict's lines, strongest first (for none: the strongest candidate's)
 * @param defects    every defect's best evidence, lines another defect already explains left out, strongest first
 * @param shaftLines the shaft orders (1x, 2x, 3x) in the verdict's spectrum, labelled and never credited to a defect
 * @param reason     why unknown or none; notes such as a line shared by two defects or a second defect evident
 * @param spectrum   the squared-envelope spectrum of the verdict's band (null when none was judged)
 */
public record Diagnosis(
        Verdict verdict,
        double confidence,
        double shaftHz,
        DemodulationBand band,
        List<EvidenceLine> evidence,
        List<DefectEvidence> defects,
        List<EvidenceLine> shaftLines,
        String reason,
        Spectrum spectrum) {

    /** No judgement, with the reason (a file that could not be read, a channel it does not have). */
    public static Diagnosis unknown(String reason) {
        return unknown(Double.NaN, reason);
    }

    static Diagnosis unknown(double shaftHz, String reason) {
        return new Diagnosis(Verdict.UNKNOWN, 0, shaftHz, null, List.of(), List.of(), List.of(), reason, null);
    }

    /** This diagnosis with {@code note} added to its reason. */
    public Diagnosis withNote(String note) {
        String r = reason.isEmpty() ? note : reason + "; " + note;
        return new Diagnosis(verdict, confidence, shaftHz, band, evidence, defects, shaftLines, r, spectrum);
    }

    /** The score of one defect (0 when it was not judged). */
    public double score(Verdict defect) {
        return defects.stream()
                .filter(d -> d.defect() == defect)
                .mapToDouble(DefectEvidence::score)
                .findFirst()
                .orElse(0);
    }

    /** One sentence, e.g. "ch1: BPFO (outer race), confidence 0.99: 4 lines, 2x at 214.6 Hz 23.1x local floor". */
    public String sentence(String channel) {
        String head = String.format(Locale.ROOT, "%s: %s (%s)", channel, verdict.label(), verdict.meaning());
        if (verdict == Verdict.UNKNOWN) {
            return head + ": " + reason;
        }
        StringBuilder s = new StringBuilder(head).append(String.format(Locale.ROOT, ", confidence %.2f", confidence));
        if (verdict.isDefect()) {
            List<EvidenceLine> strong =
                    evidence.stream().filter(l -> l.overFloor() >= 3).toList();
            s.append(String.format(
                    Locale.ROOT, ": %d of %d lines over 3x their local floor (", strong.size(), evidence.size()));
            s.append(evidence.stream().limit(3).map(EvidenceLine::describe).collect(Collectors.joining(", ")));
            s.append("), band ").append(band);
        }
        if (!reason.isEmpty()) {
            s.append("; ").append(reason);
        }
        return s.toString();
    }
}
