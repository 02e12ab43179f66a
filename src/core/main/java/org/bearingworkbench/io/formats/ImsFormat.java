package org.bearingworkbench.io.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.Presets;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.NumberToken;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotName;
import org.bearingworkbench.io.SnapshotReader;

/**
 * NASA IMS: one file per snapshot named by its timestamp ({@code 2004.02.12.10.32.39}, optionally {@code .gz}),
 * one row per sample, one whitespace-separated column per channel, no header. The layout states nothing about the
 * sample rate; the IMS preset gives it (and the rig's bearing and speed).
 */
public final class ImsFormat implements SnapshotFormat {
    @Override
    public String id() {
        return "ims";
    }

    @Override
    public String label() {
        return "NASA IMS (files named by timestamp)";
    }

    @Override
    public double recognise(Path dir) {
        List<Path> files;
        try {
            files = DirectoryEntries.files(dir, new ArrayList<>());
        } catch (InputFormatException e) {
            return 0;
        }
        long named = files.stream()
                .filter(p ->
                        SnapshotName.timestampOf(p.getFileName().toString()).isPresent())
                .count();
        return files.isEmpty() ? 0 : 0.95 * named / files.size();
    }

    @Override
    public List<SnapshotRef> list(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        List<SnapshotRef> out = new ArrayList<>();
        for (Path p : DirectoryEntries.files(dir, skipped)) {
            String name = p.getFileName().toString();
            var ts = SnapshotName.timestampOf(name);
            if (ts.isEmpty()) {
                skipped.add(
                        new SkippedFile(NumberToken.printable(name), "name is not a timestamp (YYYY.MM.DD.hh.mm.ss)"));
                continue;
            }
            out.add(new SnapshotRef(p, name, ts.get(), DirectoryEntries.size(p)));
        }
        return DirectoryEntries.uniqueByTime(out, skipped);
    }

    @Override
    public SignalView read(SnapshotRef ref, SnapshotReader reader) throws InputFormatException {
        reader.read(ref.path());
        return ParserView.all(reader.parser());
    }

    @Override
    public DataSetDescription describe(Path dir, List<SnapshotRef> refs, SignalView first) {
        return Presets.ims(first.channels(), first.rows(), DirectoryEntries.medianInterval(refs));
    }
}
