package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"2004.02.12.10.32.39", "2004.02.12.10.32.39.gz"})
    void readsTheTimestampOfAnImsName(String name) {
        assertEquals(Optional.of(LocalDateTime.of(2004, 2, 12, 10, 32, 39)), SnapshotName.timestampOf(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2004.02.12.10.32.3",
                "2004.02.12.10.32.399",
                "2004.02.12.10.32.39.zip",
                "2004-02-12.10.32.39",
                "2004.02.12.10.32.3x",
                "2004.02.30.10.32.39", // no such day
                "2004.02.12.24.00.00",
                "2004.02.12.10.32.\u0663\u0669", // Arabic-Indic digits are not the convention's
                "acc_00001.csv",
                ""
            })
    void anyOtherNameHasNoTimestamp(String name) {
        assertTrue(SnapshotName.timestampOf(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2004.02.12.10.32.39", "2003.10.22.12.06.24"})
    void writesAndParsesTheSameConvention(String name) {
        LocalDateTime t = SnapshotName.parse(name);
        assertEquals(name, SnapshotName.of(t));
        assertEquals(Optional.of(t), SnapshotName.timestampOf(name));
    }
}
