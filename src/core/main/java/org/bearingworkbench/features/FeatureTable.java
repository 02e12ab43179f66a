package org.bearingworkbench.features;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One row per snapshot, sorted by time: {@code timestamp}, {@code file}, {@code rows}, then numeric feature columns
 * ({@code ch<N>_<feature>} for imported data, any names for loaded CSVs). Immutable once built.
 *
 * <p>The columns are plain arrays; a Tablesaw {@link Table} of them is built on demand ({@link #table()}: summaries,
 * interop). Tablesaw's {@code Table} class scans the whole class path when it is first loaded (to register its
 * readers), which cost 0.6-1.2 s of every cold start here with the model runtime's 128 jars; no import, score or
 * request pays it now (docs/decisions/0014).
 */
public final class FeatureTable {
    public static final String TIMESTAMP = "timestamp";
    public static final String FILE = "file";
    public static final String ROWS = "rows";
    private static final Pattern CHANNEL = Pattern.compile("ch(\\d+)_.*");

    private final String name;
    private final LocalDateTime[] timestamps;
    private final String[] files;
    private final int[] rows;
    private final Map<String, double[]> columns;
    private final List<String> featureColumns;
    private final Path directory;
    private volatile Table table;

    private FeatureTable(
            String name,
            LocalDateTime[] timestamps,
            String[] files,
            int[] rows,
            Map<String, double[]> columns,
            Path directory) {
        this.name = name;
        this.timestamps = timestamps;
        this.files = files;
        this.rows = rows;
        this.columns = Collections.unmodifiableMap(columns);
        this.featureColumns = List.copyOf(columns.keySet());
        this.directory = directory;
    }

    /**
     * Builds a table from parallel arrays, sorting rows by timestamp.
     *
     * @param directory where the raw snapshot files live, or null for tables loaded from CSV
     */
    public static FeatureTable of(
            String name,
            Path directory,
            List<LocalDateTime> timestamps,
            List<String> files,
            int[] rows,
            Map<String, double[]> columns) {
        int n = timestamps.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean inOrder = true;
        for (int i = 1; i < n && inOrder; i++) {
            inOrder = !timestamps.get(i).isBefore(timestamps.get(i - 1));
        }
        if (!inOrder) { // an import's rows come in time order
            Arrays.sort(order, (a, b) -> timestamps.get(a).compareTo(timestamps.get(b)));
        }
        LocalDateTime[] ts = new LocalDateTime[n];
        String[] fs = new String[n];
        int[] rs = new int[n];
        for (int k = 0; k < n; k++) {
            // to the millisecond, as the Tablesaw column that held them did (bundles and projects saved since then
            // hold such times: a split must fall on the same row)
            ts[k] = timestamps.get(order[k]).truncatedTo(ChronoUnit.MILLIS);
            fs[k] = files.get(order[k]);
            rs[k] = rows[order[k]];
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            double[] src = e.getValue();
            if (src.length != n) {
                throw new IllegalArgumentException(
                        "column " + e.getKey() + " has " + src.length + " values for " + n + " rows");
            }
            double[] sorted = new double[n];
            for (int k = 0; k < n; k++) {
                sorted[k] = src[order[k]];
            }
            cols.put(e.getKey(), sorted);
        }
        return new FeatureTable(name, ts, fs, rs, cols, directory);
    }

    /** This table with extra (or replaced) numeric columns, one value per row. */
    public FeatureTable withColumns(Map<String, double[]> extra) {
        Map<String, double[]> cols = new LinkedHashMap<>(columns);
        for (Map.Entry<String, double[]> e : extra.entrySet()) {
            if (e.getValue().length != rowCount()) {
                throw new IllegalArgumentException(
                        "column " + e.getKey() + " has " + e.getValue().length + " values for " + rowCount() + " rows");
            }
            cols.remove(e.getKey()); // a replaced column moves to the end, as before
            cols.put(e.getKey(), e.getValue().clone());
        }
        return new FeatureTable(name, timestamps, files, rows, cols, directory);
    }

    /** This table without the rows where {@code drop} is true (e.g. snapshots with a sensor problem). */
    public FeatureTable withoutRows(boolean[] drop) {
        if (drop.length != rowCount()) {
            throw new IllegalArgumentException(drop.length + " row marks for " + rowCount() + " rows");
        }
        int[] keep = IntStream.range(0, drop.length).filter(r -> !drop[r]).toArray();
        LocalDateTime[] ts = new LocalDateTime[keep.length];
        String[] fs = new String[keep.length];
        int[] rs = new int[keep.length];
        for (int k = 0; k < keep.length; k++) {
            ts[k] = timestamps[keep[k]];
            fs[k] = files[keep[k]];
            rs[k] = rows[keep[k]];
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        columns.forEach((c, v) -> {
            double[] kept = new double[keep.length];
            for (int k = 0; k < keep.length; k++) {
                kept[k] = v[keep[k]];
            }
            cols.put(c, kept);
        });
        return new FeatureTable(name, ts, fs, rs, cols, directory);
    }

    public String name() {
        return name;
    }

    public int rowCount() {
        return timestamps.length;
    }

    public LocalDateTime timestamp(int row) {
        return timestamps[row];
    }

    public List<LocalDateTime> timestamps() {
        return Collections.unmodifiableList(Arrays.asList(timestamps));
    }

    public String file(int row) {
        return files[row];
    }

    /** Samples per channel in the row's snapshot (0 when unknown, e.g. loaded from a foreign CSV). */
    public int sampleRows(int row) {
        return rows[row];
    }

    /** Names of the numeric feature columns, in table order. */
    public List<String> featureColumns() {
        return featureColumns;
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** A copy of a feature column's values. */
    public double[] column(String name) {
        double[] v = columns.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no feature column '" + name + "' (have " + featureColumns + ")");
        }
        return v.clone();
    }

    /** Channel numbers (1-based) that appear as {@code ch<N>_} prefixes, ascending. */
    public List<Integer> channels() {
        TreeSet<Integer> set = new TreeSet<>();
        for (String c : featureColumns) {
            Matcher m = CHANNEL.matcher(c);
            if (m.matches()) {
                set.add(Integer.parseInt(m.group(1)));
            }
        }
        return new ArrayList<>(set);
    }

    /** The directory holding the raw snapshots, when the table was imported from one. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * The rows as a Tablesaw table ({@code timestamp}, {@code file}, {@code rows}, the feature columns), built on
     * first call (the first in a process loads Tablesaw: see the class comment); do not modify it.
     */
    public Table table() {
        Table t = table;
        if (t == null) {
            t = Table.create(name);
            t.addColumns(
                    DateTimeColumn.create(TIMESTAMP, timestamps),
                    StringColumn.create(FILE, files),
                    IntColumn.create(ROWS, rows));
            for (Map.Entry<String, double[]> e : columns.entrySet()) {
                t.addColumns(DoubleColumn.create(e.getKey(), e.getValue()));
            }
            table = t;
        }
        return t;
    }

    /** Index of the last row whose timestamp is at or before {@code t}, or -1. */
    public int lastRowAtOrBefore(LocalDateTime t) {
        int lo = 0;
        int hi = rowCount() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!timestamps[mid].isAfter(t)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
