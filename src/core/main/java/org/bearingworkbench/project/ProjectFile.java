package org.bearingworkbench.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.io.DataSetSidecar;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.ZipEntries;
import org.bearingworkbench.model.ModelBundle;

/**
 * Reads and writes project files: one zip holding {@code project.json} (schema {@value #SCHEMA}) and each model as
 * its own bundle ({@code models/N.bwm}, the same bytes as a saved {@code .bwm}). The data source is stored absolute
 * and relative to the project file; on opening, the relative path wins when it exists, so a project moved together
 * with its data (or opened on another machine with the same folder layout) still finds it.
 */
public final class ProjectFile {
    static final String SCHEMA = "bearing-workbench-project-1";
    private static final String JSON_ENTRY = "project.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectFile() {}

    /** Writes {@code p} to {@code file} atomically (a failed write leaves any earlier file as it was). */
    public static void save(Project p, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode data = root.putObject("data");
        Path source = p.dataSource().toAbsolutePath().normalize();
        data.put("path", source.toString());
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (dir != null && dir.getRoot() != null && dir.getRoot().equals(source.getRoot())) {
            data.put("relative", dir.relativize(source).toString());
        }
        data.set("settings", JSON.readTree(DataSetSidecar.toJson(p.settings())));
        if (p.trainUntil() != null) {
            root.putObject("split").put("train_until", p.trainUntil().toString());
        }
        ArrayNode models = root.putArray("models");
        List<byte[]> bundles = new ArrayList<>();
        for (int i = 0; i < p.models().size(); i++) {
            Project.SessionModel m = p.models().get(i);
            models.addObject().put("file", entry(i)).put("source", m.source());
            bundles.add(m.bundle().toBytes());
        }
        root.put("active", p.active());
        ObjectNode threshold = root.putObject("threshold");
        if (p.thresholdMethod() != null) {
            threshold.put("method", p.thresholdMethod());
        }
        threshold.put("persistence", p.persistence());
        root.put("channels_per_bearing", p.channelsPerBearing());
        ObjectNode layout = root.putObject("layout");
        new TreeMap<>(p.layout()).forEach(layout::put);
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.writePath(file, temp -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                ZipEntries.put(zip, JSON_ENTRY, json);
                for (int i = 0; i < bundles.size(); i++) {
                    ZipEntries.put(zip, entry(i), bundles.get(i));
                }
            }
        });
    }

    private static String entry(int i) {
        return "models/" + (i + 1) + ModelBundle.EXTENSION;
    }

    /** Reads a project; a file that is not one, or is damaged, gives a message naming the file and what is wrong. */
    public static Project load(Path file) throws InputFormatException {
        String name = file.getFileName().toString();
        Map<String, byte[]> entries;
        try (InputStream raw = Files.newInputStream(file)) {
            entries = ZipEntries.read(raw);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file + ": project file not found", e);
        } catch (ZipException | EOFException e) {
            throw new InputFormatException(
                    name + ": not a Bearing Workbench project, or it is truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InputFormatException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        byte[] json = entries.get(JSON_ENTRY);
        if (json == null) {
            throw new InputFormatException(name + ": not a Bearing Workbench project (no " + JSON_ENTRY + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InputFormatException(name + ": damaged " + JSON_ENTRY + " (" + e.getMessage() + ")", e);
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new InputFormatException(name + ": unknown project schema '"
                    + (root == null ? "" : root.path("schema").asText()) + "' (expected " + SCHEMA
                    + "; a newer Bearing Workbench may have written it)");
        }
        try {
            JsonNode data = root.path("data");
            Path source = dataSource(file, data);
            UserSettings settings = data.has("settings")
                    ? DataSetSidecar.parse(data.get("settings").toString(), name + " (data settings)")
                    : UserSettings.NONE;
            String until = root.path("split").path("train_until").asText(null);
            List<Project.SessionModel> models = new ArrayList<>();
            for (JsonNode m : root.path("models")) {
                String entry = m.path("file").asText();
                byte[] bundle = entries.get(entry);
                if (bundle == null) {
                    throw new InputFormatException(name + ": the model " + entry + " it lists is missing");
                }
                models.add(new Project.SessionModel(
                        m.path("source").asText(entry), ModelBundle.fromBytes(bundle, name + "!" + entry)));
            }
            Map<String, String> layout = new LinkedHashMap<>();
            root.path("layout")
                    .fields()
                    .forEachRemaining(f -> layout.put(f.getKey(), f.getValue().asText()));
            JsonNode threshold = root.path("threshold");
            return new Project(
                    source,
                    settings,
                    until == null ? null : LocalDateTime.parse(until),
                    models,
                    root.path("active").asInt(models.isEmpty() ? -1 : 0),
                    threshold.path("method").asText(null),
                    threshold.path("persistence").asText("3/3"),
                    root.path("channels_per_bearing").asInt(1),
                    layout);
        } catch (InputFormatException e) {
            throw e;
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw new InputFormatException(name + ": damaged project (" + e.getMessage() + ")", e);
        }
    }

    /** The stored path relative to the project when that exists, else the absolute one. */
    private static Path dataSource(Path file, JsonNode data) throws InputFormatException {
        String absolute = data.path("path").asText(null);
        if (absolute == null) {
            throw new InputFormatException(file.getFileName() + ": damaged project (no data path)");
        }
        String relative = data.path("relative").asText(null);
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (relative != null && dir != null) {
            Path moved = dir.resolve(relative).normalize();
            if (Files.exists(moved)) {
                return moved;
            }
        }
        return Path.of(absolute);
    }
}
