package org.bearingworkbench.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bearingworkbench.dataset.DescriptionJson;
import org.bearingworkbench.io.InputFormatException;

/**
 * A bundle's metadata as {@code bundle.json} (format 3): written and read by Jackson, so any name (a column, a
 * bearing, a provenance path) holds any character. Numbers that are not finite (a validation loss that was never
 * computed) are written as the strings {@code "NaN"} and {@code "Infinity"}.
 */
final class BundleJson {
    static final String FORMAT = "bearing-workbench-model-3";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleJson() {}

    static byte[] write(BundleMeta m) throws JsonProcessingException {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        ObjectNode config = o.putObject("config");
        m.config().toMap().forEach(config::put);
        ArrayNode columns = o.putArray("columns");
        m.columns().forEach(columns::add);
        ObjectNode scaler = o.putObject("scaler");
        numbers(scaler.putArray("min"), m.scalerMin());
        numbers(scaler.putArray("max"), m.scalerMax());
        o.putObject("train")
                .put("start", m.trainStart().toString())
                .put("end", m.trainEnd().toString());
        if (m.threshold() != null || m.persistence() != null) {
            ObjectNode t = o.putObject("threshold");
            if (m.threshold() != null) {
                t.put("value", m.threshold());
                t.put("method", m.thresholdMethod() == null ? "manual" : m.thresholdMethod());
            }
            if (m.persistence() != null) {
                t.put("persistence", m.persistence());
            }
        }
        ArrayNode history = o.putArray("history");
        for (EpochResult e : m.history()) {
            ObjectNode h = history.addObject().put("epoch", e.epoch());
            number(h, "loss", e.loss());
            number(h, "validation_loss", e.validationLoss());
            number(h, "seconds", e.seconds());
        }
        o.put("created_at", m.createdAt());
        ObjectNode versions = o.putObject("versions");
        new TreeMap<>(m.versions()).forEach(versions::put);
        if (m.trainedOn() != null) {
            o.set("trained_on", DescriptionJson.write(m.trainedOn()));
        }
        if (m.provenance() != null) {
            ObjectNode p = o.putObject("provenance");
            m.provenance().toMap().forEach(p::put);
        }
        return JSON.writeValueAsBytes(o);
    }

    /** The metadata in {@code bytes}; {@code name} says where they came from in messages. */
    static BundleMeta read(byte[] bytes, String name) throws InputFormatException {
        JsonNode o;
        try {
            o = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InputFormatException(
                    name + ": damaged metadata (bundle.json: " + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new InputFormatException(name + ": damaged metadata (bundle.json: " + e.getMessage() + ")", e);
        }
        if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText())) {
            throw new InputFormatException(name + ": unknown bundle format '"
                    + (o == null ? "" : o.path("format").asText()) + "' (expected " + FORMAT
                    + "; a newer Bearing Workbench may have written it)");
        }
        for (String key : new String[] {"config", "columns", "scaler", "train"}) {
            if (!o.has(key)) {
                throw new InputFormatException(name + ": damaged metadata (no " + key + ")");
            }
        }
        Map<String, String> config = new TreeMap<>();
        o.get("config")
                .fields()
                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        List<String> columns = new ArrayList<>();
        o.get("columns").forEach(c -> columns.add(c.asText()));
        List<EpochResult> history = new ArrayList<>();
        for (JsonNode h : o.path("history")) {
            history.add(new EpochResult(
                    h.path("epoch").asInt(),
                    number(h.get("loss")),
                    number(h.get("validation_loss")),
                    number(h.get("seconds"))));
        }
        JsonNode t = o.path("threshold");
        Map<String, String> versions = new TreeMap<>();
        o.path("versions")
                .fields()
                .forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
        Map<String, String> provenance = new TreeMap<>();
        o.path("provenance")
                .fields()
                .forEachRemaining(e -> provenance.put(e.getKey(), e.getValue().asText()));
        return new BundleMeta(
                ModelConfig.fromMap(config),
                columns,
                numbers(o.get("scaler").get("min")),
                numbers(o.get("scaler").get("max")),
                LocalDateTime.parse(o.get("train").path("start").asText()),
                LocalDateTime.parse(o.get("train").path("end").asText()),
                history,
                t.has("value") ? number(t.get("value")) : null,
                t.has("method") ? t.get("method").asText() : null,
                t.has("persistence") ? t.get("persistence").asText() : null,
                o.path("created_at").asText(null),
                versions,
                o.has("trained_on") ? DescriptionJson.read(o.get("trained_on")) : null,
                TrainingProvenance.fromMap(provenance));
    }

    private static void numbers(ArrayNode a, double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.add(Double.toString(x));
            }
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, Double.toString(v));
        }
    }

    private static double number(JsonNode n) {
        if (n == null || !(n.isNumber() || n.isTextual())) {
            throw new IllegalArgumentException("a number is missing");
        }
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText());
    }

    private static double[] numbers(JsonNode a) {
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("the scaler has no list of numbers");
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(a.get(i));
        }
        return v;
    }
}
