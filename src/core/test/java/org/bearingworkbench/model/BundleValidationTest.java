package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.ZipEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle whose network cannot score is refused when it is loaded, naming the file and the cause. */
class BundleValidationTest {
    @TempDir
    Path dir;

    @Test
    void aBundleWithANanWeightIsRefusedWithItsFileNamed() throws Exception {
        ModelBundle good = ModelBundle.load(SampleData.root().resolve("src/core/test/resources/bundles/v1-sample.bwm"));
        good.model().network().params().putScalar(11, Double.NaN);
        Path bad = dir.resolve("diverged.bwm");
        good.save(bad);
        var e = assertThrows(InputFormatException.class, () -> ModelBundle.load(bad));
        assertTrue(e.getMessage().startsWith("diverged.bwm: weight 12 of 3236 is NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("every row would read as not flagged"), e.getMessage());
    }

    @Test
    void aBundleWhoseScalerHasMinEqualToMaxIsRefused() throws Exception {
        Path sample = SampleData.root().resolve("src/core/test/resources/bundles/v1-sample.bwm");
        Map<String, byte[]> entries;
        try (InputStream in = Files.newInputStream(sample)) {
            entries = ZipEntries.read(in);
        }
        String meta = new String(entries.get("bundle.properties"), StandardCharsets.UTF_8);
        String min = meta.lines()
                .filter(l -> l.startsWith("scaler.min="))
                .findFirst()
                .orElseThrow()
                .substring("scaler.min=".length());
        String flat = meta.replaceAll("(?m)^scaler\\.max=.*$", "scaler.max=" + Matcher.quoteReplacement(min));
        Path bad = dir.resolve("flat.bwm");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (var e : entries.entrySet()) {
                ZipEntries.put(
                        zip,
                        e.getKey(),
                        e.getKey().equals("bundle.properties") ? flat.getBytes(StandardCharsets.UTF_8) : e.getValue());
            }
        }
        var e = assertThrows(InputFormatException.class, () -> ModelBundle.load(bad));
        assertTrue(e.getMessage().startsWith("flat.bwm: the scaler has min = max for every column"), e.getMessage());
    }

    @Test
    void aZipBombIsRefusedBeforeItFillsTheHeap() throws Exception {
        Path bomb = dir.resolve("bomb.bwm");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("bundle.properties"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) { // 200 MB of zeros: about 200 KB on disk
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 1_000_000);
        var e = assertThrows(InputFormatException.class, () -> ModelBundle.load(bomb));
        assertTrue(e.getMessage().startsWith("bomb.bwm: "), e.getMessage());
        assertTrue(e.getMessage().contains("MB once inflated"), e.getMessage());
        Path many = dir.resolve("many.bwm");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i < 1001; i++) {
                ZipEntries.put(zip, "e" + i, new byte[0]);
            }
        }
        var m = assertThrows(InputFormatException.class, () -> ModelBundle.load(many));
        assertTrue(m.getMessage().contains("more than 1000 entries"), m.getMessage());
    }

    @Test
    void coefficientsDeclaringMoreValuesThanTheyHoldAreRefusedBeforeAllocation() throws Exception {
        Map<String, byte[]> entries;
        try (InputStream in =
                Files.newInputStream(SampleData.root().resolve("src/core/test/resources/bundles/v1-sample.bwm"))) {
            entries = ZipEntries.read(in);
        }
        Map<String, byte[]> network = ZipEntries.read(new ByteArrayInputStream(entries.get("network.zip")));
        byte[] c = network.get("coefficients.bin").clone();
        // the shape buffer: mode (2 + 16 bytes), length, type (2 + 4), 6 longs; then the values' mode and length
        int lengthAt = 18 + 8 + 6 + 6 * 8 + 18;
        ByteBuffer.wrap(c, lengthAt, 8).putLong(1L << 31);
        network.put("coefficients.bin", c);
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(inner)) {
            for (var e : network.entrySet()) {
                ZipEntries.put(zip, e.getKey(), e.getValue());
            }
        }
        Path bad = dir.resolve("huge.bwm");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bad))) {
            ZipEntries.put(zip, "bundle.properties", entries.get("bundle.properties"));
            ZipEntries.put(zip, "network.zip", inner.toByteArray());
        }
        var e = assertThrows(InputFormatException.class, () -> ModelBundle.load(bad));
        assertTrue(
                e.getMessage().startsWith("huge.bwm: the network's coefficients declare 2147483648 values (FLOAT)"),
                e.getMessage());
    }
}
