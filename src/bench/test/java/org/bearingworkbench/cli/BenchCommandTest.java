package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmarks print numbers in the shape the README quotes; the timings themselves are not asserted. */
class BenchCommandTest {
    private static final String SAMPLE =
            Paths.get("sample-data", "ims-synthetic").toString();

    private static String out(String... args) {
        String[] r = run(args);
        assertEquals("0", r[0], r[2]);
        return r[1] + r[2];
    }

    /** Exit code, standard output and standard error of the command line with {@code bench} added. */
    private static String[] run(String... args) {
        BenchMain.register();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            code = BearingCli.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void importPrintsEachRunAndTheBest() {
        String out = out("bench", "import", SAMPLE, "--runs", "2");
        Matcher run = Pattern.compile("run 2: 160 files, 2\\.5 MB in ([0-9.]+) s = ([0-9.]+) MB/s")
                .matcher(out);
        assertTrue(run.find(), out);
        Matcher best = Pattern.compile("best: ([0-9.]+) s").matcher(out);
        assertTrue(best.find(), out);
        assertTrue(Double.parseDouble(best.group(1)) > 0);
    }

    @Test
    void thresholdPrintsMicrosecondsPerChange() {
        String out = out(
                "bench",
                "threshold",
                SAMPLE,
                "--model",
                "src/core/test/resources/bundles/v1-sample.bwm",
                "--runs",
                "2");
        assertTrue(
                Pattern.compile("threshold change on 160 rows: [0-9.]+ us per change = [0-9.]+ us per 1,000 rows")
                        .matcher(out)
                        .find(),
                out);
    }

    @Test
    void physicsPrintsTheFusedPassAndThePerSignalCost() {
        String out = out("bench", "physics", SAMPLE, "--runs", "1");
        assertTrue(out.contains("the physics adds"), out);
        assertTrue(
                Pattern.compile("[0-9.]+ ms per signal .* 640 signals")
                        .matcher(out)
                        .find(),
                out);
    }

    @Test
    void anUnknownBenchmarkIsAUsageError() {
        String[] r = run("bench", "nonsense", SAMPLE);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("unknown benchmark 'nonsense' (known: import, train"), r[2]);
    }
}
