package org.bearingworkbench.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.PersistenceRule;

/**
 * The body of a {@code POST /v1/score} answer, written straight to bytes with Jackson's streaming generator and its
 * fast double writer (no tree of nodes per row; a 1,000-row answer is ~10,000 numbers):
 * {@code {"threshold": t, "persistence": "3/3", "rows": [{"timestamp", "score", "flagged", "in_alarm",
 * "top_channel", "top_bearing", "errors": {column: error}}]}}.
 */
final class ResponseJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private ResponseJson() {}

    static byte[] of(ScoringService.Result r, ScoringService service, PersistenceRule rule) {
        List<String> columns = service.columns();
        ChannelMap channels = service.channels();
        String[] channel = new String[columns.size()];
        int[] bearing = new int[columns.size()];
        for (int c = 0; c < channel.length; c++) {
            channel[c] = channels.channel(c);
            bearing[c] = channels.bearing(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + r.rows() * 220);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("threshold", service.threshold());
            if (rule != null) {
                g.writeStringField("persistence", rule.toString());
            }
            g.writeFieldName("rows");
            rows(g, r, columns, channel, bearing);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void rows(
            JsonGenerator g, ScoringService.Result r, List<String> columns, String[] channel, int[] bearing)
            throws IOException {
        char[] time = new char[19];
        g.writeStartArray();
        for (int i = 0; i < r.rows(); i++) {
            g.writeStartObject();
            LocalDateTime t = r.time()[i];
            if (t.getYear() >= 1000 && t.getYear() <= 9999) {
                g.writeFieldName("timestamp");
                g.writeString(time, 0, format(t, time));
            } else {
                g.writeStringField("timestamp", ScoringService.format(t));
            }
            g.writeNumberField("score", r.score()[i]);
            g.writeBooleanField("flagged", r.flagged()[i]);
            if (r.inAlarm() != null) {
                g.writeBooleanField("in_alarm", r.inAlarm()[i]);
            }
            g.writeStringField("top_channel", channel[r.top()[i]]);
            g.writeNumberField("top_bearing", bearing[r.top()[i]]);
            g.writeObjectFieldStart("errors");
            for (int c = 0; c < columns.size(); c++) {
                g.writeNumberField(columns.get(c), r.errors()[i][c]);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
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
