package org.bearingworkbench.io.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bearingworkbench.dataset.ChannelInfo;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.Sourced;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;

/**
 * One long recording (a WAV file, or a delimited text file with one row per sample) split into snapshots of
 * {@code snapshot} length taken every {@code every} ({@code --layout snapshot=1s;every=10s}, plus the delimited
 * options for text). A WAV file states its sample rate; for text the user gives it. Snapshot k is named
 * {@code <file>#k} and placed k x every after the recording's start (the stand-in first day, as other layouts
 * without dates). Text files are indexed once (the byte offset of every snapshot's first and last row) and each
 * snapshot is read on its own, so a recording of any length never sits in memory.
 */
public final class RecordingFormat implements SnapshotFormat {
    private final Duration snapshot;
    private final Duration every;
    private final DelimitedLayout text;
    private final Double sampleRate;
    private final Map<Path, long[]> textIndex = new ConcurrentHashMap<>();

    public RecordingFormat(String layout, Double sampleRate) {
        Duration snap = null;
        Duration step = null;
        StringBuilder rest = new StringBuilder();
        for (String part : (layout == null ? "" : layout).split(";")) {
            String p = part.trim();
            String key = p.contains("=") ? p.substring(0, p.indexOf('=')).trim().toLowerCase(Locale.ROOT) : "";
            String value = p.contains("=") ? p.substring(p.indexOf('=') + 1) : "";
            if (key.equals("snapshot")) {
                snap = DelimitedLayout.duration(value);
            } else if (key.equals("every")) {
                step = DelimitedLayout.duration(value);
            } else if (!p.isEmpty()) {
                rest.append(p).append(';');
            }
        }
        if (snap == null) {
            throw new IllegalArgumentException("--format recording needs --layout snapshot=DURATION[;every=DURATION] "
                    + "(e.g. snapshot=1s;every=10s)");
        }
        this.snapshot = snap;
        this.every = step == null ? snap : step;
        this.text = DelimitedLayout.parse(rest.toString());
        this.sampleRate = sampleRate;
    }

    @Override
    public String id() {
        return "recording";
    }

    @Override
    public String label() {
        return "one long recording in snapshots of "
                + DelimitedLayout.duration(snapshot.toMillis() / 1000.0 + "s").toMillis() / 1000.0 + " s every "
                + every.toMillis() / 1000.0 + " s";
    }

    @Override
    public double recognise(Path source) {
        return 0;
    }

    private boolean isWav(Path file) {
        return WavFormat.isWav(file.getFileName().toString());
    }

    private double rate(Path file) throws InputFormatException {
        if (isWav(file)) {
            return WavFile.open(file).sampleRate();
        }
        if (sampleRate == null) {
            throw new InputFormatException(
                    file.getFileName() + ": a text recording states no sample rate; give " + "--sample-rate HZ");
        }
        return sampleRate;
    }

