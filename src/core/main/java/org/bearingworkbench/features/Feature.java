package org.bearingworkbench.features;

/** A per-channel statistic of one snapshot, named as in feature-table columns ({@code ch1_mean_abs}). */
public enum Feature {
    MEAN_ABS("mean_abs"),
    RMS("rms"),
    STD("std"),
    PEAK("peak"),
    P2P("p2p"),
    CREST("crest"),
    SKEWNESS("skewness"),
    KURTOSIS("kurtosis"),
    /**
     * Share of the samples sitting at the snapshot's largest or smallest value: about 2/n for a live signal, large for
     * one clipped at the converter's rails or stuck (a data-quality indicator, not a vibration feature).
     */
    CLIP("clip");

    private final String key;

    Feature(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Column name of this feature for 1-based channel {@code channel}. */
    public String column(int channel) {
        return "ch" + channel + "_" + key;
    }

    public static Feature byKey(String key) {
        for (Feature f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + key + "'");
    }
}
