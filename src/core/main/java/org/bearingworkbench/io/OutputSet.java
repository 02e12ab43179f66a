package org.bearingworkbench.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A set of output files that appears as a whole or not at all (e.g. {@code run}'s features, model, report and
 * summary): the files are written into a hidden staging folder beside the output folder
 * ({@code .<name>.staging-<pid>}), and {@link #commit} swaps it in with two renames. A reader of the output folder
 * never sees a new model beside an old report. Staging and replaced folders of a killed process are removed by the
 * next run.
 *
 * <p>The output folder may be new, empty, or hold a previous set (only the set's own names); a folder with other
 * files is refused, since the swap replaces the whole folder.
 */
public final class OutputSet implements AutoCloseable {
    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(staging|replaced)-(\\d+)");

    private final Path folder;
    private final Path staging;
    private boolean committed;

    private OutputSet(Path folder, Path staging) {
        this.folder = folder;
        this.staging = staging;
    }

    /** Checks {@code folder} (and that it holds none of {@code inputs}) and opens a staging folder beside it. */
    public static OutputSet begin(Path folder, Set<String> names, Collection<Path> inputs) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new IOException("cannot use " + folder + " as output folder: it is a file system root");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException("cannot use " + folder + " as output folder: it is a file");
        }
        OutputFiles.refuseInputs(abs, inputs);
        if (Files.isDirectory(abs)) {
            try (Stream<Path> entries = Files.list(abs)) {
                List<String> foreign = entries.map(p -> p.getFileName().toString())
                        .filter(n -> !names.contains(n) && !n.startsWith("."))
                        .sorted()
                        .toList();
                if (!foreign.isEmpty()) {
                    throw new IOException("cannot use " + folder + " as output folder: it holds other files ("
                            + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                            + (foreign.size() > 3 ? ", …" : "") + "); give a new or empty folder, or an earlier "
                            + "output of this command");
                }
            }
        }
        Path parent = abs.getParent();
        OutputFiles.createFolder(parent);
        cleanLeftovers(parent, abs.getFileName().toString());
        Path staging = parent.resolve(
                "." + abs.getFileName() + ".staging-" + ProcessHandle.current().pid());
        deleteTree(staging);
        try {
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new IOException(
                    "cannot create output folder " + folder + ": " + parent + " does not take new folders ("
                            + OutputFiles.reason(e) + ")",
                    e);
        }
        return new OutputSet(abs, staging);
    }

    /** Where to write output file {@code name} of the set (inside the staging folder until {@link #commit}). */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** The output folder the set appears in. */
    public Path folder() {
        return folder;
    }

    /** Puts the written set in place of the output folder's previous content. */
    public void commit() throws IOException {
        Path parent = folder.getParent();
        Path replaced = parent.resolve("." + folder.getFileName() + ".replaced-"
                + ProcessHandle.current().pid());
        try {
            if (Files.exists(folder)) {
                deleteTree(replaced);
                Files.move(folder, replaced, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException(
                    "cannot put the output in place at " + folder + ": " + OutputFiles.reason(e)
                            + " (the new files are in " + staging + ")",
                    e);
        }
        committed = true;
        deleteTree(replaced);
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static void cleanLeftovers(Path parent, String name) {
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Matcher m = LEFTOVER.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(name) && !AtomicFiles.isRunning(Long.parseLong(m.group(3)))) {
                    deleteTree(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover that cannot be removed does not stop a new run
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
