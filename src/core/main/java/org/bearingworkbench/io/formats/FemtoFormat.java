package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bearingworkbench.dataset.ChannelInfo;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.Presets;
import org.bearingworkbench.dataset.Sourced;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.NumberToken;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.signal.BearingDesign;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PRONOSTIA / FEMTO (IEEE PHM 2012 challenge): one directory per bearing, {@code acc_NNNNN.csv} vibration files
 * without header (hour, minute, second, microsecond, horizontal and vertical acceleration in g; 2,560 samples at
 * 25.6 kHz every 10 s; {@code ,} or {@code ;} separated, microseconds sometimes as {@code 4.2504e+05}) and
 * {@code temp_NNNNN.csv} temperature files. Snapshots are in file-number order; each one's time is its first
 * row's clock, a day later when the clock runs back by more than half a day (runs cross midnight); a smaller step
 * back between snapshots seconds apart is a clock glitch: that snapshot is timed 10 s after the previous one and
 * the import warns.
 */
public final class FemtoFormat implements SnapshotFormat {
    static final double SAMPLE_RATE = 25_600;
    private static final Pattern ACC = Pattern.compile("acc_(\\d+)\\.csv");
    private static final Pattern TEMP = Pattern.compile("temp_(\\d+)\\.csv");
    private static final int[] SIGNALS = {4, 5};
    /** Hour, minute, second and microsecond: the clock, read from the first row only ({@link #clock}). */
    private static final long CLOCK_COLUMNS = 0b1111;
    /** A step back of more than this between consecutive snapshots is a midnight crossing; less, a clock glitch. */
    static final Duration MIDNIGHT_STEP = Duration.ofHours(12);
    /** The challenge's snapshot spacing, given to a snapshot whose clock glitched. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(FemtoFormat.class);

    @Override
    public String id() {
        return "femto";
    }

    @Override
    public String label() {
        return "PRONOSTIA / FEMTO (acc_NNNNN.csv)";
    }

    @Override
    public double recognise(Path dir) {
        try (var s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .toList();
            long acc = names.stream().filter(n -> ACC.matcher(n).matches()).count();
            long temp = names.stream().filter(n -> TEMP.matcher(n).matches()).count();
            return acc == 0 ? 0 : 0.99 * (acc + temp) / names.size();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public List<SnapshotRef> list(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        List<SnapshotRef> out = new ArrayList<>();
        LocalDateTime day = NumberedFiles.dayStart();
        LocalTime previous = null;
        List<NumberedFiles.Numbered> files =
                NumberedFiles.list(dir, ACC, TEMP, "an acc_NNNNN.csv vibration file", skipped);
        // each file's clock is its first row's: read in parallel (small reads of many files)
        Object[] clocks = files.parallelStream()
                .map(f -> {
                    try {
                        return (Object) clock(NumberedFiles.firstLine(f.path()));
                    } catch (IOException | IllegalArgumentException e) {
                        return e instanceof IOException io ? io.getMessage() : e.getMessage();
                    }
                })
                .toArray();
        for (int i = 0; i < files.size(); i++) {
            NumberedFiles.Numbered f = files.get(i);
            if (!(clocks[i] instanceof LocalTime clock)) {
                skipped.add(new SkippedFile(
                        f.name(), "line 1: no hour, minute, second, microsecond clock (" + clocks[i] + ")"));
                continue;
            }
            LocalDateTime time = day.with(clock);
            boolean glitch = false;
            if (previous != null && clock.isBefore(previous)) {
                if (Duration.between(clock, previous).compareTo(MIDNIGHT_STEP) > 0) {
                    day = day.plusDays(1); // late evening to early morning: the run crossed midnight
                    time = day.with(clock);
                } else {
                    // a clock that steps back by less than half a day is a glitch, not a day later: the snapshot
                    // keeps its place at the run's usual spacing, and the next ones are compared with the last good
                    // clock
                    glitch = true;
                    time = out.get(out.size() - 1).timestamp().plus(DEFAULT_INTERVAL);
                    LOG.warn(
                            "{}: its clock {} steps back from {}: a clock glitch, not a midnight crossing; timed "
                                    + "{} s after the previous snapshot",
                            f.name(),
                            clock,
                            previous,
                            DEFAULT_INTERVAL.toSeconds());
                }
            }
            if (!glitch) {
                previous = clock;
            }
            out.add(new SnapshotRef(f.path(), f.name(), time, DirectoryEntries.size(f.path())));
        }
        return out;
    }

    /** The clock of a row {@code hour, minute, second, microsecond, ...}. */
    static LocalTime clock(String line) {
        String[] t = line.split("[,;\\s]+");
        if (t.length < 4) {
            throw new IllegalArgumentException("'" + NumberToken.printable(line) + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            v[i] = NumberToken.parseCell(t[i])
                    .orElseThrow(() -> new IllegalArgumentException("'" + NumberToken.printable(line) + "'"));
        }
        if (v[0] < 0 || v[0] > 23 || v[1] < 0 || v[1] > 59 || v[2] < 0 || v[2] > 59 || v[3] < 0 || v[3] >= 1e6) {
            throw new IllegalArgumentException("clock out of range in '" + NumberToken.printable(line) + "'");
        }
        return LocalTime.of((int) v[0], (int) v[1], (int) v[2], (int) Math.round(v[3]) * 1000 % 1_000_000_000);
    }

    @Override
    public SignalView read(SnapshotRef ref, SnapshotReader reader) throws InputFormatException {
        reader.parser().skipColumns(CLOCK_COLUMNS);
        try {
            reader.read(ref.path());
        } finally {
            reader.parser().skipColumns(0);
        }
        int cols = reader.parser().channels();
        if (cols != 6) {
            throw new InputFormatException(ref.name() + ": " + cols + " columns, expected 6 (hour, minute, second, "
                    + "microsecond, horizontal, vertical)");
        }
        return new ParserView(reader.parser(), SIGNALS);
    }

    @Override
    public DataSetDescription describe(Path dir, List<SnapshotRef> refs, SignalView first) {
        List<ChannelInfo> ch = List.of(
                new ChannelInfo("ch1", "horizontal", 1, "horizontal"),
                new ChannelInfo("ch2", "vertical", 1, "vertical"));
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        var condition = Presets.conditionFromName(name);
        return new DataSetDescription(
                new Sourced<>(id(), ValueSource.DETECTED),
                "PRONOSTIA" + condition.map(c -> " condition " + c).orElse(""),
                new Sourced<>(SAMPLE_RATE, ValueSource.FORMAT),
                new Sourced<>(first.rows(), ValueSource.DETECTED),
                Sourced.of(DirectoryEntries.medianInterval(refs), ValueSource.DETECTED),
                ch,
                ValueSource.FORMAT,
                new Sourced<>("g", ValueSource.FORMAT),
                condition
                        .map(c -> new Sourced<>(Presets.pronostiaRpm(c), ValueSource.DETECTED))
                        .orElse(Sourced.unknown()),
                new Sourced<>(BearingDesign.pronostia(), ValueSource.PRESET));
    }
}
