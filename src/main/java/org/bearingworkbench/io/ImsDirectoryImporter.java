package org.bearingworkbench.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bearingworkbench.features.ChannelStatistics;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an IMS-style directory into a {@link FeatureTable}: files are parsed in parallel (one reusable buffer per
 * worker), each channel reduced to its {@link Feature}s. Bad files are skipped with a reason; good ones still import.
 */
public final class ImsDirectoryImporter {
    private static final Logger LOG = LoggerFactory.getLogger(ImsDirectoryImporter.class);
    private static final int FEATURES = Feature.values().length;

    private final int threads;

    public ImsDirectoryImporter() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ImsDirectoryImporter(int threads) {
        this.threads = Math.max(1, threads);
    }

    private record Candidate(Path path, String name, LocalDateTime timestamp, long size) {
    }

    private static final class Parsed {
        int channels;
        int rows;
        double[] features;
        String error;
    }

    public ImportResult importDirectory(Path dir, TaskContext context) throws InputFormatException {
        long start = System.nanoTime();
        List<SkippedFile> skipped = new ArrayList<>();
        List<Candidate> candidates = list(dir, skipped);
        if (candidates.isEmpty()) {
            throw new InputFormatException(dir + ": no data files (expected files named like 2004.02.12.10.32.39"
                    + (skipped.isEmpty() ? "" : "; ignored " + skipped.size() + " other file(s)") + ")");
        }
        Parsed[] parsed = parseAll(candidates, context);
        long bytes = 0;
        for (Candidate c : candidates) {
            bytes += c.size;
        }
        int channels = mode(parsed, p -> p.channels);
        int rows = mode(parsed, p -> p.rows);
        List<Integer> good = new ArrayList<>();
        for (int i = 0; i < parsed.length; i++) {
            Parsed p = parsed[i];
            String name = candidates.get(i).name;
            if (p == null) {
                skipped.add(new SkippedFile(name, "could not be read (an internal error; see the log)"));
            } else if (p.error != null) {
                skipped.add(new SkippedFile(name, p.error));
            } else if (p.channels != channels) {
                skipped.add(new SkippedFile(name, p.channels + " channels where the directory's files have " + channels));
            } else if (p.rows < rows) {
                skipped.add(new SkippedFile(name, "truncated: " + p.rows + " rows where the directory's files have " + rows));
            } else {
                good.add(i);
            }
        }
        if (good.isEmpty()) {
            throw new InputFormatException(dir + ": none of the " + candidates.size() + " data files could be read; first problem: "
                    + skipped.get(skipped.size() - 1));
        }
        FeatureTable table = toTable(dir, candidates, parsed, good, channels);
        double seconds = (System.nanoTime() - start) / 1e9;
        skipped.sort(Comparator.comparing(SkippedFile::file));
        LOG.info("imported {} files ({} skipped) from {} in {} s", good.size(), skipped.size(), dir, seconds);
        return new ImportResult(table, skipped, channels, bytes, seconds);
    }

