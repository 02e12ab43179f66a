package org.bearingworkbench.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.bearingworkbench.cli.BearingCli;
import org.bearingworkbench.model.ModelBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet training (local[2]): each machine gets a model trained on its own first 45% in its task, written under
 * {@code models/}, and is scored with it; the result equals the command line's {@code train} then {@code score} on
 * the same machine, line for line.
 */
class FleetTrainingTest {
    private static final String EPOCHS = "12";

    @TempDir
    Path tmp;

    @Test
    void eachMachineIsTrainedOnItsOwnHealthyRangeAsTheCommandLineTrainsIt() throws Exception {
        List<GeneratedFleet.Spec> specs = List.of(
                new GeneratedFleet.Spec("healthy-a", 4, 1, GeneratedFleet.HEALTHY, 501),
                new GeneratedFleet.Spec("onset-b", 4, 3, 0.6, 502),
                new GeneratedFleet.Spec("onset-c", 4, 2, 0.75, 503));
        Path root = tmp.resolve("fleet");
        GeneratedFleet.write(root, specs);
        Path out = tmp.resolve("out");
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("fleet-training-test")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        FleetRun.Outcome o;
        try {
            FleetTraining training = new FleetTraining(null, 0.45, null, Integer.parseInt(EPOCHS));
            o = FleetRun.run(
                    spark,
                    FleetSettings.of(root.toString(), out.toString())
                            .reports(true)
                            .training(training)
                            .build(),
                    null);
        } finally {
            spark.stop();
        }
        assertEquals(3, o.machines().size());
        for (GeneratedFleet.Spec spec : specs) {
            String m = spec.name();
            Path dir = root.resolve(m);
            Path cliModel = tmp.resolve(m + ".bwm");
            Path cliReport = tmp.resolve(m + ".csv");
            cli("train", dir.toString(), "--train-fraction", "0.45", "--epochs", EPOCHS, "-o", cliModel.toString());
            cli("score", dir.toString(), "--model", cliModel.toString(), "-o", cliReport.toString());

            Path jobModel = out.resolve("models").resolve(m + ".bwm");
            assertTrue(Files.isRegularFile(jobModel), m);
            assertEquals(
                    ModelBundle.load(cliModel).trainEnd(),
                    ModelBundle.load(jobModel).trainEnd(),
                    m + " training range");
            assertEquals(
                    ReportLines.comparable(cliReport),
                    ReportLines.comparable(out.resolve("reports").resolve(m + ".csv")),
                    m);
            MachineSummary s = o.machines().stream()
                    .filter(x -> x.machine().equals(m))
                    .findFirst()
                    .orElseThrow();
            assertEquals(jobModel.toString(), Path.of(s.model()).toString(), m);
            if (spec.healthy()) {
                assertNull(s.firstAlarm(), m);
            } else {
                assertNotNull(s.firstAlarm(), m);
                assertEquals("ch" + spec.faultyChannel(), s.topChannel(), m);
            }
        }
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = BearingCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
    }
}
