package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bearingworkbench.dataset.ChannelInfo;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.Presets;
import org.bearingworkbench.dataset.Sourced;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.signal.BearingDesign;

/**
 * XJTU-SY: one directory per bearing with {@code 1.csv}, {@code 2.csv}, ... (numeric order) headed
 * {@code Horizontal_vibration_signals,Vertical_vibration_signals}; 32,768 samples at 25.6 kHz recorded every minute.
 * The files carry no time: snapshot n is placed n-1 minutes after the first.
 */
public final class XjtuFormat implements SnapshotFormat {
    static final double SAMPLE_RATE = 25_600;
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\.csv");
    private static final String HEADER = "horizontal_vibration_signals";

    @Override
    public String id() {
        return "xjtu-sy";
    }

    @Override
    public String label() {
        return "XJTU-SY (1.csv, 2.csv, ... with a header)";
    }

    @Override
    public double recognise(Path dir) {
        try {
            List<NumberedFiles.Numbered> files = NumberedFiles.list(dir, NUMBERED, null, "", new ArrayList<>());
            if (files.isEmpty()) {
                return 0;
            }
            String header = NumberedFiles.firstLine(files.get(0).path()).toLowerCase(Locale.ROOT);
            return header.contains(HEADER) ? 0.99 : 0.2;
        } catch (InputFormatException | IOException e) {
            return 0;
        }
    }

    @Override
    public List<SnapshotRef> list(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        List<SnapshotRef> out = new ArrayList<>();
        LocalDateTime start = NumberedFiles.dayStart();
        for (NumberedFiles.Numbered f : NumberedFiles.list(dir, NUMBERED, null, "a numbered N.csv file", skipped)) {
            out.add(new SnapshotRef(
                    f.path(),
                    f.name(),
                    start.plus(INTERVAL.multipliedBy(f.number() - 1)),
                    DirectoryEntries.size(f.path())));
        }
        return out;
    }

    @Override
    public SignalView read(SnapshotRef ref, SnapshotReader reader) throws InputFormatException {
        String header;
        try {
            header = NumberedFiles.firstLine(ref.path());
        } catch (IOException e) {
            throw new InputFormatException(ref.name() + ": cannot be read (" + e.getMessage() + ")", e);
        }
        boolean headed = header.toLowerCase(Locale.ROOT).contains(HEADER);
        reader.read(ref.path(), headed ? 1 : 0);
        int cols = reader.parser().channels();
        if (!headed) {
            throw new InputFormatException(
                    ref.name() + ", line 1: no header Horizontal_vibration_signals," + "Vertical_vibration_signals");
        }
        if (cols != 2) {
            throw new InputFormatException(ref.name() + ": " + cols + " columns, expected 2 (horizontal, vertical)");
        }
        return ParserView.all(reader.parser());
    }

    @Override
    public DataSetDescription describe(Path dir, List<SnapshotRef> refs, SignalView first) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        var condition = Presets.conditionFromName(name);
        return new DataSetDescription(
                new Sourced<>(id(), ValueSource.DETECTED),
                "XJTU-SY" + condition.map(c -> " condition " + c).orElse(""),
                new Sourced<>(SAMPLE_RATE, ValueSource.FORMAT),
                new Sourced<>(first.rows(), ValueSource.DETECTED),
                new Sourced<>(INTERVAL, ValueSource.FORMAT),
                List.of(
                        new ChannelInfo("ch1", "horizontal", 1, "horizontal"),
                        new ChannelInfo("ch2", "vertical", 1, "vertical")),
                ValueSource.FORMAT,
                new Sourced<>("g", ValueSource.FORMAT),
                condition
                        .map(c -> new Sourced<>(Presets.xjtuRpm(c), ValueSource.DETECTED))
                        .orElse(Sourced.unknown()),
                new Sourced<>(BearingDesign.ldkUer204(), ValueSource.PRESET));
    }
}
