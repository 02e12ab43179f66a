package org.bearingworkbench.features;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One row per snapshot, sorted by time: {@code timestamp}, {@code file}, {@code rows}, then numeric feature columns
 * ({@code ch<N>_<feature>} for imported data, any names for loaded CSVs). Backed by a Tablesaw {@link Table};
 * immutable once built.
 */
public final class FeatureTable {
    public static final String TIMESTAMP = "timestamp";
    public static final String FILE = "file";
    public static final String ROWS = "rows";
    private static final Pattern CHANNEL = Pattern.compile("ch(\\d+)_.*");

    private final Table table;
    private final List<String> featureColumns;
    private final Path directory;

    private FeatureTable(Table table, List<String> featureColumns, Path directory) {
        this.table = table;
        this.featureColumns = List.copyOf(featureColumns);
        this.directory = directory;
    }

    /**
     * Builds a table from parallel arrays, sorting rows by timestamp.
     *
     * @param directory where the raw snapshot files live, or null for tables loaded from CSV
     */
    public static FeatureTable of(String name, Path directory, List<LocalDateTime> timestamps, List<String> files,
                                  int[] rows, Map<String, double[]> columns) {
        int n = timestamps.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> timestamps.get(a).compareTo(timestamps.get(b)));
        Table t = Table.create(name);
        DateTimeColumn ts = DateTimeColumn.create(TIMESTAMP);
        StringColumn fc = StringColumn.create(FILE);
        IntColumn rc = IntColumn.create(ROWS);
        for (int i : order) {
            ts.append(timestamps.get(i));
            fc.append(files.get(i));
            rc.append(rows[i]);
        }
        t.addColumns(ts, fc, rc);
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            double[] src = e.getValue();
            double[] sorted = new double[n];
            for (int k = 0; k < n; k++) {
                sorted[k] = src[order[k]];
            }
            t.addColumns(DoubleColumn.create(e.getKey(), sorted));
        }
        return new FeatureTable(t, new ArrayList<>(columns.keySet()), directory);
    }

    /** This table with extra (or replaced) numeric columns, one value per row. */
    public FeatureTable withColumns(Map<String, double[]> extra) {
        Table t = table.copy();
        List<String> names = new ArrayList<>(featureColumns);
        for (Map.Entry<String, double[]> e : extra.entrySet()) {
            if (e.getValue().length != rowCount()) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length
                        + " values for " + rowCount() + " rows");
            }
            if (names.contains(e.getKey())) {
                t.removeColumns(e.getKey());
                names.remove(e.getKey());
            }
            t.addColumns(DoubleColumn.create(e.getKey(), e.getValue()));
            names.add(e.getKey());
        }
        return new FeatureTable(t, names, directory);
    }

    /** This table without the rows where {@code drop} is true (e.g. snapshots with a sensor problem). */
    public FeatureTable withoutRows(boolean[] drop) {
        if (drop.length != rowCount()) {
            throw new IllegalArgumentException(drop.length + " row marks for " + rowCount() + " rows");
        }
        int[] keep = java.util.stream.IntStream.range(0, drop.length).filter(r -> !drop[r]).toArray();
        Table t = table.where(tech.tablesaw.selection.Selection.with(keep));
        t.setName(table.name());
        return new FeatureTable(t, featureColumns, directory);
    }

    public String name() {
        return table.name();
    }

    public int rowCount() {
        return table.rowCount();
    }

    public LocalDateTime timestamp(int row) {
        return table.dateTimeColumn(TIMESTAMP).get(row);
    }

    public List<LocalDateTime> timestamps() {
        return table.dateTimeColumn(TIMESTAMP).asList();
    }

    public String file(int row) {
        return table.stringColumn(FILE).get(row);
    }

    /** Samples per channel in the row's snapshot (0 when unknown, e.g. loaded from a foreign CSV). */
    public int sampleRows(int row) {
        return table.intColumn(ROWS).getInt(row);
    }

    /** Names of the numeric feature columns, in table order. */
    public List<String> featureColumns() {
        return featureColumns;
    }

    public boolean hasColumn(String name) {
        return featureColumns.contains(name);
    }

    /** A copy of a feature column's values. */
    public double[] column(String name) {
        if (!hasColumn(name)) {
            throw new IllegalArgumentException("no feature column '" + name + "' (have " + featureColumns + ")");
        }
        return table.doubleColumn(name).asDoubleArray();
    }

    /** Channel numbers (1-based) that appear as {@code ch<N>_} prefixes, ascending. */
    public List<Integer> channels() {
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
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

    /** The Tablesaw table behind this one (do not modify). */
    public Table table() {
        return table;
    }

    /** Index of the last row whose timestamp is at or before {@code t}, or -1. */
    public int lastRowAtOrBefore(LocalDateTime t) {
        int lo = 0;
        int hi = rowCount() - 1;
        int found = -1;
        DateTimeColumn ts = table.dateTimeColumn(TIMESTAMP);
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!ts.get(mid).isAfter(t)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
