package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.features.FeatureTable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCsvTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        Path p = dir.resolve("f.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aMillionColumnHeaderIsNamedNotAMarkError() {
        StringBuilder header = new StringBuilder("timestamp");
        for (int c = 0; c < 1_000_000; c++) {
            header.append(",c").append(c);
        }
        String text = header + "\n2004-02-12 10:32:39," + "0.1,".repeat(10) + "\n";
        InputFormatException e =
                assertThrows(InputFormatException.class, () -> FeatureCsv.load(new StringReader(text), "wide.csv"));
        assertTrue(
                e.getMessage().startsWith("wide.csv: line 1, the header row, is longer than 1 M characters"),
                e.getMessage());
    }

    @Test
    void aByteThatIsNoUtf8NamesItsLineAndColumnEvenFarIntoTheFile() throws Exception {
        StringBuilder b = new StringBuilder("timestamp,ch1_mean_abs,ch2_mean_abs\n");
        LocalDateTime t = LocalDateTime.of(2004, 2, 12, 0, 0);
        for (int r = 0; r < 5000; r++) {
            b.append(FeatureCsv.ISO.format(t.plusMinutes(r))).append(",0.1,0.2\n");
        }
        // line 5002: a cell written in Latin-1 (0xB5, the micro sign, is no UTF-8 on its own)
        byte[] head = (b + FeatureCsv.ISO.format(t.plusMinutes(5000)) + ",0.1,0.2 ").getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(head, head.length + 3);
        bad[head.length] = (byte) 0xb5;
        bad[head.length + 1] = 'g';
        bad[head.length + 2] = '\n';
        Path p = dir.resolve("latin.csv");
        Files.write(p, bad);
        InputFormatException e = assertThrows(InputFormatException.class, () -> FeatureCsv.load(p));
        assertEquals(
                "latin.csv, line 5002, column 3: not UTF-8 text (a byte that is no character): not a text (UTF-8)"
                        + " CSV file; save it as UTF-8 (a spreadsheet's \"CSV UTF-8\")",
                e.getMessage());
    }

    @Test
    void roundTripsItsOwnFormatExactly() throws Exception {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("ch1_mean_abs", new double[] {0.1 + 0.2, 1e-17});
        FeatureTable t = FeatureTable.of(
                "x",
                null,
                List.of(LocalDateTime.of(2004, 2, 12, 10, 32, 39), LocalDateTime.of(2004, 2, 12, 10, 42, 39)),
                List.of("a", "b"),
                new int[] {20480, 20480},
                cols);
        Path p = dir.resolve("out.csv");
        FeatureCsv.write(t, p);
        FeatureTable back = FeatureCsv.read(p);
        assertArrayEquals(t.column("ch1_mean_abs"), back.column("ch1_mean_abs"));
        assertEquals(List.of("a", "b"), List.of(back.file(0), back.file(1)));
        assertEquals(20480, back.sampleRows(1));
        assertEquals(t.timestamps(), back.timestamps());
    }

    @Test
    void readsForeignCsvWithEmptyFirstHeaderAndImsTimestamps() throws Exception {
        FeatureTable t =
                FeatureCsv.read(csv(",Bearing 1,Bearing 2\n2004.02.12.10.52.39,0.5,0.25\n2004-02-12T10:42:39,1,2\n"));
        assertEquals(List.of("Bearing 1", "Bearing 2"), t.featureColumns());
        assertEquals(LocalDateTime.of(2004, 2, 12, 10, 42, 39), t.timestamp(0));
        assertEquals("2004.02.12.10.42.39", t.file(0));
        assertArrayEquals(new double[] {1, 0.5}, t.column("Bearing 1"));
    }

    @Test
    void quotedCellsKeepTheirCommasAndQuotes() throws Exception {
        FeatureTable t = FeatureCsv.read(csv("\uFEFFtime,\"Bearing 1, horizontal\",\"say \"\"hi\"\"\"\r\n"
                + "2004-02-12 10:42:39,\"0.5\",1\r\n\r\n2004-02-12 10:52:39,0.75,2"));
        assertEquals(List.of("Bearing 1, horizontal", "say \"hi\""), t.featureColumns());
        assertArrayEquals(new double[] {0.5, 0.75}, t.column("Bearing 1, horizontal"));
    }

    @Test
    void spreadsheetExportsWithSemicolonsOrTabsAndDecimalCommas() throws Exception {
        FeatureTable semi = FeatureCsv.read(csv("Zeit;Lager 1;Lager 2\n12.02.2004 10:42:39;0,5;1,25e-3\n"
                .replace("12.02.2004 10:42:39", "2004-02-12 10:42:39")));
        assertEquals(List.of("Lager 1", "Lager 2"), semi.featureColumns());
        assertArrayEquals(new double[] {0.5}, semi.column("Lager 1"));
        assertArrayEquals(new double[] {1.25e-3}, semi.column("Lager 2"));
        FeatureTable tab = FeatureCsv.read(csv("t\ta\tb\n2004-02-12 10:42:39\t0,5\t2\n"));
        assertArrayEquals(new double[] {0.5}, tab.column("a"));
    }

    @Test
    void errorsNameTheLineAlsoAfterBlankLinesAndAtTheEnd() throws Exception {
        InputFormatException e = assertThrows(
                InputFormatException.class,
                () -> FeatureCsv.read(csv("t,a\n\n\n2004-02-12 10:42:39,1\n2004-02-12 10:52:39,x")));
        assertEquals("f.csv, line 5, column 2 (a): 'x' is not a finite decimal number", e.getMessage());
        InputFormatException q =
                assertThrows(InputFormatException.class, () -> FeatureCsv.read(csv("t,a\n2004-02-12 10:42:39,\"1\n")));
        assertTrue(q.getMessage().startsWith("f.csv: cannot be read"), q.getMessage());
    }

    @Test
    void readsTheStudysOwnTable() throws Exception {
        FeatureTable t = FeatureCsv.read(SharedData.file("ims-test2/seed_averaged_982.csv"));
        assertEquals(982, t.rowCount());
        assertEquals(List.of("Bearing 1", "Bearing 2", "Bearing 3", "Bearing4"), t.featureColumns());
        assertEquals(LocalDateTime.of(2004, 2, 12, 10, 52, 39), t.timestamp(0));
    }

    @Test
    void rejectsBadTimestampWithLineAndColumn() {
        var e = assertThrows(
                InputFormatException.class, () -> FeatureCsv.read(csv("t,a\n2004-02-12 10:52:39,1\nyesterday,2\n")));
        assertTrue(
                e.getMessage().startsWith("f.csv, line 3, column 1 (t): 'yesterday' is not a timestamp"),
                e.getMessage());
    }

    @Test
    void rejectsNonNumericCellWithLineAndColumn() {
        var e = assertThrows(
                InputFormatException.class, () -> FeatureCsv.read(csv("t,a,b\n2004-02-12 10:52:39,1,n/a\n")));
        assertEquals("f.csv, line 2, column 3 (b): 'n/a' is not a finite decimal number", e.getMessage());
    }

    @Test
    void rejectsRowWithMissingCells() {
        var e = assertThrows(InputFormatException.class, () -> FeatureCsv.read(csv("t,a,b\n2004-02-12 10:52:39,1\n")));
        assertTrue(e.getMessage().contains("line 2: 2 cells, expected 3"), e.getMessage());
    }

    @Test
    void rejectsHeaderOnlyFile() {
        var e = assertThrows(InputFormatException.class, () -> FeatureCsv.read(csv("t,a\n")));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
    }

    @Test
    void theFastTimestampPathReadsWhatTheFormatterReads() {
        DateTimeFormatter smart = new DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd")
                .appendLiteral(' ')
                .appendPattern("HH:mm:ss")
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT); // as the product: 31 November is an error
        Random rnd = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String t = String.format(
                    Locale.ROOT,
                    "%04d-%02d-%02d %02d:%02d:%02d",
                    1990 + rnd.nextInt(60),
                    1 + rnd.nextInt(12),
                    1 + rnd.nextInt(31),
                    rnd.nextInt(24),
                    rnd.nextInt(60),
                    rnd.nextInt(60));
            LocalDateTime expected;
            try {
                expected = LocalDateTime.parse(t, smart);
            } catch (DateTimeParseException e) {
                expected = null; // e.g. 31 November: rejected either way
            }
            LocalDateTime got;
            try {
                got = FeatureCsv.parseTimestamp(t);
            } catch (DateTimeParseException e) {
                got = null;
            }
            assertEquals(expected, got, t);
            if (got != null) {
                assertEquals(got, FeatureCsv.parseTimestamp(t.replace(' ', 'T')), t);
            }
        }
        // shapes the fast path leaves to the formatter (and IMS names) still read as before
        assertEquals(LocalDateTime.of(2004, 2, 12, 10, 32), FeatureCsv.parseTimestamp("2004-02-12 10:32"));
        assertEquals(LocalDateTime.of(2004, 2, 12, 10, 32, 39), FeatureCsv.parseTimestamp(" 2004.02.12.10.32.39 "));
        Assertions.assertThrows(DateTimeParseException.class, () -> FeatureCsv.parseTimestamp("2004-0x-12 10:32:39"));
        Assertions.assertThrows(DateTimeParseException.class, () -> FeatureCsv.parseTimestamp("2004-13-12 10:32:39"));
    }
}
