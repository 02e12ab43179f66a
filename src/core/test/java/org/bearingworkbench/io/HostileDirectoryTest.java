package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bearingworkbench.task.CancellationToken;
import org.bearingworkbench.task.CancelledException;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large hostile inputs the corpus cannot hold, written here: one file that is a single 1.2 MB line, real-size
 * files with CR-only line endings (one, and a directory of 40), and entries that are not files at all. The import
 * finishes in bounded time and memory and every good file imports.
 */
class HostileDirectoryTest {
    private static final int ROWS = 20_480;

    @TempDir
    Path dir;

    private static String snapshot(String eol) {
        StringBuilder sb = new StringBuilder(ROWS * 30);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < 4; c++) {
                sb.append(c > 0 ? "\t" : "")
                        .append(String.format(Locale.ROOT, "%.3f", 0.1 * Math.sin(0.01 * r * (c + 1))));
            }
            sb.append(eol);
        }
        return sb.toString();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }

    private Map<String, String> reasons(ImportResult r) {
        return r.skipped().stream().collect(Collectors.toMap(SkippedFile::file, SkippedFile::reason));
    }

    private ImportResult importDir() throws InputFormatException {
        return new DirectoryImporter(2).importDirectory(dir, TaskContext.silent());
    }

    @Test
    void aSingleLineOf200000TokensIsSkippedNotReadIntoMemory() throws Exception {
        String good = snapshot("\n");
        for (int i = 0; i < 4; i++) {
            write("2004.02.12.10." + (10 + i * 10) + ".39", good);
        }
        StringBuilder line = new StringBuilder(1_300_000);
        for (int i = 0; i < 200_000; i++) {
            line.append(i > 0 ? "\t" : "").append("0.123");
        }
        write("2004.02.12.11.10.39", line.append('\n').toString());
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), this::importDir);
        assertEquals(4, r.table().rowCount());
        assertTrue(
                reasons(r).get("2004.02.12.11.10.39").startsWith("line 1: more than 64 columns"),
                r.skipped().toString());
    }

    @Test
    void aRealSizeFileWithCrOnlyLineEndingsIsReadAsRows() throws Exception {
        write("2004.02.12.10.32.39", snapshot("\n"));
        write("2004.02.12.10.42.39", snapshot("\r\n"));
        write("2004.02.12.10.52.39", snapshot("\r"));
        ImportResult r = importDir();
        assertEquals(3, r.table().rowCount(), r.skipped().toString());
        for (String col : r.table().featureColumns()) {
            double[] v = r.table().column(col);
            assertEquals(v[0], v[2], 1e-12 * Math.max(1, Math.abs(v[0])), col);
            assertEquals(v[0], v[1], 1e-12 * Math.max(1, Math.abs(v[0])), col);
        }
        assertEquals(ROWS, r.table().sampleRows(2));
    }

    @Test
    void fortyCrOnlyFilesImportQuickly() throws Exception {
        String cr = snapshot("\r");
        for (int i = 0; i < 40; i++) {
            write(String.format("2004.02.12.%02d.%02d.39", 10 + i / 6, (i % 6) * 10), cr);
        }
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), this::importDir);
        assertEquals(40, r.table().rowCount());
        assertEquals(4, r.channels());
        assertEquals(36, r.table().featureColumns().size());
    }

    @Test
    void aFileFarLargerThanItsNeighboursIsSkippedBeforeItIsRead() throws Exception {
        String good = snapshot("\n");
        for (int i = 0; i < 4; i++) {
            write("2004.02.12.10." + (10 + i * 10) + ".39", good);
        }
        // 9x the typical file, still a valid snapshot: the limit (8x, at least 16 MB) applies to the bytes
        StringBuilder big = new StringBuilder();
        while (big.length() < 17 << 20) {
            big.append(good);
        }
        write("2004.02.12.11.10.39", big.toString());
        ImportResult r = importDir();
        assertEquals(4, r.table().rowCount());
        assertTrue(
                reasons(r).get("2004.02.12.11.10.39").contains("more than 8x the directory's typical file"),
                r.skipped().toString());
    }

    @Test
    void foldersLinksAndPipesAreListedNotIgnored() throws Exception {
        write("2004.02.12.10.32.39", snapshot("\n"));
        Files.createDirectory(dir.resolve("2004.02.12.10.42.39"));
        Files.createSymbolicLink(dir.resolve("2004.02.12.10.52.39"), dir.resolve("nowhere"));
        Path loopA = dir.resolve("loop-a");
        Files.createSymbolicLink(loopA, dir.resolve("loop-b"));
        Files.createSymbolicLink(dir.resolve("loop-b"), loopA);
        Process mkfifo =
                new ProcessBuilder("mkfifo", dir.resolve("2004.02.12.11.02.39").toString()).start();
        boolean fifo = mkfifo.waitFor() == 0;
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), this::importDir);
        Map<String, String> why = reasons(r);
        assertEquals(1, r.table().rowCount());
        assertTrue(why.get("2004.02.12.10.42.39").startsWith("a folder"), why.toString());
        assertTrue(why.get("2004.02.12.10.52.39").startsWith("a link that leads nowhere"), why.toString());
        assertTrue(why.get("loop-a").startsWith("a link that leads nowhere"), why.toString());
        if (fifo) {
            assertTrue(why.get("2004.02.12.11.02.39").startsWith("not a regular file"), why.toString());
        }
    }

    @Test
    void controlCharactersInNamesAreShownEscaped() throws Exception {
        write("2004.02.12.10.32.39", snapshot("\n"));
        write("bad\u0007name", "x");
        ImportResult r = importDir();
        assertTrue(reasons(r).containsKey("bad\\x07name"), r.skipped().toString());
    }

    @Test
    void cancelStopsAnImportOfManyFiles() throws Exception {
        write("2004.02.12.00.00.39", snapshot("\n"));
        for (int i = 1; i < 300; i++) {
            Files.createLink(
                    dir.resolve(String.format("2004.02.%02d.%02d.%02d.39", 12 + i / 144, (i / 6) % 24, (i % 6) * 10)),
                    dir.resolve("2004.02.12.00.00.39"));
        }
        CancellationToken token = new CancellationToken();
        TaskContext ctx = token.contextFor((done, total, message) -> {
            if (done >= 1) {
                token.cancel();
            }
        });
        Assertions.assertThrows(CancelledException.class, () -> new DirectoryImporter(1).importDirectory(dir, ctx));
    }
}