    private static List<Candidate> list(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        if (!Files.isDirectory(dir)) {
            throw new InputFormatException(dir + ": not a directory");
        }
        List<Candidate> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                String shown = NumberToken.printable(name);
                String notAFile = notARegularFile(p);
                if (notAFile != null) {
                    skipped.add(new SkippedFile(shown, notAFile));
                    continue;
                }
                var ts = SnapshotName.timestampOf(name);
                if (ts.isEmpty()) {
                    skipped.add(new SkippedFile(shown, "name is not a timestamp (YYYY.MM.DD.hh.mm.ss)"));
                    continue;
                }
                out.add(new Candidate(p, name, ts.get(), Files.size(p)));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputFormatException(dir + ": cannot list directory (" + e.getMessage() + ")", e);
        }
        out.sort(Comparator.comparing(Candidate::timestamp).thenComparing(Candidate::name));
        List<Candidate> unique = new ArrayList<>();
        for (Candidate c : out) {
            Candidate prev = unique.isEmpty() ? null : unique.get(unique.size() - 1);
            if (prev != null && prev.timestamp.equals(c.timestamp)) {
                skipped.add(new SkippedFile(c.name, "same timestamp as " + prev.name + " (kept that one)"));
            } else {
                unique.add(c);
            }
        }
        return unique;
    }

    /** Why an entry of the directory is not read as a snapshot file, or null when it is a regular file. */
    private static String notARegularFile(Path p) {
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

    /**
     * Limits for every file, from what the directory's typical file looks like: the file of median size is parsed
     * first (the probe); other files may be up to 8x its bytes (at least 16 MB) and 4x its columns (at least 64).
     * So one hostile file (a single 200,000-token line, a CR-only file read as one row, a huge file) is skipped
     * with its reason and never takes the import's memory.
     */
    private Limits limits(List<Candidate> candidates, TaskContext context) {
        List<Candidate> bySize = new ArrayList<>(candidates);
        bySize.sort(Comparator.comparingLong(Candidate::size));
        Candidate median = bySize.get(bySize.size() / 2);
        boolean gz = SnapshotName.isGzip(median.name);
        long typicalBytes = median.size * (gz ? 4 : 1);
        SnapshotReader probe = new SnapshotReader();
        probe.limit(Math.max(64L << 20, 8 * typicalBytes), "the per-file limit");
        for (int k = 0; k < Math.min(3, bySize.size()); k++) {
            context.checkCancelled();
            Candidate c = bySize.get(Math.min(bySize.size() - 1, bySize.size() / 2 + k));
            try {
                long bytes = probe.read(c.path);
                return new Limits(Math.max(16L << 20, 8 * bytes), Math.max(64, 4 * probe.parser().channels()));
            } catch (InputFormatException | RuntimeException | OutOfMemoryError e) {
                LOG.debug("probe {} failed: {}", c.name, e.toString());
            }
        }
        return new Limits(Math.max(16L << 20, 8 * typicalBytes), SnapshotParser.DEFAULT_MAX_COLUMNS);
    }

    private record Limits(long bytes, int columns) {
        SnapshotReader newReader() {
            SnapshotReader r = new SnapshotReader();
            r.limit(bytes, "8x the directory's typical file");
            r.parser().maxColumns(columns);
            return r;
        }
    }

    private Parsed[] parseAll(List<Candidate> candidates, TaskContext context) {
        int n = candidates.size();
        Parsed[] parsed = new Parsed[n];
        AtomicLong bytesDone = new AtomicLong();
        long start = System.nanoTime();
        Limits limits = limits(candidates, context);
        SnapshotWorkers.run(n, threads, "import", context, limits::newReader, (reader, i) -> {
            parsed[i] = parseOne(reader, candidates.get(i));
            bytesDone.addAndGet(candidates.get(i).size);
        }, done -> report(context, done, n, bytesDone.get(), start));
        return parsed;
    }

    private static void report(TaskContext context, int done, int total, long bytes, long start) {
        double s = (System.nanoTime() - start) / 1e9;
        context.progress(done, total, String.format(java.util.Locale.ROOT, "%d/%d files, %.0f MB, %.0f MB/s",
                done, total, bytes / 1e6, s > 0 ? bytes / 1e6 / s : 0));
    }

    private static Parsed parseOne(SnapshotReader reader, Candidate c) {
        Parsed p = new Parsed();
        try {
            reader.read(c.path);
            SnapshotParser sp = reader.parser();
            p.channels = sp.channels();
            p.rows = sp.rows();
            p.features = new double[p.channels * FEATURES];
            for (int ch = 0; ch < p.channels; ch++) {
                ChannelStatistics.compute(sp.channel(ch), sp.rows(), p.features, ch * FEATURES);
                Feature bad = ChannelStatistics.firstNonFinite(p.features, ch * FEATURES);
                if (bad != null) {
                    p.error = "channel " + (ch + 1) + ": its " + bad.key() + " is beyond the double range (samples near "
                            + "+-1.8e308); not a usable snapshot";
                    break;
                }
            }
        } catch (InputFormatException e) {
            p.error = stripFilePrefix(e.getMessage(), c.name);
        } catch (RuntimeException e) {
            LOG.error("unexpected error importing {}", c.path, e);
            p.error = "unexpected error: " + e;
        } catch (OutOfMemoryError e) {
            p.error = "too large to read in memory";
        }
        return p;
    }

    private static String stripFilePrefix(String message, String name) {
        if (message.startsWith(name + ", ")) {
            return message.substring(name.length() + 2);
        }
        if (message.startsWith(name + ": ")) {
            return message.substring(name.length() + 2);
        }
        return message;
    }

    private static int mode(Parsed[] parsed, java.util.function.ToIntFunction<Parsed> key) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Parsed p : parsed) {
            if (p != null && p.error == null) {
                counts.merge(key.applyAsInt(p), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(0);
    }

    private static FeatureTable toTable(Path dir, List<Candidate> candidates, Parsed[] parsed, List<Integer> good,
                                        int channels) {
        int n = good.size();
        List<LocalDateTime> ts = new ArrayList<>(n);
        List<String> files = new ArrayList<>(n);
        int[] rows = new int[n];
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int ch = 0; ch < channels; ch++) {
            for (Feature f : Feature.values()) {
                columns.put(f.column(ch + 1), new double[n]);
            }
        }
        for (int k = 0; k < n; k++) {
            int i = good.get(k);
            ts.add(candidates.get(i).timestamp);
            files.add(candidates.get(i).name);
            rows[k] = parsed[i].rows;
            for (int ch = 0; ch < channels; ch++) {
                for (Feature f : Feature.values()) {
                    columns.get(f.column(ch + 1))[k] = parsed[i].features[ch * FEATURES + f.ordinal()];
                }
            }
        }
        return FeatureTable.of(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), dir,
                ts, files, rows, columns);
    }
}
