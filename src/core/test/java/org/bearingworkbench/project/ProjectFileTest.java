package org.bearingworkbench.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {
    private static final Path FIXTURE = SampleData.root().resolve("src/core/test/resources/bundles/v1-sample.bwm");

    @TempDir
    Path dir;

    private Project project(Path data) throws Exception {
        ModelBundle b = ModelBundle.load(FIXTURE);
        return new Project(
                data,
                new UserSettings("ims", null, 20000.0, 2000.0, null, "g"),
                LocalDateTime.parse("2025-03-01T19:50"),
                List.of(
                        new Project.SessionModel("trained here (5 epochs)", b),
                        new Project.SessionModel("v1-sample.bwm", b.withThreshold(0.5, "manual"))),
                1,
                "manual:0.41",
                "2/3",
                1,
                Map.of("tab", "threshold", "threshold.log_scale", "true"));
    }

    @Test
    void aProjectRoundTripsWithItsModelsAndScoresTheSame() throws Exception {
        Project p = project(SampleData.DIR.toAbsolutePath());
        Path file = dir.resolve("a.bwp");
        ProjectFile.save(p, file);
        Project back = ProjectFile.load(file);
        assertEquals(p.dataSource(), back.dataSource());
        assertEquals(p.settings(), back.settings());
        assertEquals(p.trainUntil(), back.trainUntil());
        assertEquals(1, back.active());
        assertEquals("manual:0.41", back.thresholdMethod());
        assertEquals("2/3", back.persistence());
        assertEquals(p.layout(), back.layout());
        assertEquals(
                List.of("trained here (5 epochs)", "v1-sample.bwm"),
                back.models().stream().map(Project.SessionModel::source).toList());
        assertEquals(0.5, back.activeModel().orElseThrow().bundle().threshold());
        var rule = PersistenceRule.parse(back.persistence());
        var a = Workflows.analyze(
                SampleData.table(),
                p.models().get(0).bundle(),
                Thresholds.parse(p.thresholdMethod(), rule),
                rule,
                1,
                TaskContext.silent());
        var b = Workflows.analyze(
                SampleData.table(),
                back.models().get(0).bundle(),
                Thresholds.parse(back.thresholdMethod(), rule),
                rule,
                1,
                TaskContext.silent());
        assertArrayEquals(a.scores().score(), b.scores().score(), 0.0);
        assertEquals(a.firstAlarmTime(), b.firstAlarmTime());
    }

    @Test
    void aProjectMovedTogetherWithItsDataFindsTheDataThere() throws Exception {
        Path data = Files.createDirectories(dir.resolve("site/run1"));
        Files.writeString(data.resolve("2025.03.01.08.00.00"), "1\t2\t3\t4\n");
        ProjectFile.save(project(data), dir.resolve("site/a.bwp"));
        Path moved = Files.move(dir.resolve("site"), dir.resolve("elsewhere"));
        Project back = ProjectFile.load(moved.resolve("a.bwp"));
        assertEquals(moved.resolve("run1").toAbsolutePath().normalize(), back.dataSource());
    }

    @Test
    void damagedOrForeignProjectsSayWhatIsWrong() throws Exception {
        Path notZip = Files.writeString(dir.resolve("x.bwp"), "hello");
        var e1 = assertThrows(InputFormatException.class, () -> ProjectFile.load(notZip));
        assertTrue(e1.getMessage().startsWith("x.bwp: not a Bearing Workbench project"), e1.getMessage());

        Path file = dir.resolve("b.bwp");
        ProjectFile.save(project(SampleData.DIR.toAbsolutePath()), file);
        Path noModel = dir.resolve("c.bwp");
        copyWithout(file, noModel, "models/2.bwm", null);
        var e2 = assertThrows(InputFormatException.class, () -> ProjectFile.load(noModel));
        assertTrue(e2.getMessage().contains("models/2.bwm") && e2.getMessage().contains("missing"), e2.getMessage());

        Path newer = dir.resolve("d.bwp");
        copyWithout(file, newer, "project.json", "{\"schema\": \"bearing-workbench-project-7\"}");
        var e3 = assertThrows(InputFormatException.class, () -> ProjectFile.load(newer));
        assertTrue(e3.getMessage().contains("project-7") && e3.getMessage().contains("newer"), e3.getMessage());

        Path badModel = dir.resolve("e.bwp");
        copyWithout(file, badModel, "models/1.bwm", "garbage");
        var e4 = assertThrows(InputFormatException.class, () -> ProjectFile.load(badModel));
        assertTrue(e4.getMessage().contains("e.bwp!models/1.bwm"), e4.getMessage());

        Path unwritable = dir.resolve("no-such-dir/p.bwp");
        assertThrows(IOException.class, () -> ProjectFile.save(project(SampleData.DIR), unwritable));
    }

    /** Copies a zip, replacing entry {@code name} with {@code text} (or dropping it when null). */
    private static void copyWithout(Path from, Path to, String name, String text) throws Exception {
        try (var in = new ZipInputStream(Files.newInputStream(from));
                var out = new ZipOutputStream(Files.newOutputStream(to))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(name)) {
                    if (text == null) {
                        continue;
                    }
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
