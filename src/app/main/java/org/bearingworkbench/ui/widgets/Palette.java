package org.bearingworkbench.ui.widgets;

/** One color per bearing, the same in every pane; plus the alarm colors. */
public final class Palette {
    private static final String[] BEARINGS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf"
    };
    public static final String ALARM = "#d62728";
    public static final String THRESHOLD = "#d62728";
    public static final String TRAIN = "#1f77b4";
    public static final String TEST = "#ff7f0e";
    /** Snapshots with a sensor or data problem (no signal, clipped): not bearing anomalies. */
    public static final String SENSOR = "#6a3d9a";
    /** A second model's scores, shown beside the active one's. */
    public static final String COMPARE = "#17becf";

    private Palette() {}

    /** Color of 1-based bearing {@code bearing}. */
    public static String bearing(int bearing) {
        return BEARINGS[Math.floorMod(bearing - 1, BEARINGS.length)];
    }
}
