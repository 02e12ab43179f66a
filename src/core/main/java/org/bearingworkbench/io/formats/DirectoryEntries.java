package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.NumberToken;
import org.bearingworkbench.io.SkippedFile;

/**
 * The entries of a data directory every format starts from: its regular files (hidden ones left out), with folders,
 * broken links, link loops and pipes listed as skipped, never silently ignored.
 */
public final class DirectoryEntries {
    private DirectoryEntries() {}

    public static List<Path> files(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        if (!Files.isDirectory(dir)) {
            throw new InputFormatException(dir + ": not a directory");
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                String notAFile = notARegularFile(p);
                if (notAFile != null) {
                    skipped.add(new SkippedFile(NumberToken.printable(name), notAFile));
                } else {
                    out.add(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputFormatException(dir + ": cannot list directory (" + e.getMessage() + ")", e);
        }
        out.sort(null);
        return out;
    }

    /** Why an entry is not read as a snapshot file, or null when it is a regular file. */
    static String notARegularFile(Path p) {
        if (Files.isRegularFile(p)) {
            return null;
        }
        if (Files.isDirectory(p)) {
            return "a folder (subfolders are not read; open it on its own)";
        }
        if (Files.isSymbolicLink(p)) {
            return "a link that leads nowhere (broken, or a loop of links)";
        }
        return "not a regular file (a pipe, socket or device): not read";
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The median time between consecutive snapshots, or null with fewer than two. */
    static Duration medianInterval(List<SnapshotRef> refs) {
        if (refs.size() < 2) {
            return null;
        }
        long[] d = new long[refs.size() - 1];
        for (int i = 1; i < refs.size(); i++) {
            d[i - 1] = Duration.between(refs.get(i - 1).timestamp(), refs.get(i).timestamp())
                    .toMillis();
        }
        Arrays.sort(d);
        return Duration.ofMillis(d[d.length / 2]);
    }

    /**
     * {@code refs} in time order with one snapshot per time: a later file with the same time is skipped, naming the
     * one kept.
     */
    static List<SnapshotRef> uniqueByTime(List<SnapshotRef> refs, List<SkippedFile> skipped) {
        List<SnapshotRef> sorted = new ArrayList<>(refs);
        if (!inTimeOrder(sorted)) { // names that are times (IMS) come in time order already
            sorted.sort(Comparator.comparing(SnapshotRef::timestamp).thenComparing(SnapshotRef::name));
        }
        List<SnapshotRef> unique = new ArrayList<>();
        for (SnapshotRef r : sorted) {
            SnapshotRef prev = unique.isEmpty() ? null : unique.get(unique.size() - 1);
            if (prev != null && prev.timestamp().equals(r.timestamp())) {
                skipped.add(new SkippedFile(r.name(), "same timestamp as " + prev.name() + " (kept that one)"));
            } else {
                unique.add(r);
            }
        }
        return unique;
    }

    private static boolean inTimeOrder(List<SnapshotRef> refs) {
        for (int i = 1; i < refs.size(); i++) {
            if (!refs.get(i - 1).timestamp().isBefore(refs.get(i).timestamp())) {
                return false;
            }
        }
        return true;
    }
}
