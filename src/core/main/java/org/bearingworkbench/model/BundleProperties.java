package org.bearingworkbench.model;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.bearingworkbench.dataset.DescriptionCodec;
import org.bearingworkbench.io.InputFormatException;

/**
 * The metadata of bundles written before format 3: {@code bundle.properties} (format 1, and format 2 with the
 * training provenance). Read only; every bundle is written as {@link BundleJson}.
 */
final class BundleProperties {
    static final String FORMAT_2 = "bearing-workbench-model-2";
    static final String FORMAT_1 = "bearing-workbench-model-1";

    private BundleProperties() {}

    static BundleMeta read(byte[] bytes, String name) throws InputFormatException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new InputFormatException(name + ": damaged metadata (" + e.getMessage() + ")", e);
        }
        if (!FORMAT_2.equals(p.getProperty("format")) && !FORMAT_1.equals(p.getProperty("format"))) {
            throw new InputFormatException(name + ": unknown bundle format '" + p.getProperty("format") + "' (expected "
                    + BundleJson.FORMAT + ", " + FORMAT_2 + " or " + FORMAT_1
                    + "; a newer Bearing Workbench may have written it)");
        }
        for (String key : new String[] {"columns", "scaler.min", "scaler.max", "train.start", "train.end"}) {
            if (p.getProperty(key) == null) {
                throw new InputFormatException(name + ": damaged metadata (no " + key + ")");
            }
        }
        Map<String, String> cfg = new TreeMap<>();
        Map<String, String> versions = new TreeMap<>();
        Map<String, String> dataset = new TreeMap<>();
        Map<String, String> provenance = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("config.")) {
                cfg.put(k.substring(7), p.getProperty(k));
            } else if (k.startsWith("version.")) {
                versions.put(k.substring(8), p.getProperty(k));
            } else if (k.startsWith("dataset.")) {
                dataset.put(k.substring(8), p.getProperty(k));
            } else if (k.startsWith("provenance.")) {
                provenance.put(k.substring(11), p.getProperty(k));
            }
        }
        String tv = p.getProperty("threshold.value");
        return new BundleMeta(
                ModelConfig.fromMap(cfg),
                Arrays.asList(p.getProperty("columns").split("\t")),
                split(p.getProperty("scaler.min")),
                split(p.getProperty("scaler.max")),
                LocalDateTime.parse(p.getProperty("train.start")),
                LocalDateTime.parse(p.getProperty("train.end")),
                history(p.getProperty("history", ""), name),
                tv == null ? null : Double.parseDouble(tv),
                p.getProperty("threshold.method"),
                p.getProperty("threshold.persistence"),
                p.getProperty("created_at"),
                versions,
                DescriptionCodec.decode(dataset),
                TrainingProvenance.fromMap(provenance));
    }

    private static List<EpochResult> history(String text, String name) throws InputFormatException {
        List<EpochResult> history = new ArrayList<>();
        for (String h : text.split(";")) {
            if (!h.isBlank()) {
                String[] f = h.split(":");
                if (f.length != 4) {
                    throw new InputFormatException(name + ": damaged training history ('" + h + "')");
                }
                history.add(new EpochResult(
                        Integer.parseInt(f[0]),
                        Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])));
            }
        }
        return history;
    }

    private static double[] split(String s) {
        return Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
