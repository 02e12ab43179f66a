package org.bearingworkbench.signal.diagnosis;

import java.util.Locale;

/**
 * One line of a defect's evidence in the squared-envelope spectrum.
 *
 * @param label        what the line is, e.g. {@code BPFO 2x} or {@code BPFI 1x - shaft}
 * @param frequencyHz  where the line was found
 * @param expectedHz   where the comb that fits best puts it
 * @param overFloor    its amplitude over the local noise floor (median of the spectrum around it)
 * @param sharedWith   another defect's harmonic within the slip tolerance of this line, or empty
 */
public record EvidenceLine(String label, double frequencyHz, double expectedHz, double overFloor, String sharedWith) {

    /** E.g. "BPFO 2x at 214.6 Hz, 23.1x floor (shared with BSF 3x)". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s at %.1f Hz, %.1fx floor%s",
                label,
                frequencyHz,
                overFloor,
                sharedWith.isEmpty() ? "" : " (shared with " + sharedWith + ")");
    }

    EvidenceLine sharedWith(String other) {
        return new EvidenceLine(label, frequencyHz, expectedHz, overFloor, other);
    }
}
