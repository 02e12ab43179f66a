package org.bearingworkbench.fleet;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * Which model bundle scores which machine: one for all ({@code --model}), or a mapping file ({@code --models}) of
 * {@code machine,model} lines (a {@code #} starts a comment; a relative model path is relative to the mapping
 * file), with {@code --model} as the default for machines the file does not list.
 */
public record ModelAssignment(String defaultModel, Map<String, String> perMachine) {

    public ModelAssignment {
        perMachine = Map.copyOf(perMachine);
    }

    public static ModelAssignment of(String model, String mappingFile) throws IOException {
        if (model == null && mappingFile == null) {
            throw new IllegalArgumentException("give --model (one bundle for every machine) or --models (a mapping "
                    + "file of machine,model lines)");
        }
        if (mappingFile == null) {
            return new ModelAssignment(model, Map.of());
        }
        return new ModelAssignment(model, parse(mappingFile, FleetStorage.readLines(mappingFile)));
    }

    static Map<String, String> parse(String mappingFile, List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        Path base = new Path(mappingFile).getParent();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty() || (i == 0 && line.equalsIgnoreCase("machine,model"))) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(mappingFile + " line " + (i + 1) + ": expected machine,model (got '"
                        + lines.get(i).strip() + "')");
            }
            String machine = parts[0].strip();
            if (out.containsKey(machine)) {
                throw new IllegalArgumentException(
                        mappingFile + " line " + (i + 1) + ": machine " + machine + " is listed twice");
            }
            out.put(machine, resolve(base, parts[1].strip()));
        }
        return out;
    }

    private static String resolve(Path base, String model) {
        boolean absolute =
                model.startsWith("/") || URI.create(model.replace(" ", "%20")).getScheme() != null;
        return absolute || base == null ? model : new Path(base, model).toString();
    }

    /** The model of {@code machine}, or null when it has none. */
    String modelOf(String machine) {
        return perMachine.getOrDefault(machine, defaultModel);
    }
}
