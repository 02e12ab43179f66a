package org.bearingworkbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The physics computed during the import equals the separate pass over the files, value for value. */
class FusedPhysicsTest {
    @TempDir
    Path tmp;

    @Test
    void importWithPhysicsGivesTheSeparatePassesIndicatorsAndSpectrogram() throws Exception {
        RunPhysics.Imported fused =
                RunPhysics.importWith(SampleData.DIR, UserSettings.NONE, PhysicsSettings.ims(), TaskContext.silent());
        assertNotNull(fused.physics());
        var data = DataSets.open(SampleData.DIR, TaskContext.silent());
        assertEquals(data.table().timestamps(), fused.data().table().timestamps());
        RunPhysics separate = RunPhysics.compute(data, fused.physics().settings(), TaskContext.silent());
        assertEquals(
                separate.indicators().keySet(), fused.physics().indicators().keySet());
        assertEquals(20, separate.indicators().size());
        separate.indicators()
                .forEach((c, v) ->
                        assertArrayEquals(v, fused.physics().indicators().get(c), 0.0, c));
        for (int ch = 0; ch < separate.spectrogram().length; ch++) {
            for (int f = 0; f < separate.spectrogram()[ch].length; f++) {
                assertArrayEquals(separate.spectrogram()[ch][f], fused.physics().spectrogram()[ch][f], 0f);
            }
        }
    }

    @Test
    void withoutASampleRateTheImportIsAsUsualAndThePhysicsNull() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("plain"));
        Files.writeString(dir.resolve("1.csv"), "1,2\n3,4\n5,6\n7,8\n");
        Files.writeString(dir.resolve("2.csv"), "1,2\n3,5\n5,6\n7,9\n");
        UserSettings delimited = new UserSettings("delimited", null, null, null, null, null);
        RunPhysics.Imported r = RunPhysics.importWith(dir, delimited, PhysicsSettings.ims(), TaskContext.silent());
        assertNull(r.physics());
        var plain = DataSets.open(dir, delimited, TaskContext.silent());
        assertEquals(plain.table().timestamps(), r.data().table().timestamps());
        assertEquals(plain.skipped(), r.data().skipped());
    }
}
