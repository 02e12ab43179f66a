package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the two text inputs: a real snapshot of the sample run among good ones, and a feature
 * CSV. Whatever a mutation does, no exception but the documented {@link InputFormatException} escapes, nothing
 * hangs, every good file still imports, and no NaN or Infinity reaches a feature table, a score or a threshold.
 */
class InputFuzzTest {
    private static final long SEED = 20261129L;
    private static final String[] SPECIALS = {
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "-1e309",
        "0x1p3",
        "1.5f",
        "2d",
        "1,5",
        "1e308",
        "-1.7976931348623157e308",
        "4.9e-324",
        "1e-400",
        "",
        "-",
        "+",
        ".",
        "e5",
        "1e",
        "1.2.3",
        "123456789012345678901234567890123456789012345678901234567890123456789",
        "\u0000",
        "\r",
        "\r\r",
        "\t\t",
        "\"0.1\"",
        "0.1;0.2",
        "\uFEFF0.1",
        "١٢٣"
    };

    @TempDir
    Path dir;

    private static byte[] sampleSnapshot() throws Exception {
        Path first;
        try (var files = Files.list(SampleData.DIR)) {
            first = files.sorted().findFirst().orElseThrow();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(first))) {
            return in.readAllBytes();
        }
    }

    @Test
    void mutatedSnapshotsNeverTakeTheImportDownNorLeakNonFiniteValues() throws Exception {
        byte[] good = sampleSnapshot();
        String[] goodNames = {"2004.02.12.10.00.39", "2004.02.12.10.10.39", "2004.02.12.10.20.39"};
        for (String n : goodNames) {
            Files.write(dir.resolve(n), good);
        }
        Path bad = dir.resolve("2004.02.12.10.30.39");
        Random rnd = new Random(SEED);
        int imported = 0;
        int skipped = 0;
        for (int i = 0; i < 300; i++) {
            byte[] mutated = mutate(good, rnd);
            Files.write(bad, mutated);
            int round = i;
            ImportResult r = assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> new DirectoryImporter(2).importDirectory(dir, TaskContext.silent()),
                    () -> "mutation " + round + " hung");
            FeatureTable t = r.table();
            List<String> files =
                    IntStream.range(0, t.rowCount()).mapToObj(t::file).toList();
            assertTrue(files.containsAll(List.of(goodNames)), "mutation " + i + ": good files lost " + r.skipped());
            assertFinite(t, "mutation " + i);
            if (files.contains(bad.getFileName().toString())) {
                imported++;
            } else {
                skipped++;
                assertEquals(1, r.skipped().size(), "mutation " + i);
                String reason = r.skipped().get(0).reason();
                assertTrue(
                        !reason.isBlank() && reason.chars().noneMatch(c -> c < 0x20) && !reason.contains("unexpected"),
                        "mutation " + i + ": " + reason);
            }
        }
        assertTrue(imported > 10 && skipped > 10, "the mutations exercise both outcomes: " + imported + "/" + skipped);
    }

    @Test
    @Timeout(120)
    void mutatedFeatureCsvsLoadCleanlyOrSayWhereAndScoresStayFinite() throws Exception {
        FeatureTable base = SampleData.table();
        Path csv = dir.resolve("features.csv");
        FeatureCsv.write(base, csv);
        String text = Files.readString(csv);
        ModelConfig config = ModelConfig.defaults().withEpochs(3);
        ModelBundle bundle = ModelBundle.of(
                Workflows.train(base, "*_mean_abs", SplitConfig.fraction(0.45), config, e -> {}, TaskContext.silent()));
        Random rnd = new Random(SEED + 1);
        int loaded = 0;
        int rejected = 0;
        for (int i = 0; i < 300; i++) {
            String mutated = mutate(text, rnd);
            Path f = Files.writeString(dir.resolve("m" + i + ".csv"), mutated, StandardCharsets.UTF_8);
            FeatureTable t;
            try {
                t = FeatureCsv.read(f);
            } catch (InputFormatException e) {
                rejected++;
                assertTrue(e.getMessage().startsWith("m" + i + ".csv"), e.getMessage());
                continue;
            }
            loaded++;
            assertFinite(t, "csv mutation " + i);
            if (i % 5 == 0) {
                try {
                    AnomalyAnalysis a =
                            Workflows.analyze(t, bundle, null, PersistenceRule.defaults(), 1, TaskContext.silent());
                    for (double s : a.scores().score()) {
                        assertTrue(Double.isFinite(s), "csv mutation " + i + ": score " + s);
                    }
                    assertTrue(Double.isFinite(a.threshold().value())
                            && a.threshold().value() > 0);
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "csv mutation " + i);
                }
            }
            Files.delete(f);
        }
        assertTrue(loaded > 10 && rejected > 10, "the mutations exercise both outcomes: " + loaded + "/" + rejected);
    }

    private static void assertFinite(FeatureTable t, String where) {
        for (String col : t.featureColumns()) {
            for (double v : t.column(col)) {
                if (!Double.isFinite(v)) {
                    fail(where + ": " + col + " holds " + v);
                }
            }
        }
    }

    private static byte[] mutate(byte[] in, Random rnd) {
        byte[] out = in;
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            out = mutateOnce(out, rnd);
        }
        return out;
    }

    private static byte[] mutateOnce(byte[] in, Random rnd) {
        int pos = in.length == 0 ? 0 : rnd.nextInt(in.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        switch (rnd.nextInt(9)) {
            case 0 -> { // flip a byte
                byte[] c = in.clone();
                if (c.length > 0) {
                    c[pos] = (byte) rnd.nextInt(256);
                }
                return c;
            }
            case 1 -> { // truncate
                return Arrays.copyOf(in, pos);
            }
            case 2 -> { // delete a range
                int len = rnd.nextInt(Math.max(1, Math.min(5000, in.length - pos)));
                out.write(in, 0, pos);
                out.write(in, pos + len, in.length - pos - len);
            }
            case 3 -> { // insert a special token
                out.write(in, 0, pos);
                out.writeBytes(SPECIALS[rnd.nextInt(SPECIALS.length)].getBytes(StandardCharsets.UTF_8));
                out.write(in, pos, in.length - pos);
            }
            case 4 -> { // replace the token at pos
                int start = pos;
                while (start > 0 && !Character.isWhitespace(in[start - 1])) {
                    start--;
                }
                int end = pos;
                while (end < in.length && !Character.isWhitespace(in[end])) {
                    end++;
                }
                out.write(in, 0, start);
                out.writeBytes(SPECIALS[rnd.nextInt(SPECIALS.length)].getBytes(StandardCharsets.UTF_8));
                out.write(in, end, in.length - end);
            }
            case 5 -> { // every line ending becomes CR, or CRLF
                String eol = rnd.nextBoolean() ? "\r" : "\r\n";
                return new String(in, StandardCharsets.ISO_8859_1)
                        .replace("\n", eol)
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            case 6 -> { // duplicate a range
                int len = rnd.nextInt(Math.max(1, Math.min(3000, in.length - pos)));
                out.write(in, 0, pos + len);
                out.write(in, pos, in.length - pos);
            }
            case 7 -> { // random bytes
                out.write(in, 0, pos);
                byte[] junk = new byte[1 + rnd.nextInt(40)];
                rnd.nextBytes(junk);
                out.writeBytes(junk);
                out.write(in, pos, in.length - pos);
            }
            default -> { // a line of many tokens
                out.write(in, 0, pos);
                out.writeBytes(
                        ("\n" + "0.5\t".repeat(1 + rnd.nextInt(3000)) + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(in, pos, in.length - pos);
            }
        }
        return out.toByteArray();
    }

    private static String mutate(String text, Random rnd) {
        String[] lines = text.split("\n", -1);
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            int l = 1 + rnd.nextInt(lines.length - 2);
            String[] cells = lines[l].split(",", -1);
            int c = rnd.nextInt(cells.length);
            switch (rnd.nextInt(7)) {
                case 0 -> cells[c] = SPECIALS[rnd.nextInt(SPECIALS.length)];
                case 1 -> lines[l] = lines[rnd.nextInt(lines.length - 1)];
                case 2 -> lines[l] = "";
                case 3 -> cells[c] = cells[c] + "," + cells[c];
                case 4 -> lines[0] = lines[0].replaceFirst("ch1_", rnd.nextBoolean() ? "timestamp" : "file");
                case 5 -> cells[0] = rnd.nextBoolean() ? "2004-02-30 10:00:00" : "0000-01-01 00:00:00";
                default -> cells[c] = rnd.nextBoolean() ? "1e308" : "-1.7e308";
            }
            if (!lines[l].isEmpty() && lines[l].split(",", -1).length == cells.length) {
                lines[l] = String.join(",", cells);
            }
        }
        return String.join("\n", lines);
    }
}
