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
}
