package org.bearingworkbench.signal.diagnosis;

import java.util.Locale;

/** What a diagnosis concludes for one channel: a defect, no defect, or no judgement possible. */
public enum Verdict {
    BPFO("outer race"),
    BPFI("inner race"),
    BSF("rolling element"),
    FTF("cage"),
    NONE("no bearing defect evident"),
    UNKNOWN("no judgement possible");

    private final String meaning;

    Verdict(String meaning) {
        this.meaning = meaning;
    }

    /** What the verdict says in words, e.g. "outer race". */
    public String meaning() {
        return meaning;
    }

    /** The verdict as printed and written: {@code BPFO}, ..., {@code none}, {@code unknown}. */
    public String label() {
        return isDefect() ? name() : name().toLowerCase(Locale.ROOT);
    }

    public boolean isDefect() {
        return this != NONE && this != UNKNOWN;
    }
}
