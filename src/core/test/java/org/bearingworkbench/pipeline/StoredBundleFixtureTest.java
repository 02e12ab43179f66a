package org.bearingworkbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.model.Trainer;
import org.bearingworkbench.model.TrainingProvenance;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model bundle written by an earlier version (format 1, checked in as {@code bundles/v1-sample.bwm}: the sample run,
 * 5 epochs, seed 7, robust:3 with persistence 2/3, written by {@code run sample-data/ims-synthetic --epochs 5 --seed 7
 * --persistence 2/3}) must open in every later version and score the sample run exactly as it did then. The pinned
 * numbers come from that run's report.csv and summary.txt.
 */
class StoredBundleFixtureTest {
    private static final Path V1 = SampleData.root().resolve("src/core/test/resources/bundles/v1-sample.bwm");

    @TempDir
    Path dir;

    @Test
    void aVersion1BundleOpensWithItsThresholdRuleAndDataSet() throws Exception {
        ModelBundle b = ModelBundle.load(V1);
        assertEquals(0.9897350615741685, b.threshold());
        assertEquals("robust:3", b.thresholdMethod());
        assertEquals("2/3", b.persistence());
        assertEquals(20000.0, b.trainedOn().sampleRateHz().value());
        assertEquals(LocalDateTime.parse("2025-03-01T19:50"), b.trainEnd());
        assertEquals(5, b.history().size());
        assertEquals(0.4377, b.history().get(4).loss(), 5e-5);
        assertNull(b.provenance(), "version 1 bundles carry no training provenance");
    }

    @Test
    void aVersion1BundleScoresTheSampleRunAsItDidWhenSaved() throws Exception {
        ModelBundle b = ModelBundle.load(V1);
        FeatureTable t = SampleData.table();
        AnomalyAnalysis a =
                Workflows.analyze(t, b, null, PersistenceRule.parse(b.persistence()), 1, TaskContext.silent());
        double[] score = a.scores().score();
        assertEquals(160, score.length);
        assertEquals(0.5834820158779621, score[0], 1e-9);
        assertEquals(0.4787795515730977, score[1], 1e-9);
        assertEquals(0.3705481877550483, score[98], 1e-9);
        assertEquals(9.101975492201746, score[158], 1e-8);
        assertEquals(0.9897350615741685, a.threshold().value(), 1e-12);
        assertEquals(72, a.trainRows());
        assertEquals(34, a.alarms().flaggedCount());
        assertEquals(1, a.alarms().episodes().size());
        assertEquals(0, a.alarms().trainingAlarmRows());
        assertEquals(LocalDateTime.parse("2025-03-02T05:10"), a.firstAlarmTime().orElseThrow());
        assertEquals("ch1", a.dominantTopChannel().orElseThrow());
    }

    /**
     * The default method recomputed on the same scores (not the saved value): a change to the robust threshold's
     * formula (e.g. its MAD margin dropped) or to the persistence window moves these numbers.
     */
    @Test
    void theDefaultMethodGivesThePinnedThresholdOnTheSampleRun() throws Exception {
        ModelBundle b = ModelBundle.load(V1);
        PersistenceRule rule = PersistenceRule.parse("2/3");
        AnomalyAnalysis a =
                Workflows.analyze(SampleData.table(), b, Thresholds.defaultMethod(rule), rule, 1, TaskContext.silent());
        assertEquals("robust:3", a.threshold().method());
        assertEquals(0.9897350615741685, a.threshold().value(), 1e-12, "the value saved in the bundle, recomputed");
        assertEquals(34, a.alarms().flaggedCount());
        assertEquals(LocalDateTime.parse("2025-03-02T05:10"), a.firstAlarmTime().orElseThrow());
    }

    @Test
    void theOldestBundlesWithoutDataSetOrRuleStillOpen() throws Exception {
        Path old = dir.resolve("oldest.bwm");
        rewriteProperties(V1, old, "dataset.", "threshold.persistence");
        ModelBundle b = ModelBundle.load(old);
        assertNull(b.trainedOn());
        assertNull(b.persistence());
        assertEquals(0.9897350615741685, b.threshold());
        AnomalyAnalysis a =
                Workflows.analyze(SampleData.table(), b, null, PersistenceRule.parse("2/3"), 1, TaskContext.silent());
        assertEquals(0.5834820158779621, a.scores().score()[0], 1e-9);
    }

