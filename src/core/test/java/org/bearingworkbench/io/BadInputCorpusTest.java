package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.model.ScalerJson;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in bad-input corpus ({@code src/core/test/resources/bad-input}): each hostile snapshot sits in a
 * directory among five good ones; every good file must import, and the bad one must be read right (CR-only line
 * endings, a decimal comma, a byte-order mark, an exact long token) or skipped with its reason.
 */
class BadInputCorpusTest {
    static final Path CORPUS = corpus();
    private static final String[] GOOD_NAMES = {
        "2004.02.12.10.32.39",
        "2004.02.12.10.42.39",
        "2004.02.12.10.52.39",
        "2004.02.12.11.02.39",
        "2004.02.12.11.12.39"
    };
    private static final String BAD_NAME = "2004.02.12.11.22.39";

    @TempDir
    Path dir;

    static Path corpus() {
        try {
            return Paths.get(BadInputCorpusTest.class
                            .getResource("/bad-input/cases.tsv")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("cases.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(p -> Arguments.of(p[0], p[1], p[2]));
    }

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @MethodSource("cases")
    void everyGoodFileImportsBesideTheBadOne(String file, String outcome, String expected) throws Exception {
        Path good = CORPUS.resolve("good-snapshot.txt");
        for (String name : GOOD_NAMES) {
            Files.copy(good, dir.resolve(name));
        }
        Files.copy(CORPUS.resolve("raw").resolve(file), dir.resolve(BAD_NAME));
        ImportResult r = new DirectoryImporter(2).importDirectory(dir, TaskContext.silent());
        FeatureTable t = r.table();
        List<String> files = IntStream.range(0, t.rowCount()).mapToObj(t::file).toList();
        assertTrue(files.containsAll(List.of(GOOD_NAMES)), "every good file imports: " + files + " " + r.skipped());
        for (String col : t.featureColumns()) {
            for (double v : t.column(col)) {
                assertTrue(Double.isFinite(v), col + " holds " + v);
            }
        }
        if (outcome.equals("skip")) {
            assertEquals(1, r.skipped().size(), r.skipped().toString());
            SkippedFile s = r.skipped().get(0);
            assertEquals(BAD_NAME, s.file());
            assertTrue(s.reason().contains(expected), "reason '" + s.reason() + "' should contain '" + expected + "'");
            assertTrue(s.reason().chars().noneMatch(c -> c < 0x20), "no control characters in: " + s.reason());
            assertEquals(GOOD_NAMES.length, t.rowCount());
        } else {
            assertEquals(List.of(), r.skipped());
            assertEquals(GOOD_NAMES.length + 1, t.rowCount());
            int bad = files.indexOf(BAD_NAME);
            if (expected.equals("same-as-good")) {
                for (String col : t.featureColumns()) {
                    assertEquals(t.column(col)[0], t.column(col)[bad], 1e-12 * Math.abs(t.column(col)[0]), col);
                }
            } else {
                String[] kv = expected.split("=");
                double want = Double.parseDouble(kv[1]);
                assertEquals(want, t.column(kv[0])[bad], Math.abs(want) * 1e-15, kv[0]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvCases")
    void badFeatureCsvSaysWhatAndWhere(String file, String expected) throws Exception {
        Path csv = CORPUS.resolve("csv").resolve(file);
        if (expected.startsWith("skip ")) {
            FeatureCsv.Loaded loaded = FeatureCsv.load(csv);
            assertEquals(1, loaded.skippedRows().size());
            assertTrue(
                    loaded.skippedRows().get(0).toString().contains(expected.substring(5)),
                    loaded.skippedRows().toString());
            assertEquals(12, loaded.table().rowCount());
        } else if (expected.startsWith("rows ")) {
            FeatureTable t = FeatureCsv.read(csv);
            assertEquals(Integer.parseInt(expected.substring(5)), t.rowCount());
        } else {
            var e = Assertions.assertThrows(InputFormatException.class, () -> FeatureCsv.read(csv));
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertTrue(e.getMessage().startsWith(file), e.getMessage());
        }
    }

    static Stream<Arguments> csvCases() {
        return Stream.of(
                Arguments.of(
                        "invalid-date-feb-30.csv",
                        "line 2, column 1 (timestamp): '2025-02-30 10:00:00' is not a timestamp"),
                Arguments.of(
                        "duplicate-timestamp-same-values.csv",
                        "skip line 14: same timestamp 2004-02-12 10:30:39 as line 5"),
                Arguments.of(
                        "duplicate-timestamp-other-values.csv",
                        "skip line 14: same timestamp 2004-02-12 10:30:39 as line 5"),
                Arguments.of("second-file-column.csv", "line 1: column name 'file' appears twice"),
                Arguments.of("negative-rows.csv", "line 2, column 3 (rows): '-5' is not a row count"),
                Arguments.of("feature-named-timestamp.csv", "line 1, column 3: the name 'timestamp' is reserved"),
                Arguments.of(
                        "java-literal-cell.csv",
                        "line 2, column 4 (ch1_mean_abs): '0x1p3' is not a finite decimal number"),
                Arguments.of("nan-cell.csv", "line 2, column 4 (ch1_mean_abs): 'NaN' is not a finite decimal number"),
                Arguments.of("values-near-double-max.csv", "rows 12"),
                Arguments.of("good.csv", "rows 12"));
    }

    @Test
    void yearZeroIsWrittenAsYearZero() throws Exception {
        FeatureTable t = FeatureCsv.read(CORPUS.resolve("csv/year-zero.csv"));
        assertEquals(0, t.timestamp(0).getYear());
        Path out = dir.resolve("out.csv");
        FeatureCsv.write(t, out);
        assertTrue(
                Files.readAllLines(out).get(1).startsWith("0000-01-01 00:00:00,"),
                Files.readAllLines(out).get(1));
        assertEquals(t.timestamp(0), FeatureCsv.read(out).timestamp(0));
    }

    @Test
    void aScalerWithMaximumBelowMinimumIsRejected() {
        var e = Assertions.assertThrows(
                InputFormatException.class, () -> ScalerJson.read(CORPUS.resolve("scaler-max-below-min.json")));
        assertTrue(e.getMessage().contains("entry 0 has data_max_ 0.1 below data_min_ 0.5"), e.getMessage());
    }

    static {
        assertNotNull(CORPUS);
    }
}
