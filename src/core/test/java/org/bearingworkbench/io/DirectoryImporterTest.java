package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.bearingworkbench.task.CancellationToken;
import org.bearingworkbench.task.CancelledException;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryImporterTest {
    @TempDir
    Path dir;

    private static String rows(int n, int channels, double value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                sb.append(c > 0 ? "\t" : "").append(i % 2 == 0 ? value : -value);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }

    private ImportResult importDir() throws InputFormatException {
        return new DirectoryImporter(2).importDirectory(dir, TaskContext.silent());
    }

    private Map<String, String> reasons(ImportResult r) {
        return r.skipped().stream().collect(Collectors.toMap(SkippedFile::file, SkippedFile::reason));
    }

    @Test
    void importsFilesSortedByTimestampWithFeaturePerChannel() throws Exception {
        write("2004.02.12.10.42.39", rows(100, 4, 0.2));
        write("2004.02.12.10.32.39", rows(100, 4, 0.1));
        ImportResult r = importDir();
        assertEquals(2, r.table().rowCount());
        assertEquals(4, r.channels());
        assertEquals("2004.02.12.10.32.39", r.table().file(0));
        assertEquals(0.1, r.table().column("ch1_mean_abs")[0], 1e-12);
        assertEquals(0.2, r.table().column("ch4_peak")[1], 1e-12);
        assertEquals(100, r.table().sampleRows(0));
        assertEquals(36, r.table().featureColumns().size());
    }

    @Test
    void readsGzipCompressedFiles() throws Exception {
        write("2004.02.12.10.32.39", rows(50, 2, 0.1));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("2004.02.12.10.42.39.gz")))) {
            out.write(rows(50, 2, 0.3).getBytes(StandardCharsets.US_ASCII));
        }
        ImportResult r = importDir();
        assertEquals(2, r.table().rowCount());
        assertEquals(0.3, r.table().column("ch2_mean_abs")[1], 1e-12);
    }

    @Test
    void skipsBadFilesWithReasonsAndKeepsGoodOnes() throws Exception {
        write("2004.02.12.10.32.39", rows(100, 4, 0.1));
        write("2004.02.12.10.42.39", rows(100, 4, 0.1));
        write("2004.02.12.10.52.39", rows(100, 4, 0.1));
        write("2004.02.12.11.02.39", rows(2, 4, 0.1) + "0.1\tx7\t0.1\t0.1\r\n" + rows(97, 4, 0.1));
        write("2004.02.12.11.12.39", rows(100, 3, 0.1));
        write("2004.02.12.11.22.39", rows(40, 4, 0.1));
        write("2004.02.12.11.32.39", "");
        write("2004.02.12.11.42.39", rows(100, 4, 0.1) + "0.1\t0.2");
        Files.write(dir.resolve("2004.02.12.11.52.39.gz"), new byte[] {1, 2, 3});
        write("notes.txt", "hello");
        ImportResult r = importDir();
        assertEquals(3, r.table().rowCount());
        Map<String, String> why = reasons(r);
        assertEquals("line 3: 'x7' is not a number", why.get("2004.02.12.11.02.39"));
        assertEquals("3 channels where the directory's files have 4", why.get("2004.02.12.11.12.39"));
        assertEquals("truncated: 40 rows where the directory's files have 100", why.get("2004.02.12.11.22.39"));
        assertEquals("empty file (no samples)", why.get("2004.02.12.11.32.39"));
        assertTrue(why.get("2004.02.12.11.42.39").startsWith("line 101: 2 columns, expected 4"));
        assertTrue(why.get("2004.02.12.11.52.39.gz").startsWith("not a valid gzip file"));
        assertTrue(why.get("notes.txt").contains("not a timestamp"));
        assertEquals(7, r.skipped().size());
    }

    @Test
    void skipsASecondFileWithTheSameTimestamp() throws Exception {
        write("2004.02.12.10.32.39", rows(10, 2, 0.1));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("2004.02.12.10.32.39.gz")))) {
            out.write(rows(10, 2, 0.3).getBytes(StandardCharsets.US_ASCII));
        }
        ImportResult r = importDir();
        assertEquals(1, r.table().rowCount());
        assertEquals(
                "same timestamp as 2004.02.12.10.32.39 (kept that one)",
                reasons(r).get("2004.02.12.10.32.39.gz"));
    }

    @Test
    void rejectsDirectoryWithoutDataFiles() throws Exception {
        write("readme.md", "nothing here");
        var e = assertThrows(InputFormatException.class, this::importDir);
        assertTrue(e.getMessage().contains("no data files"), e.getMessage());
    }

    @Test
    void rejectsPathThatIsNotADirectory() {
        var e = assertThrows(
                InputFormatException.class,
                () -> new DirectoryImporter().importDirectory(dir.resolve("missing"), TaskContext.silent()));
        assertTrue(e.getMessage().endsWith("not a directory"), e.getMessage());
    }

    @Test
    void reportsProgressUpToAllFiles() throws Exception {
        for (int i = 0; i < 6; i++) {
            write("2004.02.12.1" + i + ".00.00", rows(10, 2, 0.1));
        }
        List<long[]> seen = new ArrayList<>();
        new DirectoryImporter(2)
                .importDirectory(
                        dir,
                        new CancellationToken().contextFor((done, total, msg) -> seen.add(new long[] {done, total})));
        long[] last = seen.get(seen.size() - 1);
        assertEquals(6, last[0]);
        assertEquals(6, last[1]);
    }

    @Test
    void stopsWhenCancelled() throws Exception {
        for (int i = 0; i < 6; i++) {
            write("2004.02.12.1" + i + ".00.00", rows(10, 2, 0.1));
        }
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(
                CancelledException.class,
                () -> new DirectoryImporter(2).importDirectory(dir, token.contextFor((d, t, m) -> {})));
    }
}
