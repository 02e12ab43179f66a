package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.bearingworkbench.io.SnapshotParser;
import org.bearingworkbench.io.SnapshotReader;

/**
 * Any logger's delimited snapshot files, one snapshot per file: the delimiter (tab, blank, comma, semicolon), the
 * decimal mark and {@code #} comment lines are read as they come; header lines, signal columns and how a
 * snapshot's time is known follow the user's {@link DelimitedLayout} (header lines detected when not given). The
 * layout states no sample rate: the user gives it. Never chosen by detection ({@code --format delimited}).
 */
public final class DelimitedFormat implements SnapshotFormat {
    private static final int HEADER_SCAN = 20;
    private final DelimitedLayout layout;

    public DelimitedFormat(DelimitedLayout layout) {
        this.layout = layout;
    }

    public DelimitedLayout layout() {
        return layout;
    }

    @Override
    public boolean fixedLength() {
        return false;
    }

    @Override
    public String id() {
        return "delimited";
    }

    @Override
    public String label() {
        return "delimited text, one snapshot per file (" + layout + ")";
    }

    @Override
    public double recognise(Path dir) {
        return 0.05;
    }

    @Override
    public List<SnapshotRef> list(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        return textFiles(dir, skipped, true);
    }

    @Override
    public List<SnapshotRef> files(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        return textFiles(dir, skipped, false);
    }

    private List<SnapshotRef> textFiles(Path dir, List<SkippedFile> skipped, boolean unique)
            throws InputFormatException {
        return TimedFiles.list(
                dir,
                n -> !n.toLowerCase(Locale.ROOT).endsWith(".wav"),
                "a text snapshot file",
                layout.time(),
                skipped,
                unique);
    }

    @Override
    public SignalView read(SnapshotRef ref, SnapshotReader reader) throws InputFormatException {
        int header = layout.headerLines() != null ? layout.headerLines() : headerLines(ref.path());
        reader.read(ref.path(), header);
        SnapshotParser p = reader.parser();
        if (layout.columns() == null) {
            int time = TimeColumn.find(ref.path(), header, p);
            return time < 0 ? ParserView.all(p) : ParserView.without(p, time);
        }
        for (int c : layout.columns()) {
            if (c >= p.channels()) {
                throw new InputFormatException(
                        ref.name() + ": no column " + (c + 1) + " (the file has " + p.channels() + " columns)");
            }
        }
        return new ParserView(p, layout.columns());
    }

    /** Leading lines that hold a letter (other than an exponent's e) before the first numeric row. */
    static int headerLines(Path file) throws InputFormatException {
        List<String> lines = new ArrayList<>();
        try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while (lines.size() < HEADER_SCAN && (line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new InputFormatException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
        int n = 0;
        for (String l : lines) {
            String t = l.strip();
            if (t.startsWith("#") || t.isEmpty()) {
                n++;
                continue;
            }
            if (!t.replaceAll("(?i)(?<=\\d)e[+-]?(?=\\d)", "").matches(".*[A-Za-z\"].*")) {
                return n;
            }
            n++;
        }
        return 0;
    }

    @Override
    public DataSetDescription describe(Path dir, List<SnapshotRef> refs, SignalView first) {
        List<ChannelInfo> ch = new ArrayList<>();
        List<String> names = List.of();
        double rate = Double.NaN;
        if (!refs.isEmpty()) {
            try {
                Path f = refs.get(0).path();
                int header = layout.headerLines() != null ? layout.headerLines() : headerLines(f);
                names = TimeColumn.names(f, header);
                if (layout.columns() == null
                        && first instanceof ParserView v
                        && v.columns().length < v.parser().channels()) {
                    int time = TimeColumn.missing(v);
                    rate = TimeColumn.sampleRate(v.parser().channel(time), v.rows());
                }
            } catch (InputFormatException e) {
                // described without the header's names
            }
        }
        for (int i = 1; i <= first.channels(); i++) {
            int column = first instanceof ParserView v
                    ? v.columns()[i - 1] + 1
                    : layout.columns() == null ? i : layout.columns()[i - 1] + 1;
            String label = column - 1 < names.size() && !names.get(column - 1).isEmpty()
                    ? names.get(column - 1)
                    : "column " + column;
            ch.add(new ChannelInfo("ch" + i, label, 0, ""));
        }
        return new DataSetDescription(
                new Sourced<>(id(), ValueSource.USER),
                "",
                Double.isFinite(rate) ? new Sourced<>(rate, ValueSource.DETECTED) : Sourced.unknown(),
                new Sourced<>(first.rows(), ValueSource.DETECTED),
                Sourced.of(DirectoryEntries.medianInterval(refs), ValueSource.DETECTED),
                ch,
                ValueSource.DETECTED,
                Sourced.unknown(),
                Sourced.unknown(),
                Sourced.unknown());
    }
}
