package org.bearingworkbench.ui.shell;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.Snapshot;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.DataSource;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.signal.FileEnvelope;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.signal.Spectrum;
import org.bearingworkbench.task.TaskContext;

/**
 * What the Signals pane shows of one file, computed off the FX thread: its samples, the amplitude spectrum of each
 * shown channel (null for a channel the file does not have) and the envelope analysis of one channel (null when the
 * file lacks it). No JavaFX here: the pane draws it.
 */
public record FileView(Snapshot snapshot, List<Spectrum> spectra, FileEnvelope envelope) {

    /** What to compute: the shown channels, the sample rate, the envelope's channel, base settings and band choice. */
    public record Request(
            List<Integer> channels,
            double sampleRate,
            int envelopeChannel,
            PhysicsSettings physics,
            boolean autoBand) {}

    public static FileView load(DataSource source, String file, LocalDateTime time, Request r, TaskContext ctx)
            throws InputFormatException {
        SignalView v = source.read(file, time, new SnapshotReader());
        Snapshot s = new Snapshot(file, time, v.copy(), v.rows());
        List<Spectrum> spectra = new ArrayList<>();
        for (int ch : r.channels()) {
            ctx.checkCancelled();
            spectra.add(ch <= s.channelCount() ? Spectrum.of(s.channels()[ch - 1], s.rows(), r.sampleRate()) : null);
        }
        int e = r.envelopeChannel();
        FileEnvelope env = e <= s.channelCount()
                ? FileEnvelope.of(s.channels()[e - 1], s.rows(), r.sampleRate(), r.physics(), r.autoBand())
                : null;
        return new FileView(s, spectra, env);
    }
}
