package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: the feature table of the real IMS test 2 equals the float64 reference to 1e-9 relative. */
class RealTest2ImportTest {
    @Test
    void featureTableOfRealTest2MatchesReference() throws Exception {
        Path dir = SharedData.imsTest2();
        FeatureTable truth = FeatureCsv.read(SharedData.file("ims-test2/features_truth.csv"));
        ImportResult result = new DirectoryImporter().importDirectory(dir, TaskContext.silent());
        FeatureTable table = result.table();
        assertEquals(984, table.rowCount());
        assertEquals(0, result.skipped().size());
        // the reference's 32 columns, plus one data-quality column per channel (share of samples at the extremes)
        assertEquals(
                truth.featureColumns(),
                table.featureColumns().stream()
                        .filter(c -> !c.endsWith("_clip"))
                        .toList());
        assertEquals(
                4,
                table.featureColumns().stream().filter(c -> c.endsWith("_clip")).count());
        var high = new ArrayList<String>();
        for (int ch = 1; ch <= 4; ch++) {
            double[] clip = table.column("ch" + ch + "_clip");
            for (int r = 0; r < clip.length; r++) {
                if (clip[r] >= 0.01 && r < clip.length - 2) { // the last two files are dead (quantised near zero)
                    high.add("ch" + ch + " " + table.file(r) + " " + clip[r] + " rms "
                            + table.column("ch" + ch + "_rms")[r]);
                }
            }
        }
        assertTrue(high.isEmpty(), "no live snapshot looks clipped:\n" + String.join("\n", high));
        int checked = 0;
        for (String col : truth.featureColumns()) {
            double[] expected = truth.column(col);
            double[] actual = table.column(col);
            for (int r = 0; r < expected.length; r++) {
                assertEquals(truth.timestamp(r), table.timestamp(r));
                double tol = 1e-9 * Math.max(Math.abs(expected[r]), 1e-300);
                assertEquals(expected[r], actual[r], tol, () -> col + " differs");
                checked++;
            }
        }
        assertEquals(984 * 32, checked);
        assertEquals(truth.file(0), table.file(0));
    }

    @Test
    void writtenFeatureCsvReadsBackIdentically(@TempDir Path tmp) throws Exception {
        FeatureTable table = new DirectoryImporter()
                .importDirectory(SharedData.imsTest2(), TaskContext.silent())
                .table();
        Path csv = tmp.resolve("features.csv");
        FeatureCsv.write(table, csv);
        FeatureTable back = FeatureCsv.read(csv);
        assertEquals(table.timestamps(), back.timestamps());
        for (String col : List.of("ch1_mean_abs", "ch3_kurtosis")) {
            assertTrue(Arrays.equals(table.column(col), back.column(col)), col);
        }
        assertTrue(Files.size(csv) > 100_000);
    }
}