    @Override
    public List<SnapshotRef> list(Path file, List<SkippedFile> skipped) throws InputFormatException {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file + ": a recording is one file (give the file, not a folder)");
        }
        double fs = rate(file);
        long length = Math.round(snapshot.toNanos() / 1e9 * fs);
        long step = Math.max(1, Math.round(every.toNanos() / 1e9 * fs));
        if (length < 2) {
            throw new InputFormatException(file.getFileName() + ": a snapshot of " + snapshot.toMillis() + " ms holds "
                    + length + " samples at " + fs + " Hz");
        }
        long total = isWav(file) ? WavFile.open(file).frames() : index(file, length, step).length / 2;
        List<SnapshotRef> out = new ArrayList<>();
        LocalDateTime start = NumberedFiles.dayStart();
        String name = file.getFileName().toString();
        long count = isWav(file) ? (total < length ? 0 : (total - length) / step + 1) : total;
        for (long k = 0; k < count; k++) {
            out.add(ref(file, name + "#" + k, start.plus(every.multipliedBy(k)), length, step, k));
        }
        if (out.isEmpty()) {
            throw new InputFormatException(name + ": shorter than one snapshot (" + length + " samples)");
        }
        return out;
    }

    private SnapshotRef ref(Path file, String name, LocalDateTime t, long length, long step, long k)
            throws InputFormatException {
        if (isWav(file)) {
            return new SnapshotRef(file, name, t, length * 8, k * step, length);
        }
        long[] idx = index(file, length, step);
        if (2 * k + 1 >= idx.length) {
            throw new InputFormatException(name + ": beyond the end of the recording");
        }
        return new SnapshotRef(
                file,
                name,
                t,
                idx[2 * (int) k + 1] - idx[2 * (int) k],
                idx[2 * (int) k],
                idx[2 * (int) k + 1] - idx[2 * (int) k]);
    }

    @Override
    public SnapshotRef ref(Path file, String name, LocalDateTime timestamp) throws InputFormatException {
        int hash = name.lastIndexOf('#');
        long k;
        try {
            k = Long.parseLong(name.substring(hash + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new InputFormatException(name + ": not a snapshot of the recording " + file.getFileName());
        }
        double fs = rate(file);
        return ref(
                file,
                name,
                timestamp,
                Math.round(snapshot.toNanos() / 1e9 * fs),
                Math.max(1, Math.round(every.toNanos() / 1e9 * fs)),
                k);
    }

    /**
     * Byte offsets {start0, end0, start1, end1, ...} of every complete snapshot of a text recording: its first data
     * row's start and the end of its last row. Header lines ({@code header=N}) come before row 0.
     */
    private long[] index(Path file, long length, long step) throws InputFormatException {
        long[] cached = textIndex.get(file);
        if (cached != null) {
            return cached;
        }
        int header = text.headerLines() != null ? text.headerLines() : DelimitedFormat.headerLines(file);
        Spans spans = new Spans(length, step);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long pos = 0;
            long line = 0;
            long row = -header;
            long rowStart = 0;
            boolean blank = true;
            int b;
            int prev = -1;
            while (true) {
                b = in.read();
                boolean eol = b == '\n' || b == '\r' || b < 0;
                if (b == '\n' && prev == '\r') {
                    rowStart = pos + 1;
                } else if (eol) {
                    if (!blank || row < 0) {
                        spans.row(row, rowStart, pos);
                        row++;
                    }
                    line++;
                    blank = true;
                    rowStart = pos + 1;
                } else if (b != ' ' && b != '\t') {
                    blank = false;
                }
                if (b < 0) {
                    break;
                }
                prev = b;
                pos++;
            }
        } catch (IOException e) {
            throw new InputFormatException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
        long[] idx = spans.offsets.stream().mapToLong(Long::longValue).toArray();
        textIndex.put(file, idx);
        return idx;
    }

    /** Snapshots of {@code length} rows every {@code step} rows, as the rows go by: each one's first and last byte. */
    private static final class Spans {
        private final long length;
        private final long step;
        private final List<Long> open = new ArrayList<>();
        private final List<Long> offsets = new ArrayList<>();

        Spans(long length, long step) {
            this.length = length;
            this.step = step;
        }

        /** Data row {@code row} (negative: a header line) spans bytes {@code start} to {@code end}. */
        void row(long row, long start, long end) {
            if (row < 0) {
                return;
            }
            if (row % step == 0) {
                open.add(start);
            }
            long ended = row + 1 - length;
            if (ended >= 0 && ended % step == 0 && !open.isEmpty()) {
                offsets.add(open.remove(0));
                offsets.add(end);
            }
        }
    }

    @Override
    public SignalView read(SnapshotRef ref, SnapshotReader reader) throws InputFormatException {
        if (isWav(ref.path())) {
            WavFile wav = WavFile.open(ref.path());
            double[][] all = wav.read(ref.start(), ref.count());
            if (all.length == 0 || all[0].length < ref.count()) {
                throw new InputFormatException(ref.name() + ": the recording ends inside this snapshot");
            }
            return new ArrayView(WavFormat.select(all, text, ref.name()), all[0].length);
        }
        reader.readRange(ref.path(), ref.start(), ref.count());
        var p = reader.parser();
        if (text.columns() == null) {
            return ParserView.all(p);
        }
        for (int c : text.columns()) {
            if (c >= p.channels()) {
                throw new InputFormatException(ref.name() + ": no column " + (c + 1));
            }
        }
        return new ParserView(p, text.columns());
    }

    @Override
    public DataSetDescription describe(Path file, List<SnapshotRef> refs, SignalView first) {
        Sourced<Double> fs;
        try {
            fs = new Sourced<>(rate(file), isWav(file) ? ValueSource.FORMAT : ValueSource.USER);
        } catch (InputFormatException e) {
            fs = Sourced.unknown();
        }
        List<ChannelInfo> ch = new ArrayList<>();
        for (int i = 1; i <= first.channels(); i++) {
            ch.add(new ChannelInfo("ch" + i, "", 0, ""));
        }
        return new DataSetDescription(
                new Sourced<>(id(), ValueSource.USER),
                "",
                fs,
                new Sourced<>(first.rows(), ValueSource.USER),
                new Sourced<>(every, ValueSource.USER),
                ch,
                ValueSource.DETECTED,
                Sourced.unknown(),
                Sourced.unknown(),
                Sourced.unknown());
    }
}
