package org.bearingworkbench.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A streaming byte-level parser for snapshot text: one row per sample, whitespace/tab (or comma or semicolon) separated
 * columns, LF, CRLF or CR-only line endings, an optional UTF-8 byte-order mark. Decimal numbers are read without
 * creating strings; the value equals {@link Double#parseDouble}'s of the whole token. A file whose first row holds
 * whitespace-separated values with a comma inside (as {@code 0,050	-0,104}) is read with a decimal comma.
 *
 * <p>Only plain decimal numbers are accepted ({@code -1.5}, {@code .5}, {@code 2e-3}); Java literals such as
 * {@code 0x1p3}, {@code 1.5f} or {@code 2d}, {@code NaN}, {@code Infinity}, values beyond the double range and
 * tokens longer than {@value #MAX_TOKEN} characters are rejected with the line and the token.
 *
 * <p>Memory is bounded: at most {@link #maxColumns(int)} columns (a file that is one long line of tokens is rejected
 * at that column, not read into thousands of columns), and the column buffers grow by doubling. One instance per
 * thread: it reuses its sample buffers between files.
 */
public final class SnapshotParser {
    /** Columns accepted when nothing is known about the directory. */
    public static final int DEFAULT_MAX_COLUMNS = 1024;
    /** The longest token read as a number (the longest exact double needs 24 characters). */
    static final int MAX_TOKEN = 64;

    private static final int INITIAL_ROWS = 4096;
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private static final byte TOKEN = 0;
    private static final byte BLANK = 1;
    private static final byte NEWLINE = 2;
    /** What each byte is: part of a token, a separator between values, or a line end (comma separates). */
    private static final byte[] KIND = new byte[256];
    /** The same where the comma is the decimal mark. */
    private static final byte[] KIND_DECIMAL_COMMA = new byte[256];

    static {
        for (byte[] k : new byte[][] {KIND, KIND_DECIMAL_COMMA}) {
            k[' '] = BLANK;
            k['\t'] = BLANK;
            k[';'] = BLANK;
            k['\n'] = NEWLINE;
            k['\r'] = NEWLINE;
        }
        KIND[','] = BLANK;
    }

    private double[][] samples = new double[0][];
    private int channels;
    private int rows;
    private int maxColumns = DEFAULT_MAX_COLUMNS;
    private boolean decimalComma;
    private long skipped;
    private long lastSkipped;

    /** Number of channels in the last parsed file. */
    public int channels() {
        return channels;
    }

    /** Number of rows in the last parsed file. */
    public int rows() {
        return rows;
    }

    /** Rows with more columns than this are rejected (the importer sets it from what the directory's files hold). */
    public void maxColumns(int max) {
        this.maxColumns = Math.max(1, Math.min(max, DEFAULT_MAX_COLUMNS));
    }

    /**
     * Columns (0-based, below 64) whose values the caller will not read: they are counted but not converted (their
     * samples are not defined). Cleared by passing 0.
     */
    public void skipColumns(long mask) {
        this.skipped = mask;
    }

    /** Samples of 0-based channel {@code c} of the last parsed file; valid up to {@link #rows()}. */
    public double[] channel(int c) {
        return samples[c];
    }

    /** Copies the last parsed file's samples into a {@link Snapshot}. */
    public double[][] copySamples() {
        double[][] out = new double[channels][];
        for (int c = 0; c < channels; c++) {
            if (samples[c] == null || (c < 64 && (lastSkipped & (1L << c)) != 0)) {
                out[c] = new double[rows];
                Arrays.fill(out[c], Double.NaN);
            } else {
                out[c] = Arrays.copyOf(samples[c], rows);
            }
        }
        return out;
    }

    /**
     * Parses {@code data[0..length)}. The channel count is taken from the first non-blank row and every other row
     * must have the same count.
     *
     * @throws InputFormatException naming {@code file}, the line and the offending token
     */
    public void parse(byte[] data, int length, String file) throws InputFormatException {
        parse(data, length, file, 0);
    }

    /** As {@link #parse(byte[], int, String)}, skipping the first {@code headerLines} lines (a header row). */
    public void parse(byte[] data, int length, String file, int headerLines) throws InputFormatException {
        channels = 0;
        rows = 0;
        lastSkipped = skipped;
        int pos = hasBom(data, length) ? 3 : 0;
        int line = 1;
        for (int h = 0; h < headerLines && pos < length; h++) {
            while (pos < length && data[pos] != '\n' && data[pos] != '\r') {
                pos++;
            }
            pos += pos + 1 < length && data[pos] == '\r' && data[pos + 1] == '\n' ? 2 : 1;
            line++;
        }
        decimalComma = detectDecimalComma(data, pos, length);
        int col = 0;
        final boolean dc = decimalComma;
        byte[] kind = dc ? KIND_DECIMAL_COMMA : KIND;
        boolean tryRows = skipped == 0;
        if (tryRows) {
            // a first row of d.ddd tokens: its columns counted at once, so the rows are read whole from the first
            int n = firstFixedRow(data, pos, length, kind);
            if (n > 0) {
                startColumns(n);
            }
        }
        while (pos < length) {
            if (col == 0 && channels > 0 && tryRows) {
                int before = rows;
                pos = fixedRows(data, pos, length, kind);
                line += rows - before;
                // a file whose rows are not all fixed-point is read by the general loop from here on
                tryRows = rows > before;
                if (pos >= length) {
                    break;
                }
            }
            byte b = data[pos];
            if (b == '\t' || b == ' ') {
                pos++;
                continue;
            }
            if (b == ';' || (b == ',' && !dc)) {
                pos++;
                continue;
            }
            if (b == '\n' || b == '\r') {
                endRow(col, line, file);
                col = 0;
                line++;
                pos += b == '\r' && pos + 1 < length && data[pos + 1] == '\n' ? 2 : 1;
                continue;
            }
            if (b == '#' && col == 0) {
                while (pos < length && data[pos] != '\n' && data[pos] != '\r') {
                    pos++;
                }
                continue;
            }
            if (col < 64 && (skipped & (1L << col)) != 0) {
                // a column the caller does not read (e.g. a clock): passed over, not converted
                pos = tokenEnd(data, pos, length);
                if (col >= samples.length) {
                    addColumn(col, line, file);
                }
                col++;
                continue;
            }
            int start = pos;
            // the sign without a branch: it is as often '-' as not, a branch on it is mispredicted half the time
            int minus = b == '-' ? 1 : 0;
            boolean negative = minus != 0;
            pos += minus | (b == '+' ? 1 : 0);
            double value;
            long word;
            if (pos + Long.BYTES <= length
                    && isDigitDotThreeDigits(word = (long) LITTLE_ENDIAN_LONG.get(data, pos))
                    && kind[(int) (word >>> 40) & 0xFF] != TOKEN) {
                // the commonest token of accelerometer logs (all of IMS, most of PRONOSTIA): d.ddd
                value = fixedValue(word, minus);
                pos += 5;
            } else {
                long mantissa = 0;
                int digits = 0;
                int fraction = 0;
                int c;
                while (pos < length && (c = data[pos] - '0') >= 0 && c <= 9) {
                    mantissa = mantissa * 10 + c;
                    digits++;
                    pos++;
                }
                if (pos < length && (data[pos] == '.' || (dc && data[pos] == ','))) {
                    pos++;
                    while (pos < length && (c = data[pos] - '0') >= 0 && c <= 9) {
                        mantissa = mantissa * 10 + c;
                        digits++;
                        fraction++;
                        pos++;
                    }
                }
                byte next = pos < length ? data[pos] : (byte) '\n';
                if (digits > 0
                        && digits <= 15
                        && (next == '\t'
                                || next == '\r'
                                || next == '\n'
                                || next == ' '
                                || kind[next & 0xFF] != TOKEN)) {
                    value = fraction == 0 ? mantissa : mantissa / POW10[fraction];
                    if (negative) {
                        value = -value;
                    }
                } else {
                    int end = tokenEnd(data, start, length);
                    value = digits > 0 && digits <= 15 ? exponent(data, pos, end, mantissa, fraction) : Double.NaN;
                    if (Double.isNaN(value)) {
                        value = NumberToken.parse(data, start, end, decimalComma, file, line);
                    } else if (negative) {
                        value = -value;
                    }
                    pos = end;
                }
            }
            if (col >= samples.length) {
                addColumn(col, line, file);
            }
            store(col, value);
            col++;
            if (channels > 0 && col > channels) {
                throw tooManyColumns(file, line);
            }
        }
        endRow(col, line, file);
        if (rows == 0) {
            throw new InputFormatException(file + ": empty file (no samples)");
        }
    }

    /**
     * The value of an exact mantissa followed by an exponent ({@code e+05}, {@code E-3}) in {@code data[pos..end)}:
     * mantissa (below 2^53) times or over an exact power of ten, one rounding as {@link Double#parseDouble}; NaN
     * when the rest is not a plain exponent or the power is beyond the exact ones (the slow path decides).
     */
    private static double exponent(byte[] data, int pos, int end, long mantissa, int fraction) {
        if (pos >= end || (data[pos] != 'e' && data[pos] != 'E')) {
            return Double.NaN;
        }
        int p = pos + 1;
        boolean negative = false;
        if (p < end && (data[p] == '+' || data[p] == '-')) {
            negative = data[p] == '-';
            p++;
        }
        int exp = 0;
        int digits = 0;
        int c;
        while (p < end && (c = data[p] - '0') >= 0 && c <= 9) {
            exp = Math.min(exp * 10 + c, 100_000);
            digits++;
            p++;
        }
        int scale = (negative ? -exp : exp) - fraction;
        if (digits == 0 || p != end || Math.abs(scale) >= POW10.length) {
            return Double.NaN;
        }
        return scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
    }

    /**
     * The number of tokens of the row at {@code pos} when it is a row {@link #fixedRows} reads (tokens {@code d.ddd},
     * optionally signed, one blank between them, ended by a line end within {@code length}) of at most
     * {@link #maxColumns} columns; else 0 (the general loop reads it and says what is wrong).
     */
    private int firstFixedRow(byte[] data, int pos, int length, byte[] kind) {
        int p = pos;
        int n = 0;
        while (p + Long.BYTES <= data.length && n < maxColumns) {
            long word = (long) LITTLE_ENDIAN_LONG.get(data, p);
            int minus = (word & 0xFF) == '-' ? 1 : 0;
            word >>>= minus << 3;
            p += 6 + minus; // past the byte after the token
            if (!isDigitDotThreeDigits(word) || p > length) {
                return 0;
            }
            n++;
            int after = (int) (word >>> 40) & 0xFF;
            if (after == '\n' || after == '\r') {
                return n;
            }
            if (kind[after] != BLANK) {
                return 0;
            }
        }
        return 0;
    }

    /** The first row has {@code n} columns: their arrays made (or kept from the last file) and the count set. */
    private void startColumns(int n) {
        if (samples.length < n) {
            samples = Arrays.copyOf(samples, n);
        }
        for (int c = 0; c < n; c++) {
            if (samples[c] == null) {
                samples[c] = new double[INITIAL_ROWS];
            }
        }
        channels = n;
    }

    /**
     * Reads whole rows of {@link #channels} tokens {@code d.ddd} (optionally signed), one blank between them, each row
     * ended by LF, CRLF or CR within {@code length}, from {@code pos}; stops at the first row that is not so (for the
     * general loop to read) and returns where. The values are those of the general loop; {@link #rows} counts the
     * rows read.
     */
    private int fixedRows(byte[] data, int pos, int length, byte[] kind) {
        final int n = channels;
        double[][] cols = samples;
        // each row read here takes at least 6n bytes: room for all of them, made before the loop
        int most = rows + (length - pos) / (6 * n) + 1;
        for (int c = 0; c < n; c++) {
            if (cols[c].length < most) {
                cols[c] = Arrays.copyOf(cols[c], most);
            }
        }
        // a row of n tokens ends within 7n + 1 bytes; every 8-byte read stays inside the array (a reader's buffer
        // has room after the file's bytes: its last row is read here too, and a row that ends beyond them is not;
        // the loop ends at the file's end, as the compiled loop has always seen it end)
        while (pos < length && pos + Long.BYTES * (n + 1) <= data.length) {
            int p = pos;
            int last = n - 1;
            long word = 0;
            for (int c = 0; c <= last; c++) {
                // one read for the token with or without its sign (a signed one is shifted down by its '-')
                word = (long) LITTLE_ENDIAN_LONG.get(data, p);
                int minus = (word & 0xFF) == '-' ? 1 : 0;
                word >>>= minus << 3;
                if (!isDigitDotThreeDigits(word) || (c < last && kind[(int) (word >>> 40) & 0xFF] != BLANK)) {
                    return pos;
                }
                cols[c][rows] = fixedValue(word, minus);
                p += 6 + minus;
            }
            int end = (int) (word >>> 40) & 0xFF;
            if (p > length) {
                return pos;
            }
            if (end == '\r') {
                p += p < length && data[p] == '\n' ? 1 : 0;
            } else if (end != '\n') {
                return pos;
            }
            rows++;
            pos = p;
        }
        return pos;
    }

    /**
     * Whether the 8 bytes (little-endian) start with {@code d.ddd}: a digit, a point, three digits. The byte after them
     * is the caller's to check.
     */
    static boolean isDigitDotThreeDigits(long word) {
        long highNibbles = (word & 0x000000F0F0F0FFF0L) ^ 0x0000003030302E30L;
        // a digit's byte plus 6 keeps its high nibble 3 (':' to '?' carry into 4)
        long noCarry = ((word + 0x0000000606060006L) & 0x000000F0F0F000F0L) ^ 0x0000003030300030L;
        return (highNibbles | noCarry) == 0;
    }

    /** The integer {@code dddd} of a word that {@link #isDigitDotThreeDigits} accepted. */
    static int threeDecimals(long word) {
        // the four digits side by side in bytes 0-3 (the first digit moved over the point), then combined in pairs
        long digits = ((word >>> 8) & 0x0F0F0F00L) | (word & 0x0FL);
        long pairs = digits * 10 + (digits >>> 8); // byte 0: d0 d2, byte 2: d3 d4
        return (int) ((pairs & 0xFF) * 100 + ((pairs >>> 16) & 0xFF));
    }

    /**
     * The value of a word {@link #isDigitDotThreeDigits} accepted, negated when {@code minus} is 1: the integer over
     * 1000, one rounding, as {@link Double#parseDouble} gives it (the sign applied without a branch).
     */
    private static double fixedValue(long word, int minus) {
        return ((threeDecimals(word) ^ -minus) + minus) / 1000.0;
    }

    private InputFormatException tooManyColumns(String file, int line) {
        return new InputFormatException(
                file + ", line " + line + ": more than " + channels + " columns (the first row has " + channels + ")");
    }

    private static boolean hasBom(byte[] data, int length) {
        return length >= 3 && data[0] == (byte) 0xEF && data[1] == (byte) 0xBB && data[2] == (byte) 0xBF;
    }

    /**
     * A decimal comma: the first non-blank row separates its values by blanks, tabs or semicolons, has no '.', and
     * every comma
     * in it sits between two digits ({@code 0,050	-0,104}). A row such as {@code 1,2,3} (no blanks) or
     * {@code 1.0, 2.0} keeps the comma as a separator.
     */
    static boolean detectDecimalComma(byte[] data, int from, int length) {
        int pos = from;
        while (pos < length && (data[pos] == '\n' || data[pos] == '\r' || data[pos] == ' ' || data[pos] == '\t')) {
            pos++;
        }
        boolean blankBetween = false;
        boolean comma = false;
        boolean inToken = false;
        boolean blankAfterToken = false;
        for (int i = pos; i < length && data[i] != '\n' && data[i] != '\r'; i++) {
            byte b = data[i];
            if (b == '.') {
                return false;
            }
            if (b == ' ' || b == '\t' || b == ';') {
                blankAfterToken = inToken;
                continue;
            }
            if (blankAfterToken) {
                blankBetween = true;
            }
            blankAfterToken = false;
            inToken = true;
            if (b == ',') {
                boolean digitBefore = i > pos && isDigit(data[i - 1]);
                boolean digitAfter = i + 1 < length && isDigit(data[i + 1]);
                if (!digitBefore || !digitAfter) {
                    return false;
                }
                comma = true;
            }
        }
        return comma && blankBetween;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private void endRow(int col, int line, String file) throws InputFormatException {
        if (col == 0) {
            return;
        }
        if (channels == 0) {
            channels = col;
        } else if (col != channels) {
            throw new InputFormatException(file + ", line " + line + ": " + col + " columns, expected " + channels
                    + " (truncated or malformed row)");
        }
        rows++;
    }

    private void addColumn(int col, int line, String file) throws InputFormatException {
        if (col >= maxColumns) {
            throw new InputFormatException(file + ", line " + line + ": more than " + maxColumns + " columns"
                    + (channels > 0 ? " (the first row has " + channels + ")" : "")
                    + " - not a snapshot with one column per channel");
        }
        samples = Arrays.copyOf(samples, Math.min(maxColumns, Math.max(col + 1, samples.length * 2)));
    }

    private void store(int col, double value) {
        double[] s = samples[col];
        if (s == null) {
            s = new double[Math.max(rows + 1, INITIAL_ROWS)];
            samples[col] = s;
        } else if (rows >= s.length) {
            s = Arrays.copyOf(s, s.length * 2);
            samples[col] = s;
        }
        s[rows] = value;
    }

    private int tokenEnd(byte[] data, int start, int length) {
        byte[] kind = decimalComma ? KIND_DECIMAL_COMMA : KIND;
        int end = start;
        while (end < length && kind[data[end] & 0xFF] == TOKEN) {
            end++;
        }
        return end;
    }
}
