package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench startup --app-image} names what the measured image starts with. */
class StartupBenchTest {
    @Test
    void namesTheImagesStartArchive(@TempDir Path image) throws Exception {
        Path app = Files.createDirectories(image.resolve("lib/app"));
        assertEquals("no archive of the application's classes", StartupBench.startArchive(image));
        Files.writeString(app.resolve("app.jsa"), "x");
        assertEquals("class-data-sharing archive lib/app/app.jsa", StartupBench.startArchive(image));
        Files.writeString(app.resolve("app.aot"), "x");
        assertEquals("ahead-of-time caches lib/app/app.aot, cli.aot", StartupBench.startArchive(image));
    }
}
