package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.features.FeatureTable;
import org.junit.jupiter.api.Test;

class ScalingAndColumnsTest {
    @Test
    void scalesWithTrainingRowsOnly() {
        double[][] cols = {{1, 3, 2, 10}};
        MinMaxScaler s = MinMaxScaler.fit(cols, 2);
        assertArrayEquals(new double[] {0, 1, 0.5, 4.5}, s.transform(cols)[0]);
    }

    @Test
    void constantColumnDoesNotDivideByZero() {
        double[][] cols = {{5, 5, 5}};
        MinMaxScaler s = MinMaxScaler.fit(cols, 3);
        assertArrayEquals(new double[] {0, 0, 0}, s.transform(cols)[0]);
    }

    @Test
    void defaultColumnsAreMeanAbsOfEveryChannel() throws Exception {
        assertEquals(
                List.of("ch1_mean_abs", "ch2_mean_abs", "ch3_mean_abs", "ch4_mean_abs"),
                ColumnSelection.defaults(SampleData.table()));
    }

    @Test
    void resolvesNamesAndGlobsInOrder() throws Exception {
        FeatureTable t = SampleData.table();
        assertEquals(
                List.of("ch2_rms", "ch1_kurtosis", "ch2_kurtosis", "ch3_kurtosis", "ch4_kurtosis"),
                ColumnSelection.resolve(t, "ch2_rms, *_kurtosis"));
    }

    @Test
    void rejectsPatternThatMatchesNothing() throws Exception {
        var e = assertThrows(
                IllegalArgumentException.class, () -> ColumnSelection.resolve(SampleData.table(), "Bearing*"));
        assertTrue(e.getMessage().startsWith("columns: 'Bearing*' matches no column"), e.getMessage());
    }

    @Test
    void aGlobLeavesOutConstantAndRepeatedColumnsANameKeepsThem() throws Exception {
        FeatureTable base = SampleData.table();
        double[] zero = new double[base.rowCount()];
        FeatureTable t = base.withColumns(Map.of(
                "ch1_ftf",
                zero,
                "ch2_ftf",
                zero.clone(),
                "ch1_copy",
                base.column("ch1_rms").clone()));
        assertEquals(List.of("ch1_rms", "ch2_rms"), ColumnSelection.resolve(t, "ch1_rms,ch2_rms,*_ftf,ch1_co*"));
        assertEquals(List.of("ch1_ftf"), ColumnSelection.resolve(t, "ch1_ftf"), "named exactly: taken");
        assertEquals("constant 0.0", ColumnSelection.degenerate(t, "ch2_ftf", List.of()));
        assertEquals("the same as ch1_rms", ColumnSelection.degenerate(t, "ch1_copy", List.of("ch1_rms")));
        var e = assertThrows(IllegalArgumentException.class, () -> ColumnSelection.resolve(t, "*_ftf"));
        assertTrue(e.getMessage().contains("leaves only degenerate columns"), e.getMessage());
    }

    @Test
    void aWholeMeasureCompactsToItsGlob() throws Exception {
        FeatureTable t = SampleData.table();
        List<String> cols = List.of("ch1_mean_abs", "ch2_mean_abs", "ch3_mean_abs", "ch4_mean_abs", "ch2_rms");
        assertEquals("*_mean_abs,ch2_rms", ColumnSelection.compact(t, cols));
        assertEquals(cols, ColumnSelection.resolve(t, ColumnSelection.compact(t, cols)));
        assertEquals("ch1_rms,ch2_rms", ColumnSelection.compact(t, List.of("ch1_rms", "ch2_rms")));
    }

    @Test
    void splitsByTimestampOrFraction() throws Exception {
        FeatureTable t = SampleData.table();
        assertEquals(11, SplitConfig.until(t.timestamp(10)).trainRows(t));
        assertEquals(72, SplitConfig.fraction(0.45).trainRows(t));
        assertEquals(SplitConfig.fraction(0.45), SplitConfig.defaultFor(t));
        assertThrows(
                IllegalArgumentException.class,
                () -> SplitConfig.until(t.timestamp(0).minusDays(1)).trainRows(t));
    }
}
