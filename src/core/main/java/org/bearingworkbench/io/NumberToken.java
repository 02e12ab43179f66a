package org.bearingworkbench.io;

import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * Exactly what a number in a data file is: {@code [+-]digits[.digits][(e|E)[+-]digits]} (or {@code .digits}),
 * finite in double precision. Everything else (Java literals such as {@code 0x1p3}, {@code 1.5f}, {@code 2d};
 * {@code NaN}; {@code 1e400}; over-long tokens) is rejected with a message that shows the token safely.
 */
public final class NumberToken {
    private NumberToken() {}

    /** Parses {@code data[start..end)} or throws naming the file, line and (printable) token. */
    static double parse(byte[] data, int start, int end, boolean decimalComma, String file, int line)
            throws InputFormatException {
        int len = end - start;
        if (len > SnapshotParser.MAX_TOKEN) {
            throw new InputFormatException(file + ", line " + line + ": a token of " + len + " characters ('"
                    + printable(data, start, end) + "') is not a number");
        }
        byte[] token = new byte[len];
        for (int i = 0; i < len; i++) {
            byte b = data[start + i];
            token[i] = decimalComma && b == ',' ? (byte) '.' : b;
        }
        if (!isDecimal(token, 0, len)) {
            throw new InputFormatException(
                    file + ", line " + line + ": '" + printable(data, start, end) + "' is not a number");
        }
        double v = Double.parseDouble(new String(token, StandardCharsets.ISO_8859_1));
        if (!Double.isFinite(v)) {
            throw new InputFormatException(file + ", line " + line + ": '" + printable(data, start, end)
                    + "' is beyond the double range (about 1.8e308)");
        }
        return v;
    }

    /** True when {@code s} is a plain decimal number with optional sign, fraction and exponent. */
    public static boolean isDecimal(CharSequence s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c > 127) {
                return false;
            }
            b[i] = (byte) c;
        }
        return isDecimal(b, 0, b.length);
    }

    /** Parses a cell of a text file (CSV, JSON string): a plain finite decimal number, else empty. */
    public static OptionalDouble parseCell(String s) {
        String t = s.trim();
        if (t.length() > SnapshotParser.MAX_TOKEN || !isDecimal(t)) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    private static boolean isDecimal(byte[] b, int from, int to) {
        int i = from;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < to && isDigit(b[i])) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && isDigit(b[i])) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < to && isDigit(b[i])) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == to;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The token as a user can read it: control and non-ASCII bytes as \xNN, cut at 40 characters. */
    public static String printable(byte[] data, int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end && sb.length() < 40; i++) {
            int b = data[i] & 0xFF;
            if (b < 0x20 || b >= 0x7F) {
                sb.append(String.format("\\x%02X", b));
            } else {
                sb.append((char) b);
            }
        }
        if (sb.length() >= 40 && end - start > 40) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** A string as a user can read it in a one-line message: control characters as \xNN, cut at 80 characters. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > 80) {
            sb.append('…');
        }
        return sb.toString();
    }
}
