package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    @TempDir
    Path dir;

    static String[] runCapturing(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int code = BearingCli.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
            return new String[] {String.valueOf(code), out.toString(), err.toString()};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void writesFeatureTableOfTheSampleDataAndPrintsJson() throws Exception {
        Path out = dir.resolve("features.csv");
        String[] r = runCapturing(
                "features", Paths.get("sample-data", "ims-synthetic").toString(), "-o", out.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        assertTrue(
                r[1].matches(
                        "\\{\"files\":160,\"skipped\":0,\"channels\":4,\"seconds\":[0-9.]+,\"mb_per_s\":[0-9.]+}\\s*"),
                r[1]);
        assertEquals(161, Files.readAllLines(out).size());
    }

    @Test
    void failsWithReasonOnStderrForMissingInput() {
        String[] r = runCapturing(
                "features",
                dir.resolve("nope").toString(),
                "-o",
                dir.resolve("f.csv").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("error: ") && r[2].contains("no such file or directory"), r[2]);
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : BearingCli.COMMANDS.keySet()) {
            String[] r = runCapturing(cmd, "--help");
            assertEquals("0", r[0]);
            assertTrue(r[1].contains("Usage: bearing-workbench " + cmd), r[1]);
        }
    }

    @Test
    void theBenchmarksAreNotPartOfTheProduct() {
        String[] r = runCapturing("bench", "import", "sample-data/ims-synthetic");
        assertEquals("2", r[0], r[1]);
        assertTrue(r[2].contains("Unmatched arguments") || r[2].contains("bench"), r[2]);
    }
}
