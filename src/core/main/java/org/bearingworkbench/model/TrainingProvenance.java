package org.bearingworkbench.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bearingworkbench.features.FeatureTable;

/**
 * Where a model came from, so a report can say what produced it and a reader can tell whether two models saw the same
 * data: the training data's identity (its source, row count, time range and a SHA-256 over exactly the values the
 * network was fitted on: timestamps and the chosen columns of the training rows), the training path, the thread
 * count and the machine (OS and architecture). As Tribuo's provenance, it is written into the bundle and never
 * recomputed from anything else.
 */
public record TrainingProvenance(
        String source,
        int rows,
        LocalDateTime first,
        LocalDateTime last,
        String contentHash,
        String trainingPath,
        int threads,
        String os,
        String arch) {

    /** The provenance of fitting {@code columns} of the first {@code trainRows} rows of {@code table}. */
    public static TrainingProvenance of(FeatureTable table, List<String> columns, int trainRows, TrainingPath path) {
        String source = table.directory()
                .map(d -> d.toAbsolutePath().normalize().toString())
                .orElse(table.name());
        return new TrainingProvenance(
                source,
                trainRows,
                table.timestamp(0),
                table.timestamp(trainRows - 1),
                contentHash(table, columns, trainRows),
                path.name().toLowerCase(Locale.ROOT),
                Integer.getInteger("bw.threads", 1),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    /**
     * {@code sha256:} and the hex digest of the training rows: column names, then per row its timestamp and each
     * column's value as IEEE bits (big-endian). The same rows and columns give the same hash on any machine.
     */
    public static String contentHash(FeatureTable table, List<String> columns, int trainRows) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        md.update(String.join("\t", columns).getBytes(StandardCharsets.UTF_8));
        double[][] values = new double[columns.size()][];
        for (int c = 0; c < values.length; c++) {
            values[c] = table.column(columns.get(c));
        }
        ByteBuffer row = ByteBuffer.allocate(8 * values.length);
        for (int r = 0; r < trainRows; r++) {
            md.update(table.timestamp(r).toString().getBytes(StandardCharsets.UTF_8));
            row.clear();
            for (double[] v : values) {
                row.putLong(Double.doubleToLongBits(v[r]));
            }
            md.update(row.array());
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** As the bundle's {@code provenance.*} properties. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("rows", Integer.toString(rows));
        m.put("first", first.toString());
        m.put("last", last.toString());
        m.put("content_hash", contentHash);
        m.put("training_path", trainingPath);
        m.put("threads", Integer.toString(threads));
        m.put("os", os);
        m.put("arch", arch);
        return m;
    }

    /** From the bundle's properties; null when the bundle has none (version 1 bundles and imported models). */
    public static TrainingProvenance fromMap(Map<String, String> m) {
        if (m.isEmpty()) {
            return null;
        }
        return new TrainingProvenance(
                m.get("source"),
                Integer.parseInt(m.get("rows")),
                LocalDateTime.parse(m.get("first")),
                LocalDateTime.parse(m.get("last")),
                m.get("content_hash"),
                m.get("training_path"),
                Integer.parseInt(m.get("threads")),
                m.get("os"),
                m.get("arch"));
    }

    /** One line for reports and the Model pane. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s, %d rows %s .. %s, %s, %s path, %d thread(s), %s %s",
                source,
                rows,
                first,
                last,
                contentHash.substring(0, Math.min(contentHash.length(), 19)),
                trainingPath,
                threads,
                os,
                arch);
    }
}
