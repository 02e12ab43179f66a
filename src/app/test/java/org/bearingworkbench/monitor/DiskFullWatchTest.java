package org.bearingworkbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.cli.BearingCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} on a disk that fills up (a 16 KB tmpfs; skipped where this process may not mount one): the error
 * names the events file and says what to do, and once there is room again it goes on where it stopped and ends with
 * the events of a run that never stopped.
 */
class DiskFullWatchTest {
    private static final String BUNDLE = "src/core/test/resources/bundles/v1-sample.bwm";

    @TempDir
    Path tmp;

    private static int run(String... args) throws Exception {
        return run(new StringWriter(), args);
    }

    private static int run(StringWriter err, String... args) {
        return BearingCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
    }

    private static boolean sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static String[] watch(Path events, Path state) {
        return new String[] {
            "watch",
            SampleData.DIR.toString(),
            "--model",
            BUNDLE,
            "--events",
            events.toString(),
            "--state",
            state.toString(),
            "--once",
            "--settle",
            "0"
        };
    }

    @Test
    void aFullDiskNamesTheEventsFileAndTheWatchGoesOnOnceThereIsRoom() throws Exception {
        Path reference = tmp.resolve("reference-events.csv");
        assertEquals(0, run(watch(reference, tmp.resolve("reference-state.json"))));

        Path tiny = Files.createDirectory(tmp.resolve("tiny"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", tiny.toString()), "cannot mount a tmpfs");
        Path roomy = Files.createDirectory(tmp.resolve("roomy"));
        try {
            StringWriter err = new StringWriter();
            int code = run(err, watch(tiny.resolve("events.csv"), tiny.resolve("state.json")));
            assertEquals(1, code, err.toString());
            assertTrue(
                    err.toString()
                            .contains(tiny.resolve("events.csv") + ": cannot append events: No space left on device"
                                    + " (the disk is full: free space on it, then start watch again"),
                    err.toString());
            for (String f : List.of("events.csv", "state.json")) {
                Files.copy(tiny.resolve(f), roomy.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } finally {
            assertTrue(sh("umount", tiny.toString()));
        }
        assertEquals(0, run(watch(roomy.resolve("events.csv"), roomy.resolve("state.json"))));
        assertEquals(Files.readAllLines(reference), Files.readAllLines(roomy.resolve("events.csv")));
    }
}
