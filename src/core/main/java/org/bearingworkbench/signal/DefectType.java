package org.bearingworkbench.signal;

/** The defect frequencies a bearing engineer looks for in an envelope spectrum. */
public enum DefectType {
    BPFO("bpfo", "BPFO", "outer race"),
    BPFI("bpfi", "BPFI", "inner race"),
    BSF("bsf", "BSF", "ball spin"),
    BALL("2bsf", "2×BSF", "rolling element"),
    FTF("ftf", "FTF", "cage");

    private final String key;
    private final String label;
    private final String meaning;

    DefectType(String key, String label, String meaning) {
        this.key = key;
        this.label = label;
        this.meaning = meaning;
    }

    /** Column suffix, e.g. {@code ch1_bpfo}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public String column(int channel) {
        return "ch" + channel + "_" + key;
    }
}
