package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.project.Project;
import org.bearingworkbench.project.ProjectFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gui session.bwp} opens the saved session, as a user starting the window from a file manager does. */
class ProjectArgumentTest {
    @TempDir
    Path dir;

    @Test
    void theWindowStartedWithAProjectOpensItsData() throws Exception {
        Path project = dir.resolve("session.bwp");
        ProjectFile.save(
                new Project(
                        SampleData.DIR.toAbsolutePath(),
                        UserSettings.NONE,
                        LocalDateTime.of(2025, 3, 1, 19, 50),
                        List.of(),
                        -1,
                        "robust:3",
                        "3/3",
                        1,
                        Map.of()),
                project);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
                "-Dtestfx.headless=true",
                "-Dprism.order=sw",
                "-Dprism.text=t2k",
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Djava.awt.headless=true",
                "org.bearingworkbench.Launcher",
                "gui",
                project.toString(),
                "--exit-after-load"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes());
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "the window opened the project's data and exited: " + out);
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("not a text (UTF-8) CSV file"), out);
        assertTrue(Files.exists(project));
    }
}
