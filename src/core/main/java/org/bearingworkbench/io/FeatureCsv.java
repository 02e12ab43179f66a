package org.bearingworkbench.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bearingworkbench.features.FeatureTable;

/**
 * Saves a {@link FeatureTable} as plain comma CSV (ISO timestamps, {@code .} decimals, full double precision) and
 * loads feature CSVs: its own, or any whose first column is a timestamp and whose other columns are numeric.
 */
public final class FeatureCsv {
    public static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO_FLEX = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendPattern("HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalEnd()
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private FeatureCsv() {}

    /** Writes {@code table} to {@code target} atomically (temp file, then rename). */
    public static void write(FeatureTable table, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(table, out));
    }

    public static void write(FeatureTable table, Writer out) throws IOException {
        List<String> cols = table.featureColumns();
        StringBuilder sb = new StringBuilder(256);
        sb.append(FeatureTable.TIMESTAMP)
                .append(',')
                .append(FeatureTable.FILE)
                .append(',')
                .append(FeatureTable.ROWS);
        for (String c : cols) {
            sb.append(',').append(c);
        }
        out.write(sb.append('\n').toString());
        double[][] data = new double[cols.size()][];
        for (int c = 0; c < cols.size(); c++) {
            data[c] = table.column(cols.get(c));
        }
        for (int r = 0; r < table.rowCount(); r++) {
            sb.setLength(0);
            sb.append(ISO.format(table.timestamp(r)))
                    .append(',')
                    .append(CsvCell.of(table.file(r)))
                    .append(',')
                    .append(table.sampleRows(r));
            for (double[] col : data) {
                sb.append(',').append(col[r]);
            }
            out.write(sb.append('\n').toString());
        }
    }

    /** Parses a timestamp written as ISO ({@code 2004-02-12 10:52:39}, optional {@code T}) or IMS style. */
    public static LocalDateTime parseTimestamp(String text) {
        String t = text.trim();
        LocalDateTime fast = plainIso(t);
        if (fast != null) {
            return fast;
        }
        try {
            return LocalDateTime.parse(t, ISO_FLEX);
        } catch (DateTimeParseException e) {
            return SnapshotName.parse(t);
        }
    }

    /**
     * The common {@code yyyy-MM-dd HH:mm:ss} (or with {@code T}) read digit by digit, ten times faster than a
     * formatter (a scoring request or a long CSV parses one per row); null for any other shape, which the formatter
     * then reads (or rejects with its message). Invalid dates (2004-02-30) are rejected by {@code LocalDateTime.of}
     * as by the formatter.
     */
    private static LocalDateTime plainIso(String t) {
        if (t.length() != 19
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || (t.charAt(10) != ' ' && t.charAt(10) != 'T')
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            return null; // the formatter gives the message
        }
    }

