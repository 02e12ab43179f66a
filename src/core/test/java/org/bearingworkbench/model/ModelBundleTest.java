package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.Presets;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    private static TrainingResult trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws Exception {
        FeatureTable t = SampleData.table();
        trained = Trainer.train(
                t,
                ColumnSelection.defaults(t),
                SplitConfig.fraction(0.45),
                ModelConfig.defaults().withEpochs(2),
                e -> {},
                TaskContext.silent());
    }

    @Test
    void savedAndLoadedModelScoresIdentically() throws Exception {
        Path file = dir.resolve("m.bwm");
        ModelBundle.of(trained).withThreshold(0.3, "percentile:99").save(file);
        ModelBundle back = ModelBundle.load(file);
        FeatureTable t = SampleData.table();
        assertArrayEquals(
                trained.model().score(t).score(), back.model().score(t).score(), 0);
        assertEquals(trained.model().config(), back.model().config());
        assertEquals(trained.model().columns(), back.model().columns());
        assertArrayEquals(trained.model().scaler().min(), back.model().scaler().min());
        assertEquals(trained.history(), back.history());
        assertEquals(trained.trainEnd(), back.trainEnd());
        assertEquals(0.3, back.chosenThreshold().orElseThrow());
        assertEquals("percentile:99", back.thresholdMethod());
        assertTrue(back.versions().containsKey("deeplearning4j"));
        assertTrue(back.createdAt().startsWith("20"));
    }

    @Test
    void rejectsFileThatIsNotABundle() throws Exception {
        Path file = dir.resolve("notes.bwm");
        Files.writeString(file, "just some text");
        var e = assertThrows(InputFormatException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().startsWith("notes.bwm: not a Bearing Workbench model bundle"), e.getMessage());
    }

    @Test
    void rejectsTruncatedBundle() throws Exception {
        Path file = dir.resolve("m.bwm");
        ModelBundle.of(trained).save(file);
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.bwm");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        var e = assertThrows(InputFormatException.class, () -> ModelBundle.load(cut));
        assertTrue(e.getMessage().startsWith("cut.bwm: "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void rejectsDataWithoutTheModelsColumns() throws Exception {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("Bearing 1", new double[] {1, 2});
        FeatureTable other = FeatureTable.of(
                "x",
                null,
                List.of(LocalDateTime.of(2004, 1, 1, 0, 0), LocalDateTime.of(2004, 1, 1, 0, 10)),
                List.of("a", "b"),
                new int[2],
                cols);
        var e = assertThrows(
                IllegalArgumentException.class, () -> trained.model().score(other));
        assertTrue(
                e.getMessage().contains("the data lacks [ch1_mean_abs, ch2_mean_abs, ch3_mean_abs, ch4_mean_abs]"),
                e.getMessage());
    }

    @Test
    void saveToMissingFolderSaysSo() {
        var e = assertThrows(IOException.class, () -> ModelBundle.of(trained).save(dir.resolve("no/such/m.bwm")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void theTrainingDataDescriptionRoundTripsAndDifferencesAreNamed() throws Exception {
        var desc = Presets.ims(4, 2048, Duration.ofMinutes(10));
        Path file = dir.resolve("described.bwm");
        ModelBundle.of(trained).withDataSet(desc).save(file);
        ModelBundle back = ModelBundle.load(file);
        assertEquals(desc, back.trainedOn());
        assertEquals(List.of(), back.differencesFrom(desc));
        var other = desc.withSampleRate(25_600, ValueSource.USER);
        assertEquals(
                List.of("sample rate 25600.0 Hz where the model's data had 20000.0 Hz"), back.differencesFrom(other));
    }

    @Test
    void aDivergedModelOrAZeroThresholdIsNeverSaved() {
        ModelBundle b = ModelBundle.of(trained);
        ModelBundle diverged = new ModelBundle(
                b.model(),
                b.trainStart(),
                b.trainEnd(),
                List.of(new EpochResult(1, Double.NaN, Double.NaN, 0.1)),
                null,
                null,
                b.createdAt(),
                b.versions(),
                null,
                null,
                null);
        var e = assertThrows(IllegalStateException.class, () -> diverged.save(dir.resolve("nan.bwm")));
        assertTrue(e.getMessage().contains("final training loss is NaN"), e.getMessage());
        var z = assertThrows(
                IllegalStateException.class,
                () -> b.withThreshold(0.0, "manual").save(dir.resolve("z.bwm")));
        assertTrue(z.getMessage().contains("threshold 0.0"), z.getMessage());
        assertTrue(!Files.exists(dir.resolve("nan.bwm")) && !Files.exists(dir.resolve("z.bwm")));
    }
}
