package org.bearingworkbench.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.features.ChannelStatistics;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.formats.DataSource;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.io.formats.SnapshotRef;
import org.bearingworkbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a directory of snapshot files in any {@link SnapshotFormat} into a {@link FeatureTable}: files are parsed
 * in parallel (one reusable buffer per worker), each channel reduced to its {@link Feature}s, and the data set
 * described ({@link DataSetDescription}: what the format states, what the files show). Bad files are skipped with a
 * reason; good ones still import.
 */
public final class DirectoryImporter {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryImporter.class);
    private static final int FEATURES = Feature.values().length;

    private final int threads;

    /**
     * One worker per core, or {@code -Dbw.workers=N}: a batch job that runs several imports side by side (a Spark
     * executor's tasks) gives each one worker instead of all of them every core.
     */
    public DirectoryImporter() {
        this(Integer.getInteger("bw.workers", Runtime.getRuntime().availableProcessors()));
    }

    public DirectoryImporter(int threads) {
        this.threads = Math.max(1, threads);
    }

    /**
     * More work on each snapshot's signal while it is in memory (e.g. bearing physics), so that the files are read
     * once. Chosen when the data is described (from the probe file); called from the worker threads, once per readable
     * snapshot. A failure inside it is its own to record: the snapshot still imports.
     */
    public interface SignalWork {
        void accept(SnapshotRef ref, SignalView signal);
    }

    private static final class Parsed {
        int channels;
        int rows;
        double[] features;
        String error;
    }

    /** Imports {@code dir} in the format it is recognised as ({@link Formats#detect}). */
    public ImportResult importDirectory(Path dir, TaskContext context) throws InputFormatException {
        if (!Files.isDirectory(dir)) {
            throw new InputFormatException(dir + ": not a directory");
        }
        return importDirectory(dir, Formats.detect(dir), context);
    }

    /** Imports {@code dir} (for a long recording: its file) in {@code format}. */
    public ImportResult importDirectory(Path dir, SnapshotFormat format, TaskContext context)
            throws InputFormatException {
        return importDirectory(dir, format, context, null);
    }

    /**
     * As {@link #importDirectory(Path, SnapshotFormat, TaskContext)}, with {@code extra} work on every snapshot's
     * signal: {@code extra} is given the data set as the format describes it (from the probe file) and returns the
     * work, or null for none.
     */
    /**
     * A hint for a folder of text files no layout recognised: each may be one snapshot of delimited columns, which
     * only {@code --format delimited} reads (it is never detected: a logger's columns cannot be guessed safely).
     */
    static String textHint(List<SkippedFile> skipped) {
        long text = skipped.stream()
                .map(f -> f.file().toLowerCase(Locale.ROOT))
                .filter(n -> n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".tsv") || n.endsWith(".dat"))
                .count();
        return text == 0
                ? ""
                : ". " + text + " of them are text files: if each is one snapshot of delimited columns (a logger's "
                        + "export), give --format delimited (columns and header lines: --layout; a column named "
                        + "time, t or time_s is read as time)";
    }

    public ImportResult importDirectory(
            Path dir, SnapshotFormat format, TaskContext context, Function<DataSetDescription, SignalWork> extra)
            throws InputFormatException {
        long start = System.nanoTime();
        List<SkippedFile> skipped = new ArrayList<>();
        List<SnapshotRef> candidates = format.list(dir, skipped);
        if (candidates.isEmpty()) {
            throw new InputFormatException(dir + ": no data files of the " + format.label() + " layout (expected files "
                    + "named like 2004.02.12.10.32.39 (IMS), acc_00001.csv (PRONOSTIA) or 1.csv (XJTU-SY)"
                    + (skipped.isEmpty() ? "" : "; ignored " + skipped.size() + " other file(s)") + ")"
                    + textHint(skipped));
        }
        Parsed[] parsed = parseAll(dir, format, candidates, context, extra);
        long bytes = 0;
        for (SnapshotRef c : candidates) {
            bytes += c.size();
        }
        int channels = mode(parsed, p -> p.channels);
        int rows = mode(parsed, p -> p.rows);
        List<Integer> good = new ArrayList<>();
        for (int i = 0; i < parsed.length; i++) {
            Parsed p = parsed[i];
            String name = candidates.get(i).name();
            if (p == null) {
                skipped.add(new SkippedFile(name, "could not be read (an internal error; see the log)"));
            } else if (p.error != null) {
                skipped.add(new SkippedFile(name, p.error));
            } else if (p.channels != channels) {
                skipped.add(
                        new SkippedFile(name, p.channels + " channels where the directory's files have " + channels));
            } else if (p.rows < rows && format.fixedLength()) {
                skipped.add(new SkippedFile(
                        name, "truncated: " + p.rows + " rows where the directory's files have " + rows));
            } else {
                good.add(i);
            }
        }
        if (good.isEmpty()) {
            List<SkippedFile> why = skipped.subList(Math.max(0, skipped.size() - candidates.size()), skipped.size());
            throw new InputFormatException(dir + ": none of the " + candidates.size() + " data files could be read; "
                    + String.join(
                            "; ",
                            why.stream().limit(3).map(SkippedFile::toString).toList())
                    + (why.size() > 3 ? "; …" : ""));
        }
        if (!format.fixedLength()) {
            int min = good.stream().mapToInt(i -> parsed[i].rows).min().orElse(rows);
            int max = good.stream().mapToInt(i -> parsed[i].rows).max().orElse(rows);
            if (min != max) {
                LOG.info(
                        "{}: files keep their own lengths ({} to {} rows); features are computed per file",
                        dir,
                        min,
                        max);
            }
        }
        FeatureTable table = toTable(dir, candidates, parsed, good, channels);
        DataSetDescription description = describe(format, dir, candidates, good.get(0));
        double seconds = (System.nanoTime() - start) / 1e9;
        skipped.sort(Comparator.comparing(SkippedFile::file));
        LOG.info(
                "imported {} files ({} skipped) from {} as {} in {} s",
                good.size(),
                skipped.size(),
                dir,
                format.id(),
                seconds);
        return new ImportResult(table, skipped, channels, bytes, seconds, description, new DataSource(dir, format));
    }

    /** The format's description of the data, from one good snapshot read again. */
    private static DataSetDescription describe(SnapshotFormat format, Path dir, List<SnapshotRef> refs, int goodIndex)
            throws InputFormatException {
        SnapshotReader reader = new SnapshotReader();
        return format.describe(dir, refs, format.read(refs.get(goodIndex), reader));
    }

    /**
     * Limits for every file, from what the directory's typical file looks like: the file of median size is parsed
     * first (the probe); other files may be up to 8x its bytes (at least 16 MB) and 4x its columns (at least 64).
     * So one hostile file (a single 200,000-token line, a CR-only file read as one row, a huge file) is skipped
     * with its reason and never takes the import's memory.
     */
    private Limits limits(Path dir, SnapshotFormat format, List<SnapshotRef> candidates, TaskContext context) {
        List<SnapshotRef> bySize = new ArrayList<>(candidates);
        bySize.sort(Comparator.comparingLong(SnapshotRef::size));
        SnapshotRef median = bySize.get(bySize.size() / 2);
        boolean gz = SnapshotName.isGzip(median.name());
        long typicalBytes = median.size() * (gz ? 4 : 1);
        SnapshotReader probe = new SnapshotReader();
        probe.limit(Math.max(64L << 20, 8 * typicalBytes), "the per-file limit");
        for (int k = 0; k < Math.min(3, bySize.size()); k++) {
            context.checkCancelled();
            SnapshotRef c = bySize.get(Math.min(bySize.size() - 1, bySize.size() / 2 + k));
            try {
                SignalView signal = format.read(c, probe);
                DataSetDescription described = format.describe(dir, candidates, signal);
                return new Limits(
                        Math.max(16L << 20, 8 * probe.lastBytes()),
                        Math.max(64, 4 * probe.parser().channels()),
                        described);
            } catch (InputFormatException | RuntimeException | OutOfMemoryError e) {
                LOG.debug("probe {} failed: {}", c.name(), e.toString());
            }
        }
        return new Limits(Math.max(16L << 20, 8 * typicalBytes), SnapshotParser.DEFAULT_MAX_COLUMNS, null);
    }

    /** @param described the data set as the probe file shows it, or null when no probe could be read */
    private record Limits(long bytes, int columns, DataSetDescription described) {
        SnapshotReader newReader() {
            SnapshotReader r = new SnapshotReader();
            r.limit(bytes, "8x the directory's typical file");
            r.parser().maxColumns(columns);
            return r;
        }
    }

    private Parsed[] parseAll(
            Path dir,
            SnapshotFormat format,
            List<SnapshotRef> candidates,
            TaskContext context,
            Function<DataSetDescription, SignalWork> extra) {
        int n = candidates.size();
        Parsed[] parsed = new Parsed[n];
        AtomicLong bytesDone = new AtomicLong();
        long start = System.nanoTime();
        Limits limits = limits(dir, format, candidates, context);
        SignalWork work = extra == null || limits.described() == null ? null : extra.apply(limits.described());
        SnapshotWorkers.run(
                n,
                threads,
                "import",
                context,
                limits::newReader,
                (reader, i) -> {
                    parsed[i] = parseOne(format, reader, candidates.get(i), work);
                    bytesDone.addAndGet(candidates.get(i).size());
                },
                done -> report(context, done, n, bytesDone.get(), start));
        return parsed;
    }

    private static void report(TaskContext context, int done, int total, long bytes, long start) {
        double s = (System.nanoTime() - start) / 1e9;
        context.progress(
                done,
                total,
                String.format(
                        Locale.ROOT,
                        "%d/%d files, %.0f MB, %.0f MB/s",
                        done,
                        total,
                        bytes / 1e6,
                        s > 0 ? bytes / 1e6 / s : 0));
    }

    private static Parsed parseOne(SnapshotFormat format, SnapshotReader reader, SnapshotRef c, SignalWork work) {
        Parsed p = new Parsed();
        try {
            SignalView sp = format.read(c, reader);
            p.channels = sp.channels();
            p.rows = sp.rows();
            p.features = new double[p.channels * FEATURES];
            for (int ch = 0; ch < p.channels; ch++) {
                ChannelStatistics.compute(sp.channel(ch), sp.rows(), p.features, ch * FEATURES);
                Feature bad = ChannelStatistics.firstNonFinite(p.features, ch * FEATURES);
                if (bad != null) {
                    p.error = "channel " + (ch + 1) + ": its " + bad.key()
                            + " is beyond the double range (samples near " + "+-1.8e308); not a usable snapshot";
                    break;
                }
            }
            if (work != null && p.error == null) {
                work.accept(c, sp);
            }
        } catch (InputFormatException e) {
            p.error = stripFilePrefix(e.getMessage(), c.name());
        } catch (RuntimeException e) {
            LOG.error("unexpected error importing {}", c.path(), e);
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

    private static int mode(Parsed[] parsed, ToIntFunction<Parsed> key) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Parsed p : parsed) {
            if (p != null && p.error == null) {
                counts.merge(key.applyAsInt(p), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(0);
    }

    private static FeatureTable toTable(
            Path dir, List<SnapshotRef> candidates, Parsed[] parsed, List<Integer> good, int channels) {
        int n = good.size();
        List<LocalDateTime> ts = new ArrayList<>(n);
        List<String> files = new ArrayList<>(n);
        int[] rows = new int[n];
        Map<String, double[]> columns = new LinkedHashMap<>();
        // in the order of each file's features (channel by channel), each column named once
        double[][] byFeature = new double[channels * FEATURES][];
        for (int ch = 0; ch < channels; ch++) {
            for (Feature f : Feature.values()) {
                byFeature[ch * FEATURES + f.ordinal()] = new double[n];
                columns.put(f.column(ch + 1), byFeature[ch * FEATURES + f.ordinal()]);
            }
        }
        for (int k = 0; k < n; k++) {
            int i = good.get(k);
            ts.add(candidates.get(i).timestamp());
            files.add(candidates.get(i).name());
            rows[k] = parsed[i].rows;
            for (int j = 0; j < byFeature.length; j++) {
                byFeature[j][k] = parsed[i].features[j];
            }
        }
        return FeatureTable.of(
                dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(),
                dir,
                ts,
                files,
                rows,
                columns);
    }
}
