package org.bearingworkbench.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.PersistenceRule;

/**
 * The body of a {@code POST /v1/score} answer, streamed to the response with Jackson's generator, its fast double
 * writer and field names encoded once (no tree of nodes per row; a 1,000-row answer is ~10,000 numbers):
 * {@code {"threshold": t, "persistence": "3/3", "rows": [{"timestamp", "score", "flagged", "in_alarm",
 * "top_channel", "top_bearing", "errors": {column: error}}]}}.
 */
final class ResponseJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    // the names written on every row, encoded once (no escaping check per field)
    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString FLAGGED = new SerializedString("flagged");
    private static final SerializedString IN_ALARM = new SerializedString("in_alarm");
    private static final SerializedString TOP_CHANNEL = new SerializedString("top_channel");
    private static final SerializedString TOP_BEARING = new SerializedString("top_bearing");
    private static final SerializedString ERRORS = new SerializedString("errors");

    /** The fields of a row an answer may carry ({@code ?fields=...} chooses; all by default). */
    enum Field {
        TIMESTAMP,
        SCORE,
        FLAGGED,
        IN_ALARM,
        TOP_CHANNEL,
        TOP_BEARING,
        ERRORS;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The fields a {@code ?fields=} value names (comma-separated, e.g. {@code timestamp,score,flagged}: the
         * study's service's answer); an unknown or missing name is an error naming it and the known ones.
         */
        static Set<Field> parse(String list) {
            Set<Field> fields = EnumSet.noneOf(Field.class);
            for (String part : list.split(",", -1)) {
                String name = part.trim();
                Field f = Arrays.stream(values())
                        .filter(v -> v.key().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown field '" + name + "' (known: "
                                + String.join(
                                        ", ",
                                        Arrays.stream(values()).map(Field::key).toList()) + ")"));
                fields.add(f);
            }
            return fields;
        }
    }

    /** Every field: the default answer. */
    static final Set<Field> ALL = Collections.unmodifiableSet(EnumSet.allOf(Field.class));

    private ResponseJson() {}

    /**
     * Writes the answer with the row fields {@code fields} to {@code out} as it is made (a large answer is not held
     * as one array first). {@code in_alarm} is written only with a persistence rule.
     */
    static void write(
            ScoringService.Result r, ScoringService service, PersistenceRule rule, Set<Field> fields, OutputStream out)
            throws IOException {
        List<String> columns = service.columns();
        ChannelMap channels = service.channels();
        SerializedString[] column = new SerializedString[columns.size()];
        SerializedString[] channel = new SerializedString[columns.size()];
        int[] bearing = new int[columns.size()];
        for (int c = 0; c < channel.length; c++) {
            column[c] = new SerializedString(columns.get(c));
            channel[c] = new SerializedString(channels.channel(c));
            bearing[c] = channels.bearing(c);
        }
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("threshold", service.threshold());
            g.writeNumberField("unscorable_rows", r.unscorableRows());
            if (rule != null) {
                g.writeStringField("persistence", rule.toString());
            }
            g.writeFieldName("rows");
            rows(g, r, fields, column, channel, bearing);
            g.writeEndObject();
        }
    }

    private static void rows(
            JsonGenerator g,
            ScoringService.Result r,
            Set<Field> fields,
            SerializedString[] column,
            SerializedString[] channel,
            int[] bearing)
            throws IOException {
        char[] time = new char[19];
        boolean timestamp = fields.contains(Field.TIMESTAMP);
        boolean score = fields.contains(Field.SCORE);
        boolean flagged = fields.contains(Field.FLAGGED);
        boolean inAlarm = fields.contains(Field.IN_ALARM) && r.inAlarm() != null;
        boolean topChannel = fields.contains(Field.TOP_CHANNEL);
        boolean topBearing = fields.contains(Field.TOP_BEARING);
        boolean errorsToo = fields.contains(Field.ERRORS);
        g.writeStartArray();
        for (int i = 0; i < r.rows(); i++) {
            g.writeStartObject();
            if (timestamp) {
                LocalDateTime t = r.time()[i];
                g.writeFieldName(TIMESTAMP);
                if (t.getYear() >= 1000 && t.getYear() <= 9999) {
                    g.writeString(time, 0, format(t, time));
                } else {
                    g.writeString(ScoringService.format(t));
                }
            }
            String why = r.unscorable(i);
            if (why != null) {
                // never "not flagged": the row says it could not be scored, and why
                g.writeStringField("unscorable", why);
            }
            if (score) {
                g.writeFieldName(SCORE);
                number(g, r.score()[i]);
            }
            if (flagged) {
                g.writeFieldName(FLAGGED);
                if (why == null) {
                    g.writeBoolean(r.flagged()[i]);
                } else {
                    g.writeNull();
                }
            }
            if (inAlarm) {
                g.writeFieldName(IN_ALARM);
                g.writeBoolean(r.inAlarm()[i]);
            }
            if (topChannel) {
                g.writeFieldName(TOP_CHANNEL);
                g.writeString(channel[r.top()[i]]);
            }
            if (topBearing) {
                g.writeFieldName(TOP_BEARING);
                g.writeNumber(bearing[r.top()[i]]);
            }
            if (errorsToo) {
                g.writeFieldName(ERRORS);
                g.writeStartObject();
                double[] errors = r.errors()[i];
                for (int c = 0; c < column.length; c++) {
                    g.writeFieldName(column[c]);
                    number(g, errors[c]);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A number, or null where it is none (JSON has no NaN; a string "NaN" read as a number by nobody). */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss} into {@code out}, digit by digit (as {@code FeatureCsv.ISO} for years 1000-9999). */
    static int format(LocalDateTime t, char[] out) {
        put(out, 0, t.getYear(), 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = ' ';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        return 19;
    }

    private static void put(char[] out, int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
