package org.bearingworkbench.io.formats;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a logger's delimited (or WAV) snapshot files are to be read, as a user states it in one line:
 * {@code columns=2,3;header=1;time=name:yyyy.MM.dd.HH.mm.ss}. Every part is optional:
 * <ul>
 *   <li>{@code columns}: the 1-based signal columns (default: every column);</li>
 *   <li>{@code header}: header lines to skip (default: detected, as the leading lines holding letters);</li>
 *   <li>{@code time}: how a snapshot's time is known: {@code name:PATTERN} (a java.time pattern applied to the
 *       file name without its extension), {@code mtime} (the file's modification time) or {@code order:INTERVAL}
 *       (file order, {@code 10s}, {@code 5min}, {@code 1h}); default {@code mtime}.</li>
 * </ul>
 */
public record DelimitedLayout(int[] columns, Integer headerLines, TimeRule time) {
    /** How a snapshot's time is known. */
    public sealed interface TimeRule permits ByName, ByModificationTime, ByOrder {}

    /** The file name (without extension) read with a date-time pattern. */
    public record ByName(String pattern) implements TimeRule {
        public ByName {
            DateTimeFormatter.ofPattern(pattern);
        }
    }

    /** The file's modification time. */
    public record ByModificationTime() implements TimeRule {}

    /** File order (natural: 2 before 10), one interval apart. */
    public record ByOrder(Duration interval) implements TimeRule {}

    public static final DelimitedLayout DEFAULT = new DelimitedLayout(null, null, new ByModificationTime());

    public static DelimitedLayout parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return DEFAULT;
        }
        int[] columns = null;
        Integer header = null;
        TimeRule time = DEFAULT.time();
        for (String part : spec.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--layout: '" + p + "' is not key=value (columns, header, time)");
            }
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "columns" ->
                        columns = Arrays.stream(value.split(","))
                                .mapToInt(v -> {
                                    int c = Integer.parseInt(v.trim());
                                    if (c < 1) {
                                        throw new IllegalArgumentException(
                                                "--layout columns: 1-based column numbers (got " + c + ")");
                                    }
                                    return c - 1;
                                })
                                .toArray();
                    case "header" -> header = Integer.parseInt(value);
                    case "time" -> time = parseTime(value);
                    default ->
                        throw new IllegalArgumentException(
                                "--layout: unknown part '" + key + "' (columns, header, time)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--layout " + key + ": '" + value + "' is not a number list", e);
            }
        }
        if (header != null && (header < 0 || header > 1000)) {
            throw new IllegalArgumentException("--layout header: 0 to 1000 lines (got " + header + ")");
        }
        return new DelimitedLayout(columns, header, time);
    }

    private static TimeRule parseTime(String value) {
        if (value.equalsIgnoreCase("mtime")) {
            return new ByModificationTime();
        }
        if (value.startsWith("name:")) {
            try {
                return new ByName(value.substring(5));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--layout time: '" + value.substring(5) + "' is not a date-time " + "pattern (" + e.getMessage()
                                + ")",
                        e);
            }
        }
        if (value.startsWith("order:")) {
            return new ByOrder(duration(value.substring(6)));
        }
        throw new IllegalArgumentException(
                "--layout time: name:PATTERN, mtime or order:INTERVAL (got '" + value + "')");
    }

    /** {@code 10s}, {@code 2.5s}, {@code 5min}, {@code 1h}, {@code 600} (seconds). */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        double factor = 1;
        if (t.endsWith("min")) {
            factor = 60;
            t = t.substring(0, t.length() - 3);
        } else if (t.endsWith("ms")) {
            factor = 0.001;
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("h")) {
            factor = 3600;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        }
        double seconds;
        try {
            seconds = Double.parseDouble(t.trim()) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 10s, 5min, 1h)", e);
        }
        if (!(seconds > 0 && seconds < 1e9)) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (columns != null) {
            sb.append("columns=")
                    .append(String.join(
                            ",",
                            Arrays.stream(columns)
                                    .mapToObj(c -> Integer.toString(c + 1))
                                    .toList()))
                    .append(';');
        }
        if (headerLines != null) {
            sb.append("header=").append(headerLines).append(';');
        }
        sb.append("time=");
        if (time instanceof ByName n) {
            sb.append("name:").append(n.pattern());
        } else if (time instanceof ByOrder o) {
            sb.append("order:").append(o.interval().toMillis() / 1000.0).append('s');
        } else {
            sb.append("mtime");
        }
        return sb.toString();
    }
}
