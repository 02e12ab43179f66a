package org.bearingworkbench.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bearingworkbench.io.InputFormatException;
import org.junit.jupiter.api.Test;

/**
 * The direct path for well-formed CSV bodies gives the rows the general reader (commons-csv, through {@code
 * FeatureCsv}) gives for the same table (decision 0026): a quoted header sends the same body down the general path.
 */
class RequestRowsTest {
    private static final List<String> COLS = List.of("ch1_mean_abs", "ch2_mean_abs");

    private static void sameBothWays(String body) throws InputFormatException {
        RequestRows direct = RequestRows.fromCsv(body, COLS);
        RequestRows general = RequestRows.fromCsv(body.replaceFirst("timestamp", "\"timestamp\""), COLS);
        assertArrayEquals(general.time(), direct.time(), body);
        for (int c = 0; c < COLS.size(); c++) {
            assertArrayEquals(general.columns()[c], direct.columns()[c], 0.0, body);
        }
    }

    @Test
    void wellFormedBodiesReadTheSameByTheDirectPathAndTheGeneralReader() throws Exception {
        sameBothWays("timestamp,ch1_mean_abs,ch2_mean_abs\n2025-03-01 08:00:00,0.0612,0.0581\n"
                + "2025-03-01 08:10:00,1e-3,-0.5\n");
        // other columns ignored, columns in another order, CRLF line ends, no final line end
        sameBothWays("timestamp,ch2_mean_abs,extra,ch1_mean_abs\r\n2025-03-01 08:00:00,0.2,7,0.1\r\n"
                + "2025-03-01 08:10:00,0.4,8,0.3");
        sameBothWays("timestamp,ch1_mean_abs,ch2_mean_abs\n2004.02.12.10.32.39,0.06,0.05\n");
    }

    @Test
    void aBodyTheDirectPathDoesNotTakeGetsTheGeneralReadersPreciseError() {
        InputFormatException e = assertThrows(
                InputFormatException.class,
                () -> RequestRows.fromCsv("timestamp,ch1_mean_abs,ch2_mean_abs\n2025-03-01 08:00:00,0.06,abc\n", COLS));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("abc"), e.getMessage());
        assertEquals(1, assertRows("timestamp,ch1_mean_abs,ch2_mean_abs\n2025-03-01 08:00:00,0.06,0.05\n"));
    }

    private static int assertRows(String body) {
        try {
            return RequestRows.fromCsv(body, COLS).rows();
        } catch (InputFormatException e) {
            throw new AssertionError(e);
        }
    }
}
