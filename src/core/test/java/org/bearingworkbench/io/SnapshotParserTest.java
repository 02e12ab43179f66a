package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotParserTest {
    private final SnapshotParser parser = new SnapshotParser();

    private void parse(String text) throws InputFormatException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        parser.parse(b, b.length, "2004.02.12.10.32.39");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.049\t0.5\r\n1.25\t-3\r\n", "-0.049 0.5\n1.25   -3", "  -0.049\t\t0.5\n\n1.25\t-3\n\n"})
    void readsRowsAndChannelsWhateverTheSeparatorsAndLineEnds(String text) throws Exception {
        parse(text);
        assertEquals(2, parser.channels());
        assertEquals(2, parser.rows());
        assertArrayEquals(new double[] {-0.049, 1.25}, Arrays.copyOf(parser.channel(0), 2));
        assertArrayEquals(new double[] {0.5, -3}, Arrays.copyOf(parser.channel(1), 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "-0.123", "123.456", "1e-3", "-2.5E2", "+7", "0.30000000000000004", ".5", "5."})
    void valuesEqualJavasOwnParsing(String token) throws Exception {
        parse(token + "\n");
        assertEquals(Double.parseDouble(token), parser.channel(0)[0]);
    }

    @Test
    void namesFileLineAndTokenOfANonNumber() {
        var e = assertThrows(InputFormatException.class, () -> parse("0.1\t0.2\n0.3\tabc\n"));
        assertEquals("2004.02.12.10.32.39, line 2: 'abc' is not a number", e.getMessage());
    }

    @Test
    void rejectsRowWithWrongColumnCount() {
        var e = assertThrows(InputFormatException.class, () -> parse("0.1\t0.2\t0.3\n0.3\t0.1\n"));
        assertTrue(e.getMessage().contains("line 2: 2 columns, expected 3"), e.getMessage());
    }

    @Test
    void rejectsTruncatedLastRow() {
        var e = assertThrows(InputFormatException.class, () -> parse("0.1\t0.2\n0.3\t0.4\n0.5"));
        assertTrue(e.getMessage().contains("line 3: 1 columns, expected 2"), e.getMessage());
    }

    @Test
    void rejectsEmptyFile() {
        var e = assertThrows(InputFormatException.class, () -> parse("\r\n \n"));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
    }

    @Test
    void growsBeyondItsInitialCapacity() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            sb.append(i).append(".5\n");
        }
        parse(sb.toString());
        assertEquals(70_000, parser.rows());
        assertEquals(69_999.5, parser.channel(0)[69_999]);
    }

    @Test
    void exponentNotationReadsExactlyAsParseDouble() throws Exception {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String t = switch (i % 4) {
                case 0 -> String.format(Locale.ROOT, "%.4e", rnd.nextDouble() * 1e6);
                case 1 ->
                    String.format(Locale.ROOT, "%.10E", (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(60) - 30));
                case 2 -> rnd.nextInt(100000) + "e" + (rnd.nextInt(50) - 25);
                default -> "-" + rnd.nextInt(1000) + "." + rnd.nextInt(1000) + "e+" + rnd.nextInt(30);
            };
            tokens.add(t);
            sb.append(t).append('\n');
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
        SnapshotParser p = new SnapshotParser();
        p.parse(data, data.length, "f");
        for (int i = 0; i < tokens.size(); i++) {
            Assertions.assertEquals(Double.parseDouble(tokens.get(i)), p.channel(0)[i], 0.0, tokens.get(i));
        }
    }

    @Test
    void everyFixedPointTokenReadsAsParseDouble() throws Exception {
        // the word-at-a-time reading of d.ddd, for every one of its 20,000 signed values, both ways it is reached:
        // whole rows of such tokens (the first row is read by the general loop) and single tokens in a row it is not
        StringBuilder rows = new StringBuilder("0.000\t0.000\n");
        StringBuilder mixed = new StringBuilder("1\t0.000\n");
        List<String> tokens = new ArrayList<>();
        for (int m = 0; m < 10_000; m++) {
            for (String sign : new String[] {"", "-"}) {
                String t = String.format(Locale.ROOT, "%s%d.%03d", sign, m / 1000, m % 1000);
                tokens.add(t);
                rows.append(t).append('\t').append(t).append('\n');
                mixed.append("1.5e0\t").append(t).append('\n');
            }
        }
        for (StringBuilder text : List.of(rows, mixed)) {
            byte[] data = text.toString().getBytes(StandardCharsets.US_ASCII);
            parser.parse(data, data.length, "f");
            assertEquals(tokens.size() + 1, parser.rows());
            for (int i = 0; i < tokens.size(); i++) {
                assertEquals(Double.parseDouble(tokens.get(i)), parser.channel(1)[i + 1], 0.0, tokens.get(i));
            }
        }
    }

    @Test
    void wordCheckAcceptsOnlyDigitPointThreeDigits() {
        for (String t : List.of("0.000 ", "9.999\t", "5.050\r")) {
            assertTrue(SnapshotParser.isDigitDotThreeDigits(word(t)), t);
        }
        for (String t : List.of(
                "0,000 ", ":.000 ", "0.0:0 ", "0.00/ ", "/.000 ", "00.00 ", "0.0 00", "-0.000", "0.\u00b900 ")) {
            Assertions.assertFalse(SnapshotParser.isDigitDotThreeDigits(word(t)), t);
        }
        assertEquals(9_876, SnapshotParser.threeDecimals(word("9.876\n")));
    }

    private static long word(String t) {
        byte[] b = Arrays.copyOf(t.getBytes(StandardCharsets.ISO_8859_1), 8);
        long w = 0;
        for (int i = 7; i >= 0; i--) {
            w = (w << 8) | (b[i] & 0xFF);
        }
        return w;
    }

    @Test
    void rowsOfFixedPointTokensMixedWithOthersReadAsTheGeneralLoopDoes() throws Exception {
        // rows that the row-at-a-time path reads and rows it leaves to the general loop, in random order, against a
        // reference split on blanks and read by parseDouble; line ends of all three kinds, blank lines, comments
        Random rnd = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int channels = 1 + rnd.nextInt(5);
            String[] ends = {"\n", "\r\n", "\r"};
            String end = ends[rnd.nextInt(3)];
            StringBuilder sb = new StringBuilder();
            List<double[]> expected = new ArrayList<>();
            for (int r = 0; r < 500; r++) {
                int kind = rnd.nextInt(20);
                if (kind == 0) {
                    sb.append(end); // a blank line
                    continue;
                }
                if (kind == 1 && !end.equals("\r")) {
                    sb.append("# a comment").append(end);
                    continue;
                }
                double[] row = new double[channels];
                for (int c = 0; c < channels; c++) {
                    String t = switch (kind) {
                        case 2 -> String.format(Locale.ROOT, "%.4f", rnd.nextGaussian()); // four decimals
                        case 3 -> "+" + rnd.nextInt(10) + "." + (100 + rnd.nextInt(900)); // a plus sign
                        case 4 -> String.format(Locale.ROOT, "%.3f", rnd.nextGaussian() * 30); // two-digit integers
                        default -> String.format(Locale.ROOT, "%.3f", rnd.nextGaussian());
                    };
                    row[c] = Double.parseDouble(t);
                    sb.append(t).append(c < channels - 1 ? (kind == 5 ? "  " : kind == 6 ? " ," : "\t") : "");
                }
                sb.append(kind == 7 ? "\t" : "").append(end);
                expected.add(row);
            }
            byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
            parser.parse(data, data.length, "f");
            assertEquals(expected.size(), parser.rows());
            assertEquals(channels, parser.channels());
            for (int r = 0; r < expected.size(); r++) {
                for (int c = 0; c < channels; c++) {
                    assertEquals(expected.get(r)[c], parser.channel(c)[r], 0.0, "row " + r + " column " + c);
                }
            }
        }
    }

    @Test
    void namesTheLineOfABadRowAfterRowsReadWholeAtATime() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 5_000; r++) {
            sb.append(r % 2 == 0 ? "-0.049\t0.100\r\n" : "0.049\t-0.100\r\n");
        }
        String good = sb.toString();
        var e = assertThrows(InputFormatException.class, () -> parse(good + "0.001\r\n" + good));
        assertTrue(e.getMessage().contains("line 5001: 1 columns, expected 2"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> parse(good + "0.001\t0.002\t0.003\r\n" + good));
        assertTrue(e.getMessage().contains("line 5001: more than 2 columns"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> parse(good + "\n\n0.001\tx.002\n" + good));
        assertTrue(e.getMessage().contains("line 5003: 'x.002' is not a number"), e.getMessage());
        // a token that starts as d.ddd and runs on is one token, not two values
        e = assertThrows(InputFormatException.class, () -> parse(good + "0.123x0.456\n" + good));
        assertTrue(e.getMessage().contains("line 5001: '0.123x0.456' is not a number"), e.getMessage());
    }

    @Test
    void aFileOfFixedPointRowsKeepsItsLastRowWithoutALineEnd() throws Exception {
        parse("0.100\t-0.200\n0.300\t-0.400\n0.500\t-0.600\n0.700\t-0.800");
        assertEquals(4, parser.rows());
        assertArrayEquals(new double[] {0.1, 0.3, 0.5, 0.7}, Arrays.copyOf(parser.channel(0), 4));
        assertArrayEquals(new double[] {-0.2, -0.4, -0.6, -0.8}, Arrays.copyOf(parser.channel(1), 4));
    }

    @Test
    void bytesAfterTheFileInTheBufferAreNeverRead() {
        // a reader's buffer has room after the file: the rows read a word at a time reach into it, so files of
        // fixed-point rows (whole, cut in a token, cut after one, ended by CR, one row only) parse as in an array of
        // their own size whatever follows them; the bytes after are chosen to complete a cut row when read
        Random rnd = new Random(5);
        String[] after = {"6\t0.123\n0.456\t0.789\n", "\n\n\n\n\n\n\n\n", "00\r\n", "\t0.999\n", "\0\0\0\0\0\0\0\0"};
        for (int trial = 0; trial < 400; trial++) {
            int channels = 1 + rnd.nextInt(4);
            String end = trial % 3 == 0 ? "\r\n" : trial % 3 == 1 ? "\n" : "\r";
            StringBuilder sb = new StringBuilder();
            int rows = 1 + rnd.nextInt(trial % 5 == 0 ? 2 : 40);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < channels; c++) {
                    sb.append(String.format(Locale.ROOT, "%.3f", rnd.nextGaussian()))
                            .append(c < channels - 1 ? "\t" : end);
                }
            }
            String text = sb.substring(0, Math.max(1, sb.length() - rnd.nextInt(Math.min(sb.length(), 9))));
            byte[] own = text.getBytes(StandardCharsets.US_ASCII);
            byte[] padded = Arrays.copyOf(own, own.length + 64);
            byte[] tail = after[trial % after.length].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(tail, 0, padded, own.length, tail.length);
            assertEquals(outcome(own, own.length), outcome(padded, own.length), text);
        }
    }

    /** What parsing {@code data[0..length)} gives: the rows as text, or the error's message. */
    private static String outcome(byte[] data, int length) {
        SnapshotParser p = new SnapshotParser();
        try {
            p.parse(data, length, "f");
        } catch (InputFormatException e) {
            return e.getMessage();
        }
        StringBuilder sb = new StringBuilder(p.rows() + " rows of " + p.channels());
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.channels(); c++) {
                sb.append(' ').append(p.channel(c)[r]);
            }
        }
        return sb.toString();
    }
}
