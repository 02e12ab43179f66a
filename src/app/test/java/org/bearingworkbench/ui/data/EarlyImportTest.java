package org.bearingworkbench.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.CancelledException;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import a window starts with, begun before the window: the same result, progress and failure as its own task. */
class EarlyImportTest {
    /** A task's context that records progress and can be cancelled. */
    private static final class Recording implements TaskContext {
        final List<long[]> progress = new ArrayList<>();
        volatile boolean cancelled;

        @Override
        public synchronized void progress(long done, long total, String message) {
            progress.add(new long[] {done, total});
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    @Test
    void theTaskThatTakesItOverGetsTheSameDataAndTheProgress() throws Exception {
        Recording task = new Recording();
        var early = EarlyImport.start(SampleData.DIR);
        var result = early.takeOver(task);
        var direct = DataSets.open(SampleData.DIR, UserSettings.NONE, TaskContext.silent());
        assertEquals(160, result.table().rowCount());
        assertEquals(direct.table().featureColumns(), result.table().featureColumns());
        for (String c : direct.table().featureColumns()) {
            assertEquals(
                    0, Arrays.compare(direct.table().column(c), result.table().column(c)), c);
        }
        assertEquals(direct.description().sampleRateHz(), result.description().sampleRateHz());
        assertTrue(!task.progress.isEmpty(), "no progress reached the task");
    }

    @Test
    void aFailedImportFailsTheTaskWithTheSameReason(@TempDir Path tmp) {
        Path missing = tmp.resolve("no-such-run");
        var direct = assertThrows(
                InputFormatException.class, () -> DataSets.open(missing, UserSettings.NONE, TaskContext.silent()));
        var early = assertThrows(
                InputFormatException.class, () -> EarlyImport.start(missing).takeOver(new Recording()));
        assertEquals(direct.getMessage(), early.getMessage());
    }

    @Test
    void cancellingTheTaskStopsTheImport() {
        Recording task = new Recording();
        task.cancelled = true;
        var early = EarlyImport.start(SampleData.DIR);
        assertThrows(CancelledException.class, () -> early.takeOver(task));
        assertTrue(early.isCancelled(), "the import does not see the task's cancellation");
    }
}
