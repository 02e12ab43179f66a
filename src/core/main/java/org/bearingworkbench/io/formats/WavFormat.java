package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bearingworkbench.dataset.ChannelInfo;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.Sourced;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;

/**
 * WAV files, one snapshot each (PCM 8/16/24/32-bit or float): channels and sample rate from the header, the
 * snapshot's time from the user's {@link DelimitedLayout} time rule (default: modification time), the channels the
 * layout's {@code columns} name (default: all). A WAV file as one long recording: {@link RecordingFormat}.
 */
public final class WavFormat implements SnapshotFormat {
    private final DelimitedLayout layout;

    public WavFormat(DelimitedLayout layout) {
        this.layout = layout;
    }

    @Override
    public boolean fixedLength() {
        return false;
    }

    @Override
    public String id() {
        return "wav";
    }

    @Override
    public String label() {
        return "WAV, one snapshot per file";
    }

    @Override
    public double recognise(Path dir) {
        try (var s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .toList();
            long wav = names.stream().filter(WavFormat::isWav).count();
            return names.isEmpty() ? 0 : 0.9 * wav / names.size();
        } catch (IOException e) {
            return 0;
        }
    }

    static boolean isWav(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".wav");
    }

    @Override
    public List<SnapshotRef> list(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        return TimedFiles.list(dir, WavFormat::isWav, "a .wav file", layout.time(), skipped, true);
    }

    @Override
    public List<SnapshotRef> files(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        return TimedFiles.list(dir, WavFormat::isWav, "a .wav file", layout.time(), skipped, false);
    }

    @Override
    public SignalView read(SnapshotRef ref, SnapshotReader reader) throws InputFormatException {
        WavFile wav = WavFile.open(ref.path());
        double[][] all = wav.read(ref.start(), ref.wholeFile() ? wav.frames() : ref.count());
        int rows = all.length == 0 ? 0 : all[0].length;
        if (rows == 0) {
            throw new InputFormatException(ref.name() + ": no samples");
        }
        return new ArrayView(select(all, layout, ref.name()), rows);
    }

    static double[][] select(double[][] all, DelimitedLayout layout, String name) throws InputFormatException {
        if (layout.columns() == null) {
            return all;
        }
        double[][] out = new double[layout.columns().length][];
        for (int i = 0; i < out.length; i++) {
            int c = layout.columns()[i];
            if (c >= all.length) {
                throw new InputFormatException(name + ": no channel " + (c + 1) + " (the file has " + all.length + ")");
            }
            out[i] = all[c];
        }
        return out;
    }

    @Override
    public DataSetDescription describe(Path dir, List<SnapshotRef> refs, SignalView first) {
        double rate;
        try {
            rate = WavFile.open(refs.get(0).path()).sampleRate();
        } catch (InputFormatException e) {
            rate = Double.NaN;
        }
        List<ChannelInfo> ch = new ArrayList<>();
        for (int i = 1; i <= first.channels(); i++) {
            ch.add(new ChannelInfo("ch" + i, "", 0, ""));
        }
        return new DataSetDescription(
                new Sourced<>(id(), ValueSource.DETECTED),
                "",
                Double.isNaN(rate) ? Sourced.unknown() : new Sourced<>(rate, ValueSource.FORMAT),
                new Sourced<>(first.rows(), ValueSource.DETECTED),
                Sourced.of(DirectoryEntries.medianInterval(refs), ValueSource.DETECTED),
                ch,
                ValueSource.DETECTED,
                Sourced.unknown(),
                Sourced.unknown(),
                Sourced.unknown());
    }
}
