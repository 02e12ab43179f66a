package org.bearingworkbench.cli;

import static org.bearingworkbench.cli.FeaturesCommandTest.runCapturing;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.bearingworkbench.io.DataSetSidecar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says while data is got in: nothing claimed that is not done, no option blamed wrongly. */
class DataEntryCliTest {
    @TempDir
    Path dir;

    private Path loggerFolder() throws Exception {
        Path d = Files.createDirectory(dir.resolve("logger"));
        Random rnd = new Random(1);
        for (int f = 0; f < 2; f++) {
            StringBuilder sb = new StringBuilder("time_s,acc\n");
            for (int i = 0; i < 4000; i++) {
                sb.append(String.format(Locale.ROOT, "%.5f,%.4f%n", i / 10_000.0, rnd.nextGaussian()));
            }
            Files.writeString(d.resolve("log_" + f + ".csv"), sb.toString());
        }
        return d;
    }

    @Test
    void inspectDoesNotClaimToRememberWhatItDoesNotWrite() throws Exception {
        Path d = loggerFolder();
        String[] r = runCapturing("inspect", d.toString(), "--format", "delimited");
        assertFalse(r[1].contains("they are remembered for this directory"), r[1]);
        assertTrue(r[1].contains("inspect only shows"), r[1]);
        assertFalse(Files.exists(d.resolve(DataSetSidecar.FILE_NAME)), "inspect writes nothing");
        assertTrue(r[1].contains("sample_rate_hz: 10000.0 (detected from the files)"), r[1]);
        assertTrue(r[1].contains("ch1 'acc'"), r[1]);
    }

    @Test
    void aLowSampleRateOnADelimitedFileDoesNotBlameABandNobodyGave() throws Exception {
        Path f = loggerFolder().resolve("log_0.csv");
        String[] r = runCapturing(
                "envelope",
                f.toString(),
                "--format",
                "delimited",
                "--sample-rate",
                "10000",
                "--rpm",
                "1800",
                "--bearing",
                "9,0.3126,1.537,0");
        assertFalse((r[1] + r[2]).contains("--band"), r[1] + r[2]);
        assertTrue(r[1].contains("verdict: none"), r[1] + r[2]);
    }

    @Test
    void helpTextsNameEveryFormatNotJustIms() {
        for (String cmd : new String[] {"features", "run", "score", "train"}) {
            String[] r = runCapturing(cmd, "--help");
            assertFalse(r[1].contains("IMS directory"), cmd + ": " + r[1]);
        }
    }
}
