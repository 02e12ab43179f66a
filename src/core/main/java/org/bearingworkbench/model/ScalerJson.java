package org.bearingworkbench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bearingworkbench.io.InputFormatException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** Reads a scikit-learn MinMaxScaler exported as JSON ({@code data_min_} and {@code data_max_} per feature). */
public final class ScalerJson {
    private ScalerJson() {}

    public static MinMaxScaler read(Path file) throws InputFormatException {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file + ": scaler file not found", e);
        } catch (IOException e) {
            throw new InputFormatException(name + ": not a JSON scaler (" + e.getMessage() + ")", e);
        }
        JsonNode min = root == null ? null : root.get("data_min_");
        JsonNode max = root == null ? null : root.get("data_max_");
        if (min == null || max == null || !min.isArray() || !max.isArray() || min.size() == 0) {
            throw new InputFormatException(
                    name + ": expected arrays data_min_ and data_max_ (a scikit-learn MinMaxScaler)");
        }
        if (min.size() != max.size()) {
            throw new InputFormatException(
                    name + ": data_min_ has " + min.size() + " values but data_max_ has " + max.size());
        }
        double[] lo = new double[min.size()];
        double[] hi = new double[max.size()];
        for (int i = 0; i < lo.length; i++) {
            if (!min.get(i).isNumber() || !max.get(i).isNumber()) {
                throw new InputFormatException(name + ": data_min_/data_max_ entry " + i + " is not a number");
            }
            lo[i] = min.get(i).asDouble();
            hi[i] = max.get(i).asDouble();
            if (!Double.isFinite(lo[i]) || !Double.isFinite(hi[i])) {
                throw new InputFormatException(name + ": data_min_/data_max_ entry " + i + " is not a finite number");
            }
            if (hi[i] < lo[i]) {
                throw new InputFormatException(name + ": entry " + i + " has data_max_ " + hi[i] + " below data_min_ "
                        + lo[i] + " (not a fitted scaler, or the two arrays are swapped)");
            }
            if (!Double.isFinite(hi[i] - lo[i])) {
                throw new InputFormatException(
                        name + ": entry " + i + " spans " + lo[i] + " .. " + hi[i] + ", beyond the double range");
            }
        }
        return new MinMaxScaler(lo, hi);
    }
}
