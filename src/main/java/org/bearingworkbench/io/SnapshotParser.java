package org.bearingworkbench.io;

import java.util.Arrays;

/**
 * A streaming byte-level parser for IMS snapshot text: one row per sample, whitespace/tab separated columns,
 * CRLF or LF. Decimal numbers are read without creating strings; the value equals {@link Double#parseDouble}'s.
 * One instance per thread: it reuses its sample buffers between files.
 */
public final class SnapshotParser {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private double[][] samples = new double[0][];
    private int channels;
    private int rows;

    /** Number of channels in the last parsed file. */
    public int channels() {
        return channels;
    }

    /** Number of rows in the last parsed file. */
    public int rows() {
        return rows;
    }

    /** Samples of 0-based channel {@code c} of the last parsed file; valid up to {@link #rows()}. */
    public double[] channel(int c) {
        return samples[c];
    }

    /** Copies the last parsed file's samples into a {@link Snapshot}. */
    public double[][] copySamples() {
        double[][] out = new double[channels][];
        for (int c = 0; c < channels; c++) {
            out[c] = Arrays.copyOf(samples[c], rows);
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
        channels = 0;
        rows = 0;
        int pos = 0;
        int line = 1;
        int col = 0;
        while (pos < length) {
            byte b = data[pos];
            if (b == ' ' || b == '\t' || b == '\r' || b == ',') {
                pos++;
                continue;
            }
            if (b == '\n') {
                endRow(col, line, file);
                col = 0;
                line++;
                pos++;
                continue;
            }
            int start = pos;
            boolean negative = false;
            if (b == '-' || b == '+') {
                negative = b == '-';
                pos++;
            }
            long mantissa = 0;
            int digits = 0;
            int fraction = 0;
            int c;
            while (pos < length && (c = data[pos] - '0') >= 0 && c <= 9) {
                mantissa = mantissa * 10 + c;
                digits++;
                pos++;
            }
            if (pos < length && data[pos] == '.') {
                pos++;
                while (pos < length && (c = data[pos] - '0') >= 0 && c <= 9) {
                    mantissa = mantissa * 10 + c;
                    digits++;
                    fraction++;
                    pos++;
                }
            }
            double value;
            if (digits == 0 || digits > 15 || (pos < length && !isSeparator(data[pos]))) {
                int end = tokenEnd(data, start, length);
                value = parseSlow(data, start, end, file, line);
                pos = end;
            } else {
                value = fraction == 0 ? mantissa : mantissa / POW10[fraction];
                if (negative) {
                    value = -value;
                }
            }
            store(col, value);
            col++;
            if (channels > 0 && col > channels) {
                throw new InputFormatException(file + ", line " + line + ": more than " + channels
                        + " columns (the first row has " + channels + ")");
            }
        }
        endRow(col, line, file);
        if (rows == 0) {
            throw new InputFormatException(file + ": empty file (no samples)");
        }
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

    private void store(int col, double value) {
        if (col >= samples.length) {
            samples = Arrays.copyOf(samples, col + 1);
        }
        double[] s = samples[col];
        if (s == null) {
            s = new double[Math.max(rows + 1, 32768)];
            samples[col] = s;
        } else if (rows >= s.length) {
            s = Arrays.copyOf(s, s.length * 2);
            samples[col] = s;
        }
        s[rows] = value;
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == ',';
    }

    private static int tokenEnd(byte[] data, int start, int length) {
        int end = start;
        while (end < length && !isSeparator(data[end])) {
            end++;
        }
        return end;
    }

    private static double parseSlow(byte[] data, int start, int end, String file, int line)
            throws InputFormatException {
        String token = new String(data, start, Math.min(end - start, 40), java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            double v = Double.parseDouble(token);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputFormatException(file + ", line " + line + ": '" + token + "' is not a number");
        }
    }
}
