package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.ui.shell.FxTasks;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The {@code bench gui} benchmark (runs with {@code -Dbw.benchGui}, prints numbers, asserts nothing about time): the
 * time from a threshold change to every view updated and one frame rendered, p50/p95 over 200 changes, on a run of
 * 984 rows (IMS test 2's size) and of 20,000 rows. {@code mvn -B verify -Dtest=ThresholdDragBenchTest -Dbw.benchGui}.
 */
class ThresholdDragBenchTest {
    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    static AnomalyAnalysis synthetic(int rows) {
        Random rnd = new Random(1);
        List<LocalDateTime> ts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        int[] sampleRows = new int[rows];
        Map<String, double[]> cols = new LinkedHashMap<>();
        double[][] errors = new double[rows][4];
        double[][] scaled = new double[rows][4];
        double[] score = new double[rows];
        for (int c = 1; c <= 4; c++) {
            cols.put("ch" + c + "_mean_abs", new double[rows]);
        }
        LocalDateTime t0 = LocalDateTime.of(2004, 2, 12, 10, 32, 39);
        for (int r = 0; r < rows; r++) {
            ts.add(t0.plusMinutes(10L * r));
            files.add("f" + r);
            double growth = r > rows * 0.7 ? Math.exp((r - rows * 0.7) / (rows * 0.05)) : 1;
            for (int c = 0; c < 4; c++) {
                errors[r][c] = Math.abs(0.05 * growth * (c == 0 ? 2 : 1) + 0.01 * rnd.nextGaussian());
                scaled[r][c] = 0.5 + 0.2 * rnd.nextGaussian() * growth;
                cols.get("ch" + (c + 1) + "_mean_abs")[r] = scaled[r][c];
            }
            score[r] = Arrays.stream(errors[r]).average().orElseThrow();
        }
        FeatureTable table = FeatureTable.of("bench", null, ts, files, sampleRows, cols);
        return AnomalyAnalysis.of(
                table,
                new Scores(score, errors, scaled),
                rows * 45 / 100,
                new ChannelMap(List.copyOf(cols.keySet()), 1),
                Thresholds.defaultMethod(PersistenceRule.defaults()),
                PersistenceRule.defaults());
    }

    @Test
    void thresholdChangeToAllViewsUpdated() throws Exception {
        Assumptions.assumeTrue(System.getProperty("bw.benchGui") != null, "benchmark: -Dbw.benchGui");
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchModel model = new WorkbenchModel();
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupFixture(() -> {
            var wb = Workbench.inWindow(model, new FxTasks(), "org/bearingworkbench/test-ui", () -> stage);
            window[0] = new MainWindow(stage, wb);
            stage.setWidth(1400);
            stage.setHeight(900);
            stage.show();
            window[0].tabs().getSelectionModel().select(4);
        });
        for (int rows : new int[] {984, 20_000}) {
            AnomalyAnalysis a = synthetic(rows);
            runOnFx(() -> model.analysisProperty().set(a));
            double base = a.threshold().value();
            double[] update = new double[200];
            double[] frame = new double[200];
            double[] render = new double[200];
            for (int i = 0; i < update.length + 20; i++) {
                double t = base * (0.8 + 0.4 * ((i * 37) % 100) / 100.0);
                long start = System.nanoTime();
                runOnFx(() -> model.thresholdMethodProperty().set(new ManualThreshold(t)));
                long updated = System.nanoTime();
                runOnFx(() -> {
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                });
                long laidOut = System.nanoTime();
                runOnFx(() -> window[0].thresholdPane().snapshot(null, null));
                if (i >= 20) {
                    update[i - 20] = (updated - start) / 1e6;
                    frame[i - 20] = (laidOut - start) / 1e6;
                    render[i - 20] = (System.nanoTime() - start) / 1e6;
                }
                assertEquals(t, model.analysisProperty().get().threshold().value(), 1e-12);
            }
            print(rows, "views updated (model -> every pane's data)", update);
            print(rows, "+ CSS and layout of the window", frame);
            print(rows, "+ the Threshold pane rendered (software snapshot)", render);
            print(rows, "frame shown (the change to the end of the next pulse's layout)", pulses(stage, model, base));
        }
    }

    /**
     * As a drag sees it: the threshold set on the FX thread, then the time until the next pulse has applied CSS and
     * laid out the scene (where chart-fx draws its canvases), measured by a post-layout pulse listener.
     */
    private static double[] pulses(Stage stage, WorkbenchModel model, double base) throws InterruptedException {
        double[] shown = new double[200];
        long[] started = new long[1];
        CountDownLatch[] next = new CountDownLatch[1];
        long[] ended = new long[1];
        Runnable timed = () -> {
            if (next[0] != null && next[0].getCount() > 0) {
                ended[0] = System.nanoTime();
                next[0].countDown();
            }
        };
        runOnFx(() -> stage.getScene().addPostLayoutPulseListener(timed));
        try {
            for (int i = 0; i < shown.length + 20; i++) {
                double t = base * (0.8 + 0.4 * ((i * 53) % 100) / 100.0);
                next[0] = new CountDownLatch(1);
                runOnFx(() -> {
                    started[0] = System.nanoTime();
                    model.thresholdMethodProperty().set(new ManualThreshold(t));
                    Platform.requestNextPulse();
                });
                if (!next[0].await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no pulse after a threshold change");
                }
                if (i >= 20) {
                    shown[i - 20] = (ended[0] - started[0]) / 1e6;
                }
            }
        } finally {
            runOnFx(() -> stage.getScene().removePostLayoutPulseListener(timed));
        }
        return shown;
    }

    private static void print(int rows, String what, double[] ms) {
        Arrays.sort(ms);
        System.out.printf(
                Locale.ROOT,
                "bench gui: %,6d rows, threshold change -> %s: p50 %.1f ms, p95 %.1f ms, max %.1f " + "ms%n",
                rows,
                what,
                ms[100],
                ms[189],
                ms[199]);
    }

    private static void runOnFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer");
        }
    }
}