    @Test
    void aSavedBundleCarriesTheTrainingDataIdentity() throws Exception {
        FeatureTable t = SampleData.table();
        var columns = ColumnSelection.defaults(t);
        var r = Trainer.train(
                t,
                columns,
                SplitConfig.fraction(0.45),
                ModelConfig.defaults().withEpochs(1),
                e -> {},
                TaskContext.silent());
        Path file = dir.resolve("v2.bwm");
        ModelBundle.of(r).save(file);
        String meta = entry(file, "bundle.json");
        assertTrue(meta.contains("\"format\" : \"bearing-workbench-model-3\""), meta);
        TrainingProvenance p = ModelBundle.load(file).provenance();
        assertNotNull(p);
        assertEquals(r.provenance(), p);
        assertEquals(72, p.rows());
        assertEquals(t.timestamp(0), p.first());
        assertEquals(t.timestamp(71), p.last());
        assertTrue(p.source().endsWith("ims-synthetic"), p.source());
        assertEquals("direct", p.trainingPath());
        assertEquals(System.getProperty("os.arch"), p.arch());
        assertEquals(TrainingProvenance.contentHash(t, columns, 72), p.contentHash());
        assertTrue(p.contentHash().matches("sha256:[0-9a-f]{64}"), p.contentHash());
        // another training range, or other columns, is other data
        assertTrue(!p.contentHash().equals(TrainingProvenance.contentHash(t, columns, 71)));
        assertTrue(!p.contentHash().equals(TrainingProvenance.contentHash(t, columns.subList(0, 3), 72)));
    }

    @Test
    void aBundleFromANewerVersionIsRefusedWithItsFormat() throws Exception {
        Path newer = dir.resolve("newer.bwm");
        rewriteProperties(V1, newer, "format");
        String body = properties(newer) + "format=bearing-workbench-model-9\n";
        writeBundle(V1, newer, body);
        var e = Assertions.assertThrows(InputFormatException.class, () -> ModelBundle.load(newer));
        assertTrue(
                e.getMessage().contains("bearing-workbench-model-9")
                        && e.getMessage().contains("newer"),
                e.getMessage());
    }

    /** Damaged metadata is named (not a NullPointerException from a missing key, not a "damaged" for everything). */
    @Test
    void damagedMetadataSaysWhatIsWrong() throws Exception {
        Path noStart = dir.resolve("no-start.bwm");
        rewriteProperties(V1, noStart, "train.start");
        var e = Assertions.assertThrows(InputFormatException.class, () -> ModelBundle.load(noStart));
        assertEquals("no-start.bwm: damaged metadata (no train.start)", e.getMessage());
        Path badHistory = dir.resolve("bad-history.bwm");
        rewriteProperties(V1, badHistory, "history");
        writeBundle(V1, badHistory, properties(badHistory) + "history=1\\:0.5\n");
        var h = Assertions.assertThrows(InputFormatException.class, () -> ModelBundle.load(badHistory));
        assertEquals("bad-history.bwm: damaged training history ('1:0.5')", h.getMessage());
        Path badDate = dir.resolve("bad-date.bwm");
        rewriteProperties(V1, badDate, "train.end");
        writeBundle(V1, badDate, properties(badDate) + "train.end=yesterday\n");
        var d = Assertions.assertThrows(InputFormatException.class, () -> ModelBundle.load(badDate));
        assertTrue(d.getMessage().startsWith("bad-date.bwm: damaged model bundle (Text 'yesterday'"), d.getMessage());
    }

    private static String properties(Path bundle) throws Exception {
        return entry(bundle, "bundle.properties");
    }

    private static String entry(Path bundle, String name) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in " + bundle);
    }

    /** Copies a bundle without the property lines starting with any of {@code drop}. */
    private static void rewriteProperties(Path from, Path to, String... drop) throws Exception {
        StringBuilder kept = new StringBuilder();
        for (String line : properties(from).split("\n")) {
            boolean dropped = false;
            for (String d : drop) {
                dropped |= line.startsWith(d);
            }
            if (!dropped) {
                kept.append(line).append('\n');
            }
        }
        writeBundle(from, to, kept.toString());
    }

    private static void writeBundle(Path from, Path to, String meta) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = e.getName().equals("bundle.properties")
                        ? meta.getBytes(StandardCharsets.UTF_8)
                        : in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        Files.write(to, out.toByteArray());
    }
}
