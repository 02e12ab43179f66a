package org.bearingworkbench.dataset;

import java.util.Locale;
import java.util.TreeSet;
import org.bearingworkbench.signal.BearingDesign;

/**
 * What a user said about a data set (CLI options, the window's metadata form, a sidecar file): each value null when
 * not given. {@code layout} holds a format's own options (for delimited files: signal columns, header lines, how a
 * snapshot's time is known; see {@code DelimitedLayout}). Applied over what the format stated or the files showed;
 * given values are {@link ValueSource#USER}.
 */
public record UserSettings(
        String format, String layout, Double sampleRateHz, Double rpm, BearingDesign bearing, String unit) {
    public static final UserSettings NONE = new UserSettings(null, null, null, null, null, null);

    public UserSettings {
        if (sampleRateHz != null && !(sampleRateHz > 0 && Double.isFinite(sampleRateHz))) {
            throw new IllegalArgumentException("--sample-rate: a positive number of Hz (got " + sampleRateHz + ")");
        }
        if (rpm != null && !(rpm > 0 && Double.isFinite(rpm))) {
            throw new IllegalArgumentException("--rpm: a positive shaft speed (got " + rpm + ")");
        }
    }

    public boolean isEmpty() {
        return format == null
                && layout == null
                && sampleRateHz == null
                && rpm == null
                && bearing == null
                && unit == null;
    }

    /** These settings where given, else {@code older}'s (a sidecar's). */
    public UserSettings over(UserSettings older) {
        boolean sameFormat = format == null || format.equals(older.format);
        return new UserSettings(
                format != null ? format : older.format,
                layout != null ? layout : sameFormat ? older.layout : null,
                sampleRateHz != null ? sampleRateHz : older.sampleRateHz,
                rpm != null ? rpm : older.rpm,
                bearing != null ? bearing : older.bearing,
                unit != null ? unit : older.unit);
    }

    /** {@code d} with these settings applied. */
    public DataSetDescription applyTo(DataSetDescription d) {
        DataSetDescription out = d;
        if (sampleRateHz != null) {
            out = out.withSampleRate(sampleRateHz, ValueSource.USER);
        }
        if (rpm != null) {
            out = out.withRpm(rpm, ValueSource.USER);
        }
        if (bearing != null) {
            out = out.withBearing(bearing, ValueSource.USER);
        }
        if (unit != null) {
            out = out.withUnit(unit, ValueSource.USER);
        }
        return out;
    }

    /**
     * Parses {@code --bearing}: a preset name ({@code za-2115}, {@code pronostia}, {@code uer204}) or
     * {@code N,d,D,angle} (rolling elements, element and pitch diameter in one unit, contact angle in degrees).
     */
    public static BearingDesign parseBearing(String text) {
        var preset = Presets.bearing(text);
        if (preset.isPresent()) {
            return preset.get();
        }
        String[] p = text.split(",");
        try {
            if (p.length == 4) {
                return new BearingDesign(
                        "custom bearing",
                        Integer.parseInt(p[0].trim()),
                        Double.parseDouble(p[1].trim()),
                        Double.parseDouble(p[2].trim()),
                        Double.parseDouble(p[3].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("--bearing: '" + text + "' is neither a preset ("
                + String.join(", ", new TreeSet<>(Presets.bearings().keySet()))
                + ") nor N,d,D,angle (e.g. 13,3.5,25.6,0)");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (format != null) {
            sb.append("format ").append(format).append(' ');
        }
        if (layout != null) {
            sb.append("layout ").append(layout).append(' ');
        }
        if (sampleRateHz != null) {
            sb.append(String.format(Locale.ROOT, "%.6g Hz ", sampleRateHz));
        }
        if (rpm != null) {
            sb.append(rpm).append(" rpm ");
        }
        if (bearing != null) {
            sb.append(bearing.name()).append(' ');
        }
        if (unit != null) {
            sb.append("unit ").append(unit);
        }
        return sb.toString().trim();
    }
}
