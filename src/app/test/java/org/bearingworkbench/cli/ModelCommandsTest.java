package org.bearingworkbench.cli;

import static org.bearingworkbench.cli.FeaturesCommandTest.runCapturing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandsTest {
    @TempDir
    Path dir;

    @Test
    void trainPrintsJsonAndScoreWritesReport() throws Exception {
        Path model = dir.resolve("m.bwm");
        String[] t = runCapturing(
                "train",
                SampleData.DIR.toString(),
                "--epochs",
                "3",
                "--train-fraction",
                "0.45",
                "-o",
                model.toString(),
                "--json");
        assertEquals("0", t[0], t[2]);
        assertTrue(
                t[1].trim()
                        .matches("\\{\"train_rows\":68,\"val_rows\":4,\"epochs\":3,\"final_loss\":[0-9.]+,"
                                + "\"final_val_loss\":[0-9.]+,\"train_seconds\":[0-9.]+}"),
                t[1]);
        assertTrue(t[2].contains("epoch 3/3"), t[2]);
        Path report = dir.resolve("report.csv");
        String[] s = runCapturing(
                "score",
                SampleData.DIR.toString(),
                "--model",
                model.toString(),
                "--threshold-method",
                "percentile:99",
                "--persistence",
                "2/3",
                "-o",
                report.toString(),
                "--json");
        assertEquals("0", s[0], s[2]);
        assertTrue(s[1].contains("\"method\":\"percentile:99\""), s[1]);
        List<String> lines = Files.readAllLines(report);
        assertEquals(160, lines.stream().filter(l -> !l.startsWith("#")).count() - 1);
        assertTrue(lines.contains("# persistence: 2/3 (alarm when 2 of the last 3 rows are flagged)"));
    }

    @Test
    void runWritesAllOutputsAndFindsTheFailingBearing() throws Exception {
        Path out = dir.resolve("out");
        String[] r = runCapturing("run", SampleData.DIR.toString(), "--epochs", "20", "-o", out.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        // the four outputs agree with each other: the features re-read are the run's rows, the model scores them
        // to the report's threshold and first alarm, the summary says the same
        FeatureTable features = FeatureCsv.read(out.resolve("features.csv"));
        assertEquals(160, features.rowCount());
        ModelBundle bundle = ModelBundle.load(out.resolve("model.bwm"));
        assertEquals(20, bundle.history().size());
        assertEquals("robust:3", bundle.thresholdMethod());
        List<String> report = Files.readAllLines(out.resolve("report.csv"));
        assertEquals(160, report.stream().filter(l -> !l.startsWith("#")).count() - 1);
        AnomalyAnalysis again = Workflows.analyze(
                features, bundle, null, PersistenceRule.parse(bundle.persistence()), 1, TaskContext.silent());
        assertEquals(bundle.threshold(), again.threshold().value(), 1e-12);
        String first = FeatureCsv.ISO.format(again.firstAlarmTime().orElseThrow());
        assertTrue(report.stream().anyMatch(l -> l.startsWith("# first_sustained_alarm: " + first)), first);
        assertTrue(Files.readString(out.resolve("summary.txt")).contains("first sustained alarm " + first));
        assertTrue(r[1].contains("\"top_channel\":\"ch1\""), r[1]);
        assertTrue(Files.readString(out.resolve("summary.txt"))
                .contains("first channel to leave its training range for good: ch1"));
    }

    @Test
    void scoreWithCorruptModelSaysWhichFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.bwm"), "garbage");
        String[] s = runCapturing(
                "score",
                SampleData.DIR.toString(),
                "--model",
                bad.toString(),
                "-o",
                dir.resolve("r.csv").toString());
        assertEquals("1", s[0]);
        assertTrue(s[2].contains("bad.bwm: not a Bearing Workbench model bundle"), s[2]);
        assertTrue(!s[2].contains("Exception"), s[2]);
    }

    @Test
    void invalidSettingIsRejectedWithItsName() {
        String[] t = runCapturing(
                "train",
                SampleData.DIR.toString(),
                "--epochs",
                "0",
                "-o",
                dir.resolve("m.bwm").toString());
        assertEquals("1", t[0]);
        assertTrue(t[2].contains("epochs: between 1 and 100000"), t[2]);
    }

    @Test
    void everyModelSettingIsAFlagAndTheBundleKeepsIt() throws Exception {
        Path model = dir.resolve("m.bwm");
        String[] t = runCapturing(
                "train",
                SampleData.DIR.toString(),
                "--epochs",
                "2",
                "--train-fraction",
                "0.45",
                "--layers",
                "8,3",
                "--activation",
                "tanh",
                "--gate-activation",
                "sigmoid",
                "--beta1",
                "0.8",
                "--beta2",
                "0.99",
                "--epsilon",
                "1e-6",
                "--l2",
                "0.001",
                "--timesteps",
                "2",
                "-o",
                model.toString());
        assertEquals("0", t[0], t[2]);
        var config = ModelBundle.load(model).model().config();
        assertEquals(List.of(8, 3), config.layers());
        assertEquals("tanh", config.activation());
        assertEquals("sigmoid", config.gateActivation());
        assertEquals(0.8, config.beta1());
        assertEquals(0.99, config.beta2());
        assertEquals(1e-6, config.epsilon());
        assertEquals(0.001, config.l2());
        assertEquals(2, config.timesteps());
    }

    @Test
    void unknownActivationIsRejectedWithTheChoices() {
        String[] t = runCapturing(
                "train",
                SampleData.DIR.toString(),
                "--activation",
                "softmax",
                "--beta2",
                "1",
                "-o",
                dir.resolve("m.bwm").toString());
        assertEquals("1", t[0]);
        assertTrue(t[2].contains("activation: one of [relu, tanh, sigmoid, identity] (got 'softmax')"), t[2]);
        assertTrue(t[2].contains("beta2: Adam's second-moment decay, in [0, 1) (got 1.0)"), t[2]);
    }

    @Test
    void scoresWithTheStudysKerasModelAndSavesItAsABundle() throws Exception {
        Path data = SharedData.file("ims-test2/seed_averaged_982.csv");
        Path h5 = SharedData.file("seed-model/Cloud_model.h5");
        Path scaler = SharedData.file("seed-model/scaler_params.json");
        Path report = dir.resolve("r.csv");
        Path bundle = dir.resolve("keras.bwm");
        String[] s = runCapturing(
                "score",
                data.toString(),
                "--keras-model",
                h5.toString(),
                "--scaler",
                scaler.toString(),
                "--threshold",
                "0.275",
                "-o",
                report.toString(),
                "--save-model",
                bundle.toString(),
                "--json");
        assertEquals("0", s[0], s[2]);
        assertTrue(s[1].contains("\"first_alarm\":\"2004-02-16 03:32:39\""), s[1]);
        List<String> rows = Files.readAllLines(report).stream()
                .filter(l -> l.startsWith("2004-02-12 10:52:39"))
                .toList();
        assertTrue(rows.get(0).contains(",0.22870541"), rows.get(0));
        String[] again = runCapturing(
                "score",
                data.toString(),
                "--model",
                bundle.toString(),
                "-o",
                dir.resolve("r2.csv").toString(),
                "--json");
        assertEquals("0", again[0], again[2]);
        assertTrue(again[1].contains("\"threshold\":0.275"), again[1]);
    }

    @Test
    void kerasModelWithoutScalerIsRejected() {
        String[] s = runCapturing(
                "score",
                SampleData.DIR.toString(),
                "--keras-model",
                "m.h5",
                "-o",
                dir.resolve("r.csv").toString());
        assertEquals("1", s[0]);
        assertTrue(s[2].contains("--keras-model needs --scaler"), s[2]);
    }

    @Test
    void scoringDataUnlikeTheModelsTrainingDataWarnsAndTheReportSaysSo() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (var files = Files.list(SampleData.DIR)) {
            for (Path p : files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                Files.copy(p, data.resolve(p.getFileName()));
            }
        }
        Path model = dir.resolve("m.bwm");
        assertEquals("0", runCapturing("train", data.toString(), "--epochs", "2", "-o", model.toString())[0]);
        Path report = dir.resolve("r.csv");
        String[] s = runCapturing(
                "score",
                data.toString(),
                "--model",
                model.toString(),
                "--sample-rate",
                "25600",
                "-o",
                report.toString());
        assertEquals("0", s[0], s[2]);
        String warning = "the data differs from the model's training data: sample rate 25600.0 Hz where the model's "
                + "data had 20000.0 Hz";
        assertTrue(s[2].contains("warning: " + warning), s[2]);
        String text = Files.readString(report);
        assertTrue(text.contains("# warning: " + warning + "\n"), text.substring(0, 800));
        assertTrue(text.contains("# data.sample_rate_hz: 25600.0 (set by the user)\n"));
        assertTrue(Files.exists(data.resolve(".bearing-workbench.json")), "remembered for the directory");
    }

    @Test
    void aTunedModelScoresNewDataAfterItsTrainingRange() throws Exception {
        Path features = dir.resolve("all.csv");
        assertEquals("0", runCapturing("features", SampleData.DIR.toString(), "-o", features.toString())[0]);
        List<String> lines = Files.readAllLines(features);
        Path later = Files.write(
                dir.resolve("later.csv"),
                Stream.concat(lines.stream().limit(1), lines.stream().skip(101)).toList());
        Path out = dir.resolve("out");
        assertEquals("0", runCapturing("run", features.toString(), "--epochs", "3", "-o", out.toString())[0]);
        Path report = dir.resolve("later-report.csv");
        String[] s = runCapturing(
                "score", later.toString(), "--model", out.resolve("model.bwm").toString(), "-o", report.toString());
        assertEquals("0", s[0], s[2]);
        String text = Files.readString(report);
        assertTrue(
                text.contains("# training_rows: 0 (this data lies after the model's training range; its saved "
                        + "threshold applies)"),
                text.substring(0, 900));
        assertEquals(60, text.lines().filter(l -> !l.startsWith("#")).count() - 1);
        Path bare = dir.resolve("bare.bwm");
        assertEquals("0", runCapturing("train", features.toString(), "--epochs", "2", "-o", bare.toString())[0]);
        String[] b = runCapturing(
                "score",
                later.toString(),
                "--model",
                bare.toString(),
                "-o",
                dir.resolve("r2.csv").toString());
        assertEquals("1", b[0]);
        assertTrue(b[2].contains("the model has no saved threshold; give --threshold"), b[2]);
        String[] m = runCapturing(
                "score",
                later.toString(),
                "--model",
                bare.toString(),
                "--threshold",
                "0.2",
                "-o",
                dir.resolve("r3.csv").toString());
        assertEquals("0", m[0], m[2]);
    }

    @Test
    void aFailureIsLoggedWithItsCauseWhileStderrKeepsOneLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.bwm"), "garbage");
        String[] s = runCapturing(
                "score",
                SampleData.DIR.toString(),
                "--model",
                bad.toString(),
                "-o",
                dir.resolve("r.csv").toString());
        assertEquals("1", s[0]);
        assertEquals(1, s[2].lines().filter(l -> l.startsWith("error: ")).count(), s[2]);
        assertTrue(!s[2].contains("\tat "), "no stack trace on stderr: " + s[2]);
        Path log = Path.of(System.getProperty("bw.logDir", "target/logs"), "bearing-workbench.log");
        String text = Files.readString(log);
        int at = text.lastIndexOf("score failed: broken.bwm");
        assertTrue(at >= 0, "the failure is in " + log);
        assertTrue(text.substring(at).contains("\tat "), "with its stack trace");
    }
}
