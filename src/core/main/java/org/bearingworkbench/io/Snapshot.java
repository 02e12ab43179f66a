package org.bearingworkbench.io;

import java.time.LocalDateTime;

/**
 * One recording file: {@code rows} samples of each channel, taken at one timestamp.
 * {@code channels[c][i]} is sample i of channel c+1.
 */
public record Snapshot(String file, LocalDateTime timestamp, double[][] channels, int rows) {
    public int channelCount() {
        return channels.length;
    }
}
