package org.bearingworkbench.pipeline.prognosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Life forecasts as JSON (Jackson) and CSV (commons-csv), to the second: the one way {@code rul predict} writes. */
public final class LifeOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The CSV columns, in order (the JSON keys are the same). */
    public static final List<String> COLUMNS = List.of(
            "time",
            "file",
            "age_seconds",
            "rul_seconds",
            "rul_median",
            "rul_low",
            "rul_high",
            "indicator",
            "failure_level",
            "method");

    private LifeOutput() {}

    public static Map<String, Object> object(LifeForecast f) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> v = values(f);
        for (int i = 0; i < COLUMNS.size(); i++) {
            m.put(COLUMNS.get(i), v.get(i));
        }
        return m;
    }

    private static List<Object> values(LifeForecast f) {
        return Arrays.asList(
                TIME.format(f.time()),
                f.file(),
                Math.round(f.ageSeconds()),
                Math.round(f.rulSeconds()),
                Math.round(f.medianSeconds()),
                Math.round(f.lowSeconds()),
                Math.round(f.highSeconds()),
                round(f.level()),
                round(f.failureLevel()),
                f.method());
    }

    /** The model and the forecasts as one JSON document. */
    public static String json(LifeModel model, List<LifeForecast> forecasts) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feature", model.feature());
        m.put("failure", model.failureSource());
        m.put("runs", model.histories().stream().map(LifeModel.History::name).toList());
        m.put("forecasts", forecasts.stream().map(LifeOutput::object).toList());
        return JSON.writeValueAsString(m);
    }

    public static void csv(List<LifeForecast> forecasts, Writer out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            p.printRecord(COLUMNS);
            for (LifeForecast f : forecasts) {
                p.printRecord(values(f));
            }
        }
    }

    private static Object round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null;
    }
}
