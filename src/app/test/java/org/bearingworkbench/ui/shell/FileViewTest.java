package org.bearingworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.signal.FileEnvelope;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.signal.Spectrum;
import org.bearingworkbench.task.CancellationToken;
import org.bearingworkbench.task.CancelledException;
import org.bearingworkbench.task.ProgressListener;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;

/** The Signals pane's file job without the pane: what it computes is the core's spectra and envelope of that file. */
class FileViewTest {
    @Test
    void aFileGivesItsChannelsSpectraAndTheEnvelopeOfTheChosenChannel() throws Exception {
        ImportResult data = DataSets.open(SampleData.DIR, TaskContext.silent());
        int row = data.table().rowCount() - 1;
        String file = data.table().file(row);
        var source = data.rawSource().orElseThrow();
        var request = new FileView.Request(List.of(1, 3, 9), 20000, 1, PhysicsSettings.ims(), false);
        FileView v = FileView.load(source, file, data.table().timestamp(row), request, TaskContext.silent());
        var raw = source.read(file, data.table().timestamp(row), new SnapshotReader());
        double[] ch3 = Arrays.copyOf(raw.channel(2), raw.rows());
        Spectrum expected = Spectrum.of(ch3, ch3.length, 20000);
        assertEquals(3, v.spectra().size());
        assertArrayEquals(expected.amplitude(), v.spectra().get(1).amplitude(), 1e-15);
        assertNull(v.spectra().get(2), "a channel the file does not have");
        double[] ch1 = Arrays.copyOf(raw.channel(0), raw.rows());
        FileEnvelope env = FileEnvelope.of(ch1, ch1.length, 20000, PhysicsSettings.ims(), false);
        assertEquals(env.sentence("ch1", file), v.envelope().sentence("ch1", file));
        assertEquals("BPFO", v.envelope().matches().get(0).type().label());
    }

    @Test
    void aCancelledJobStopsBetweenChannels() throws Exception {
        ImportResult data = DataSets.open(SampleData.DIR, TaskContext.silent());
        CancellationToken token = new CancellationToken();
        token.cancel();
        var request = new FileView.Request(List.of(1, 2), 20000, 1, PhysicsSettings.ims(), false);
        assertThrows(
                CancelledException.class,
                () -> FileView.load(
                        data.rawSource().orElseThrow(),
                        data.table().file(0),
                        data.table().timestamp(0),
                        request,
                        token.contextFor(ProgressListener.NONE)));
    }
}
