package org.bearingworkbench.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the model's columns as channels and maps channels to bearings: {@code channelsPerBearing} consecutive
 * channels per bearing (1 in IMS tests 2 and 3, 2 in test 1).
 */
public record ChannelMap(List<String> columns, int channelsPerBearing) {
    private static final Pattern CH = Pattern.compile("ch(\\d+)_.*");
    private static final Pattern BEARING = Pattern.compile("(?i).*bearing\\s*(\\d+).*");

    public ChannelMap {
        columns = List.copyOf(columns);
        if (channelsPerBearing < 1 || channelsPerBearing > 8) {
            throw new IllegalArgumentException("channels per bearing: 1 to 8 (got " + channelsPerBearing + ")");
        }
    }

    /** Channel label of model column i: {@code ch3} for {@code ch3_mean_abs}, else the column name. */
    public String channel(int i) {
        Matcher m = CH.matcher(columns.get(i));
        return m.matches() ? "ch" + m.group(1) : columns.get(i);
    }

    /**
     * Bearing number (1-based) of model column i ({@code chN_...} or a name like {@code Bearing 3}), or 0 if
     * unknown.
     */
    public int bearing(int i) {
        Matcher m = CH.matcher(columns.get(i));
        if (m.matches()) {
            return (Integer.parseInt(m.group(1)) - 1) / channelsPerBearing + 1;
        }
        Matcher b = BEARING.matcher(columns.get(i));
        return b.matches() ? Integer.parseInt(b.group(1)) : 0;
    }

    public int size() {
        return columns.size();
    }
}
