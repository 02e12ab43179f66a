package org.bearingworkbench.dataset;

/** Where a value of a data set's description came from, so a user can tell a fact from an assumption. */
public enum ValueSource {
    FORMAT("stated by the format"),
    DETECTED("detected from the files"),
    PRESET("from the rig's preset"),
    USER("set by the user"),
    UNKNOWN("unknown");

    private final String words;

    ValueSource(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
