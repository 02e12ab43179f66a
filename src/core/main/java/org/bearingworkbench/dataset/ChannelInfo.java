package org.bearingworkbench.dataset;

/**
 * One signal channel of a data set: its name (as the feature columns use it, {@code ch1}, ...), a label the rig
 * gives it ({@code horizontal}), the bearing it is mounted on (1-based, 0 when unknown) and its axis.
 */
public record ChannelInfo(String name, String label, int bearing, String axis) {
    public ChannelInfo {
        if (bearing < 0) {
            throw new IllegalArgumentException("channel " + name + ": bearing must be 0 (unknown) or more");
        }
        label = label == null ? "" : label;
        axis = axis == null ? "" : axis;
    }
}
