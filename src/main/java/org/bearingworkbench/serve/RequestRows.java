package org.bearingworkbench.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SnapshotName;

/**
 * The rows of a scoring request as a feature table: a CSV (the study's service: a timestamp column and the model's
 * feature columns; other columns are ignored) or JSON ({@code {"rows": [{"timestamp": "...", "ch1_mean_abs": 0.06,
 * ...}, ...]}} or the bare array). Problems name the row and the column.
 */
final class RequestRows {
    private RequestRows() {
    }

    static FeatureTable fromCsv(String body, List<String> columns) throws InputFormatException {
        FeatureTable t = FeatureCsv.load(new StringReader(body), "request body").table();
        List<String> missing = columns.stream().filter(c -> !t.hasColumn(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputFormatException("request body: no column " + String.join(", ", missing) + " (the model reads "
                    + String.join(", ", columns) + ")");
        }
        return t;
    }

    static FeatureTable fromJson(JsonNode root, List<String> columns) throws InputFormatException {
        JsonNode rows = root != null && root.isObject() ? root.get("rows") : root;
        if (rows == null || !rows.isArray()) {
            throw new InputFormatException("request body: expected {\"rows\": [...]} or an array of rows");
        }
        if (rows.isEmpty()) {
            throw new InputFormatException("request body: no rows");
        }
        List<LocalDateTime> ts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String c : columns) {
            values.put(c, new double[rows.size()]);
        }
        Set<LocalDateTime> seen = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            if (!row.isObject()) {
                throw new InputFormatException("row " + r + ": expected an object with timestamp and feature columns");
            }
            JsonNode t = row.get("timestamp");
            if (t == null || !t.isTextual()) {
                throw new InputFormatException("row " + r + ": no \"timestamp\" (text such as 2004-02-12 10:32:39)");
            }
            LocalDateTime time;
            try {
                time = FeatureCsv.parseTimestamp(t.asText());
            } catch (DateTimeParseException e) {
                throw new InputFormatException("row " + r + ", timestamp: '" + t.asText() + "' is not a timestamp "
                        + "(expected e.g. 2004-02-12 10:32:39)", e);
            }
            if (!seen.add(time)) {
                throw new InputFormatException("row " + r + ": timestamp " + FeatureCsv.ISO.format(time) + " appears twice");
            }
            ts.add(time);
            files.add(row.hasNonNull("file") ? row.get("file").asText() : SnapshotName.of(time));
            for (String c : columns) {
                JsonNode v = row.get(c);
                if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new InputFormatException("row " + r + ", column " + c + ": " + (v == null ? "missing"
                            : "'" + v + "' is not a finite number") + " (the model reads " + String.join(", ", columns) + ")");
                }
                values.get(c)[r] = v.asDouble();
            }
        }
        return FeatureTable.of("request", null, ts, files, new int[ts.size()], values);
    }
}