    private static int digits(String t, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A loaded feature CSV and the rows it left out (a timestamp seen before), each with its line. */
    public record Loaded(FeatureTable table, List<SkippedFile> skippedRows) {}

    /** Loads a feature CSV. Errors name the line and column. Rows repeating an earlier timestamp are left out. */
    public static FeatureTable read(Path path) throws InputFormatException {
        return load(path).table();
    }

    /** Loads a feature CSV and says which rows it left out. Errors name the line and column. */
    public static Loaded load(Path path) throws InputFormatException {
        String where = path.getFileName().toString();
        // bytes that are no UTF-8 become U+FFFD here, and the row that holds one is refused with its line and column
        // (a strict decoder fails ahead of the parser, on whichever line its buffer happens to end)
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8))) {
            return load(in, where);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(path + ": file not found", e);
        } catch (IOException e) {
            throw new InputFormatException(where + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Loads a feature CSV from {@code text}; {@code where} names it in messages (e.g. "request body"). Read with
     * Commons CSV: quoted cells (with commas, quotes or line breaks inside), a byte-order mark, and spreadsheet exports
     * with ';' or tab between cells, where a ',' in a number is its decimal separator ({@link Dialect}).
     */
    /** The longest header row read (characters): a feature table's names fit many times over. */
    static final int HEADER_LIMIT = 1 << 20;

    /** The first line, refused with a message when it is longer than {@link #HEADER_LIMIT}; null at the end. */
    private static String headerLine(BufferedReader in, String where) throws IOException, InputFormatException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (sb.length() >= HEADER_LIMIT) {
                throw new InputFormatException(where + ": line 1, the header row, is longer than "
                        + (HEADER_LIMIT >> 20) + " M characters ("
                        + sb.chars().filter(ch -> ch == ',').count()
                        + "+ cells): not a feature table (one column per feature and channel); check the file");
            }
            sb.append((char) c);
        }
        return c == -1 && sb.length() == 0 ? null : sb.toString().replace("\r", "");
    }

    public static Loaded load(Reader text, String where) throws InputFormatException {
        try {
            BufferedReader in = text instanceof BufferedReader b ? b : new BufferedReader(text);
            in.mark(HEADER_LIMIT + 1);
            String first = headerLine(in, where);
            if (first == null || first.isBlank()) {
                throw new InputFormatException(where + ": empty file (expected a header row)");
            }
            in.reset();
            Dialect dialect = Dialect.of(stripBom(first));
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(dialect.delimiter())
                    .setTrim(true)
                    .setIgnoreEmptyLines(true)
                    .get();
            try (CSVParser parser =
                    CSVParser.builder().setReader(in).setFormat(format).get()) {
                Iterator<CSVRecord> records = parser.iterator();
                String[] names = cells(records.next());
                names[0] = stripBom(names[0]);
                return load(names, records, parser, dialect, where);
            }
        } catch (UncheckedIOException e) {
            throw problem(where, e.getCause());
        } catch (IOException e) {
            throw problem(where, e);
        }
    }

    /**
     * How a CSV separates cells and writes decimals: the delimiter is the header's most frequent of ',' ';' and tab
     * (outside quotes); with ';' or tab, a ',' inside a number is a decimal comma (a spreadsheet in a German or French
     * locale writes {@code 0,123;1,5}).
     */
    record Dialect(char delimiter, boolean decimalComma) {
        static Dialect of(String header) {
            int[] counts = new int[3];
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    counts[0] += c == ',' ? 1 : 0;
                    counts[1] += c == ';' ? 1 : 0;
                    counts[2] += c == '\t' ? 1 : 0;
                }
            }
            char d = counts[1] > counts[0] && counts[1] >= counts[2] ? ';' : counts[2] > counts[0] ? '\t' : ',';
            return new Dialect(d, d != ',');
        }

        String number(String cell) {
            return decimalComma ? cell.replace(',', '.') : cell;
        }
    }

    private static InputFormatException problem(String where, IOException e) {
        if (e instanceof MalformedInputException) {
            return new InputFormatException(where + ": not a text (UTF-8) CSV file", e);
        }
        return new InputFormatException(where + ": cannot be read (" + e.getMessage() + ")", e);
    }

    private static String[] cells(CSVRecord r) {
        String[] out = new String[r.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.get(i);
        }
        return out;
    }

    /**
     * What the header row says: the file and rows columns (or -1) and the feature columns with their positions (the
     * first column is always the time).
     */
    private record Header(int fileColumn, int rowsColumn, List<String> features, List<Integer> featureColumns) {
        static Header of(String[] names, Dialect dialect, String where) throws InputFormatException {
            if (names.length < 2) {
                throw new InputFormatException(
                        where + ", line 1: expected a timestamp column and at least one numeric column"
                                + (dialect.delimiter() == ',' ? " (cells separated by ',', ';' or tabs)" : ""));
            }
            int fileCol = -1;
            int rowsCol = -1;
            List<String> featureNames = new ArrayList<>();
            List<Integer> featureIdx = new ArrayList<>();
            for (int c = 1; c < names.length; c++) {
                String name = names[c].isEmpty() ? "column" + (c + 1) : names[c];
                if (name.equals(FeatureTable.TIMESTAMP)) {
                    throw new InputFormatException(where + ", line 1, column " + (c + 1) + ": the name 'timestamp' "
                            + "is reserved for the first column (the time of each row)");
                }
                if ((name.equals(FeatureTable.FILE) && fileCol >= 0)
                        || (name.equals(FeatureTable.ROWS) && rowsCol >= 0)) {
                    throw new InputFormatException(where + ", line 1: column name '" + name + "' appears twice");
                }
                if (name.equals(FeatureTable.FILE)) {
                    fileCol = c;
                } else if (name.equals(FeatureTable.ROWS)) {
                    rowsCol = c;
                } else {
                    if (featureNames.contains(name)) {
                        throw new InputFormatException(
                                where + ", line 1: column name '" + NumberToken.printable(name) + "' appears twice");
                    }
                    featureNames.add(name);
                    featureIdx.add(c);
                }
            }
            if (featureNames.isEmpty()) {
                throw new InputFormatException(where + ": no numeric feature columns");
            }
            return new Header(fileCol, rowsCol, featureNames, featureIdx);
        }
    }

    /** Refuses a row with a byte that was no UTF-8 (decoded as U+FFFD), naming its line and column. */
    private static void checkText(String[] cells, String where, int lineNo) throws InputFormatException {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].indexOf('\uFFFD') >= 0) {
                throw new InputFormatException(where + ", line " + lineNo + ", column " + (c + 1)
                        + ": not UTF-8 text (a byte that is no character): not a text (UTF-8) CSV file; save it as"
                        + " UTF-8 (a spreadsheet's \"CSV UTF-8\")");
            }
        }
    }

    private static Loaded load(
            String[] names, Iterator<CSVRecord> records, CSVParser parser, Dialect dialect, String where)
            throws InputFormatException {
        checkText(names, where, 1);
        Header header = Header.of(names, dialect, where);
        int fileCol = header.fileColumn();
        int rowsCol = header.rowsColumn();
        List<String> featureNames = header.features();
        List<Integer> featureIdx = header.featureColumns();
        List<LocalDateTime> ts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<SkippedFile> skippedRows = new ArrayList<>();
        Map<LocalDateTime, Integer> seen = new HashMap<>();
        long linesRead = parser.getCurrentLineNumber();
        while (records.hasNext()) {
            CSVRecord record = records.next();
            // the parser counts line breaks read: a record's own break makes the count its (last) line; the file's
            // last record may have none
            long count = parser.getCurrentLineNumber();
            int lineNo = (int) (count > linesRead ? count : count + 1);
            linesRead = count;
            String[] cells = cells(record);
            checkText(cells, where, lineNo);
            if (cells.length != names.length) {
                throw new InputFormatException(where + ", line " + lineNo + ": " + cells.length + " cells, expected "
                        + names.length + " like the header");
            }
            LocalDateTime t;
            try {
                t = parseTimestamp(cells[0]);
            } catch (DateTimeParseException e) {
                throw new InputFormatException(where + ", line " + lineNo + ", column 1 (" + label(names[0]) + "): '"
                        + NumberToken.printable(cells[0]) + "' is not a timestamp (expected a valid date and time "
                        + "such as 2004-02-12 10:52:39 or 2004.02.12.10.52.39)");
            }
            Integer earlier = seen.putIfAbsent(t, lineNo);
            if (earlier != null) {
                skippedRows.add(new SkippedFile(
                        "line " + lineNo,
                        "same timestamp " + ISO.format(t) + " as line " + earlier + " (kept that one)"));
                continue;
            }
            ts.add(t);
            files.add(fileCol >= 0 ? cells[fileCol] : SnapshotName.of(t));
            rows.add(rowsCol >= 0 ? parseInt(cells[rowsCol], where, lineNo, rowsCol, names) : 0);
            double[] v = new double[featureIdx.size()];
            for (int k = 0; k < v.length; k++) {
                int c = featureIdx.get(k);
                v[k] = parseDouble(dialect.number(cells[c]), where, lineNo, c, names);
            }
            values.add(v);
        }
        if (ts.isEmpty()) {
            throw new InputFormatException(where + ": no data rows after the header");
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int k = 0; k < featureNames.size(); k++) {
            double[] col = new double[values.size()];
            for (int r = 0; r < col.length; r++) {
                col[r] = values.get(r)[k];
            }
            columns.put(featureNames.get(k), col);
        }
        int[] rowArr = rows.stream().mapToInt(Integer::intValue).toArray();
        String name = where.endsWith(".csv") ? where.substring(0, where.length() - 4) : where;
        return new Loaded(FeatureTable.of(name, null, ts, files, rowArr, columns), skippedRows);
    }

    private static String label(String name) {
        return name.isEmpty() ? "timestamp" : name;
    }

    private static double parseDouble(String cell, String where, int line, int col, String[] names)
            throws InputFormatException {
        var v = NumberToken.parseCell(cell);
        if (v.isPresent()) {
            return v.getAsDouble();
        }
        throw new InputFormatException(where + ", line " + line + ", column " + (col + 1) + " ("
                + NumberToken.printable(names[col]) + "): '" + NumberToken.printable(cell)
                + "' is not a finite decimal number");
    }

    private static int parseInt(String cell, String where, int line, int col, String[] names)
            throws InputFormatException {
        try {
            int v = Integer.parseInt(cell);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InputFormatException(where + ", line " + line + ", column " + (col + 1) + " (" + names[col] + "): '"
                + NumberToken.printable(cell) + "' is not a row count (a whole number, 0 or more)");
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
