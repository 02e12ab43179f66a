package org.bearingworkbench.ui;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.model.EpochResult;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.TaskContext;
import org.bearingworkbench.ui.shell.FxTasks;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Training in the window against the command line's path, in one JVM (issue 18: the window within 1.2x the CLI).
 * Runs with {@code -Dbw.benchTrain} and ../shared; prints numbers, asserts nothing about time:
 * {@code mvn -B verify -Dtest=TrainingInWindowBenchTest -Dbw.benchTrain}. The window shows the Model tab (the live
 * loss chart following the run) while it trains the study's model on IMS test 2; the CLI figure is
 * {@code Workflows.train} on the same table and split, as {@code train} and {@code bench train} run it.
 */
class TrainingInWindowBenchTest {
    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void windowTrainingAgainstTheCommandLine() throws Exception {
        Assumptions.assumeTrue(System.getProperty("bw.benchTrain") != null, "benchmark: -Dbw.benchTrain");
        Path data = SharedData.imsTest2();
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchModel model = new WorkbenchModel();
        Workbench[] wb = new Workbench[1];
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupFixture(() -> {
            wb[0] = Workbench.inWindow(model, new FxTasks(), "org/bearingworkbench/test-bench", () -> stage);
            window[0] = new MainWindow(stage, wb[0]);
            stage.setWidth(1400);
            stage.setHeight(900);
            stage.show();
            wb[0].data().openData(data);
        });
        WorkbenchWindowTest.waitFor(
                120, () -> model.table() != null && model.physicsProperty().get() != null);
        LocalDateTime until = LocalDateTime.of(2004, 2, 15, 12, 52, 39);
        FxToolkit.setupFixture(() -> {
            model.trainUntilProperty().set(until);
            window[0].tabs().getSelectionModel().select(3);
        });
        ModelConfig config = ModelConfig.defaults();
        // warm-ups (native libraries, JIT), then alternate
        for (int warm = 0; warm < 3; warm++) {
            Workflows.train(model.table(), null, SplitConfig.until(until), config, e -> {}, TaskContext.silent());
        }
        double[] ratios = new double[5];
        for (int run = 0; run < 5; run++) {
            long t0 = System.nanoTime();
            TrainingResult r = Workflows.train(
                    model.table(), null, SplitConfig.until(until), config, e -> {}, TaskContext.silent());
            double cliWall = (System.nanoTime() - t0) / 1e9;
            double cli = epochSeconds(r.history());
            int before = model.models().size();
            long t1 = System.nanoTime();
            FxToolkit.setupFixture(() -> wb[0].models().train(config, null));
            WorkbenchWindowTest.waitFor(600, () -> model.models().size() == before + 1);
            double guiWall = (System.nanoTime() - t1) / 1e9;
            // the window's work after the training (scoring with the new model, its charts) ends before the next run
            WorkbenchWindowTest.waitFor(
                    600, () -> !wb[0].tasks().runningProperty().get());
            Thread.sleep(500);
            double gui = epochSeconds(model.bundleProperty().get().history());
            // the epochs' own time on each path (what the live chart could slow down), then the wall time around it
            // (the window's: from the click to the model listed, with the bundle made and the test's polling)
            System.out.printf(
                    Locale.ROOT,
                    "BENCH training 100 epochs, IMS test 2: epochs on the command-line path %.2f s, in the window"
                            + " %.2f s (ratio %.2f); wall %.2f s and %.2f s%n",
                    cli,
                    gui,
                    gui / cli,
                    cliWall,
                    guiWall);
            ratios[run] = gui / cli;
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "BENCH median ratio %.2f%n", ratios[ratios.length / 2]);
    }

    private static double epochSeconds(List<EpochResult> history) {
        return history.stream().mapToDouble(EpochResult::seconds).sum();
    }
}
