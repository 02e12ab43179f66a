package org.bearingworkbench.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.signal.BearingDesign;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers what a user said about a data directory, so it is asked once: a small JSON file
 * {@value #FILE_NAME} in the directory when it is writable, else a per-directory entry in the user's preferences.
 *
 * <pre>
 * { "schema": "bearing-workbench-dataset-1",
 *   "format": "femto",                 // optional: the format id (--format)
 *   "layout": "columns=2,3;header=1;time=order:10s",   // optional: the format's options (--layout)
 *   "sample_rate_hz": 25600.0,         // optional
 *   "shaft_rpm": 1500.0,               // optional
 *   "bearing": { "name": "...", "rolling_elements": 13, "element_diameter": 3.5,
 *                "pitch_diameter": 25.6, "contact_angle_deg": 0.0 },   // optional
 *   "unit": "g" }                      // optional
 * </pre>
 */
public final class DataSetSidecar {
    public static final String FILE_NAME = ".bearing-workbench.json";
    static final String SCHEMA = "bearing-workbench-dataset-1";
    private static final Logger LOG = LoggerFactory.getLogger(DataSetSidecar.class);
    /** Made on first use: most opened directories have no sidecar, and a mapper costs ~0.1 s of a cold start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final String PREFS_NODE = "org/bearingworkbench/datasets";

    private DataSetSidecar() {}

    /** The settings remembered for {@code dir} (sidecar file first, then preferences), or {@link UserSettings#NONE}. */
    public static UserSettings load(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            }
            String stored = prefs().get(key(dir), null);
            return stored == null ? UserSettings.NONE : parse(stored, "preferences for " + dir);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            LOG.warn("ignoring the remembered data-set settings of {}: {}", dir, e.getMessage(), e);
            return UserSettings.NONE;
        }
    }

    /**
     * Remembers {@code settings} for {@code dir} (merged over what was remembered). Returns where: the sidecar file,
     * or "preferences" when the directory is not writable.
     */
    public static String save(Path dir, UserSettings settings) {
        UserSettings merged = settings.over(load(dir));
        String text = toJson(merged);
        Path file = dir.resolve(FILE_NAME);
        try {
            AtomicFiles.write(file, w -> w.write(text));
            return file.toString();
        } catch (IOException e) {
            LOG.info(
                    "data directory {} not writable ({}); remembering its settings in the user's preferences",
                    dir,
                    e.getMessage());
        }
        try {
            Preferences p = prefs();
            p.put(key(dir), text);
            p.flush();
            return "the user's preferences";
        } catch (BackingStoreException | SecurityException | IllegalArgumentException e) {
            LOG.warn("could not remember the data-set settings of {}", dir, e);
            return "nowhere (not writable)";
        }
    }

    /** The settings as the sidecar's JSON (a project file holds them so too). */
    public static String toJson(UserSettings s) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        if (s.format() != null) {
            root.put("format", s.format());
        }
        if (s.layout() != null) {
            root.put("layout", s.layout());
        }
        if (s.sampleRateHz() != null) {
            root.put("sample_rate_hz", s.sampleRateHz());
        }
        if (s.rpm() != null) {
            root.put("shaft_rpm", s.rpm());
        }
        if (s.bearing() != null) {
            ObjectNode b = root.putObject("bearing");
            b.put("name", s.bearing().name());
            b.put("rolling_elements", s.bearing().rollingElements());
            b.put("element_diameter", s.bearing().elementDiameter());
            b.put("pitch_diameter", s.bearing().pitchDiameter());
            b.put("contact_angle_deg", s.bearing().contactAngleDegrees());
        }
        if (s.unit() != null) {
            root.put("unit", s.unit());
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Settings from the sidecar's JSON; {@code where} names the source in messages. */
    public static UserSettings parse(String text, String where) throws IOException {
        JsonNode root = Json.MAPPER.readTree(text);
        if (root == null
                || !root.isObject()
                || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IllegalArgumentException(where + ": not a " + SCHEMA + " file");
        }
        List<String> unknown = unknownKeys(root);
        if (!unknown.isEmpty()) {
            LOG.warn("{}: ignoring unknown key(s) {} (known: {})", where, unknown, KNOWN_KEYS);
        }
        JsonNode b = root.get("bearing");
        BearingDesign bearing = b == null || !b.isObject()
                ? null
                : new BearingDesign(
                        b.path("name").asText("bearing"),
                        b.path("rolling_elements").asInt(),
                        b.path("element_diameter").asDouble(),
                        b.path("pitch_diameter").asDouble(),
                        b.path("contact_angle_deg").asDouble());
        return new UserSettings(
                text(root, "format"),
                text(root, "layout"),
                number(root, "sample_rate_hz"),
                number(root, "shaft_rpm"),
                bearing,
                text(root, "unit"));
    }

    /** The keys a sidecar may hold. */
    static final List<String> KNOWN_KEYS =
            List.of("schema", "format", "layout", "sample_rate_hz", "shaft_rpm", "bearing", "unit");

    /** Keys of {@code root} the sidecar does not know (a misspelt {@code sample_rate} is ignored otherwise). */
    public static List<String> unknownKeys(JsonNode root) {
        List<String> out = new ArrayList<>();
        root.fieldNames().forEachRemaining(k -> {
            if (!KNOWN_KEYS.contains(k)) {
                out.add(k);
            }
        });
        return out;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || !n.isTextual() ? null : n.asText();
    }

    private static Double number(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || !n.isNumber() ? null : n.asDouble();
    }

    private static Preferences prefs() {
        return Preferences.userRoot().node(PREFS_NODE);
    }

    /** A preferences key for a directory (keys are limited to 80 characters). */
    private static String key(Path dir) {
        String abs = dir.toAbsolutePath().normalize().toString();
        return abs.length() <= 80 ? abs : Integer.toHexString(abs.hashCode()) + "…" + abs.substring(abs.length() - 60);
    }
}
