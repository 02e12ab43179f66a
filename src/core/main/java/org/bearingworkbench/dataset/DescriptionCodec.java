package org.bearingworkbench.dataset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bearingworkbench.signal.BearingDesign;

/**
 * A description as flat key/value text (for a model bundle's properties): each value with its source, channels as
 * {@code name|label|bearing|axis} entries. {@link #decode} gives back an equal description.
 */
public final class DescriptionCodec {
    private DescriptionCodec() {}

    public static Map<String, String> encode(DataSetDescription d) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "format", d.format(), Function.identity());
        m.put("preset", d.preset());
        put(m, "sample_rate_hz", d.sampleRateHz(), String::valueOf);
        put(m, "samples_per_snapshot", d.samplesPerSnapshot(), String::valueOf);
        put(m, "interval_ms", d.interval(), v -> Long.toString(v.toMillis()));
        List<String> ch = new ArrayList<>();
        for (ChannelInfo c : d.channels()) {
            ch.add(String.join(
                    "|", escape(c.name()), escape(c.label()), Integer.toString(c.bearing()), escape(c.axis())));
        }
        m.put("channels", String.join("\t", ch));
        m.put("channels.source", d.channelsSource().name());
        put(m, "unit", d.unit(), Function.identity());
        put(m, "rpm", d.rpm(), String::valueOf);
        put(
                m,
                "bearing",
                d.bearing(),
                b -> String.join(
                        "|",
                        escape(b.name()),
                        Integer.toString(b.rollingElements()),
                        Double.toString(b.elementDiameter()),
                        Double.toString(b.pitchDiameter()),
                        Double.toString(b.contactAngleDegrees())));
        return m;
    }

    /** The description {@link #encode} wrote, or null when {@code m} holds none (a bundle from before it). */
    public static DataSetDescription decode(Map<String, String> m) {
        if (!m.containsKey("format")) {
            return null;
        }
        List<ChannelInfo> ch = new ArrayList<>();
        String channels = m.getOrDefault("channels", "");
        if (!channels.isEmpty()) {
            for (String c : channels.split("\t")) {
                String[] p = c.split("\\|", -1);
                ch.add(new ChannelInfo(unescape(p[0]), unescape(p[1]), Integer.parseInt(p[2]), unescape(p[3])));
            }
        }
        return new DataSetDescription(
                get(m, "format", Function.identity()),
                m.getOrDefault("preset", ""),
                get(m, "sample_rate_hz", Double::valueOf),
                get(m, "samples_per_snapshot", Integer::valueOf),
                get(m, "interval_ms", v -> Duration.ofMillis(Long.parseLong(v))),
                ch,
                ValueSource.valueOf(m.getOrDefault("channels.source", "UNKNOWN")),
                get(m, "unit", Function.identity()),
                get(m, "rpm", Double::valueOf),
                get(m, "bearing", v -> {
                    String[] p = v.split("\\|", -1);
                    return new BearingDesign(
                            unescape(p[0]),
                            Integer.parseInt(p[1]),
                            Double.parseDouble(p[2]),
                            Double.parseDouble(p[3]),
                            Double.parseDouble(p[4]));
                }));
    }

    /**
     * A text field with the codec's separators escaped: backslash as {@code \\\\}, {@code |} as {@code \\p}, tab as
     * {@code \\t}, line break as {@code \\n} (a bearing named {@code SKF 6205|2RS} once split into two fields).
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '|' -> b.append("\\p");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The text {@link #escape} wrote; a field written before escaping (no backslash) reads as it was. */
    static String unescape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                b.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'p' -> b.append('|');
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case '\\' -> b.append('\\');
                default -> b.append(c).append(n);
            }
        }
        return b.toString();
    }

    private static <T> void put(Map<String, String> m, String key, Sourced<T> v, Function<T, String> text) {
        if (v.known()) {
            m.put(key, text.apply(v.value()));
        }
        m.put(key + ".source", v.source().name());
    }

    private static <T> Sourced<T> get(Map<String, String> m, String key, Function<String, T> parse) {
        String v = m.get(key);
        return v == null
                ? Sourced.unknown()
                : new Sourced<>(parse.apply(v), ValueSource.valueOf(m.getOrDefault(key + ".source", "UNKNOWN")));
    }
}
