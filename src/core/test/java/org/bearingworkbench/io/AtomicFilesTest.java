package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void failedWriteLeavesTheOldFileWholeAndNoTempBehind() throws Exception {
        Path target = Files.writeString(dir.resolve("report.csv"), "old report");
        assertThrows(
                IOException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write("half a new rep");
                    throw new IOException("disk full");
                }));
        assertEquals("old report", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void replacesTheOldFileOnSuccess() throws Exception {
        Path target = Files.writeString(dir.resolve("report.csv"), "old report");
        AtomicFiles.write(target, out -> out.write("new report"));
        assertEquals("new report", Files.readString(target));
    }

    @Test
    void anOutputOntoAFifoIsRefusedAndTheFifoStays() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo is not available");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(fifo, w -> w.write("x")));
        assertTrue(e.getMessage().contains("it is not a regular file (a device, pipe or socket)"), e.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still a FIFO");
    }
}
