package org.bearingworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-line JSON summaries that commands print with {@code --json}, written by Jackson: fields in the order put,
 * doubles to six significant digits, a NaN or infinity as null (JSON has neither).
 */
final class Json {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Json put(String key, Object value) {
        fields.put(key, value instanceof Double d ? rounded(d) : value);
        return this;
    }

    private static BigDecimal rounded(double d) {
        return Double.isFinite(d) ? new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros() : null;
    }

    @Override
    public String toString() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary that is not JSON: " + fields, e);
        }
    }
}
