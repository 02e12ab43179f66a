package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XRangeIndicator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.cli.CliRunner;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.pipeline.DetectorComparison;
import org.bearingworkbench.pipeline.prognosis.LifeForecast;
import org.bearingworkbench.pipeline.prognosis.LifeForecaster;
import org.bearingworkbench.pipeline.prognosis.LifeModel;
import org.bearingworkbench.pipeline.prognosis.RemainingLife;
import org.bearingworkbench.pipeline.prognosis.SyntheticRuns;
import org.bearingworkbench.signal.Kurtogram;
import org.bearingworkbench.ui.compare.ComparePane;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The evidence tabs in the real window (headless), on the sample run with the stored model: Compare detectors, Health
 * & life, Waterfall & kurtogram, and the incident report written from the window.
 */
class ComparePaneTest {
    private static Stage stage;
    private static WorkbenchModel model;
    private static Workbench wb;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void openWindow() throws Exception {
        TestWindow w = TestWindow.open(
                "org/bearingworkbench/test-ui-compare", c -> c.data().openData(SampleData.DIR));
        stage = w.stage();
        model = w.model();
        wb = w.wb();
        window = w.window();
        // the data set is settled once the physics pass has added its columns (it sets the data again)
        waitFor(60, () -> model.table() != null && model.physicsProperty().get() != null);
        FxToolkit.setupFixture(() -> wb.models().openModel(Path.of("src/core/test/resources/bundles/v1-sample.bwm")));
        waitFor(
                60,
                () -> model.analysisProperty().get() != null
                        && model.bundleProperty().get() != null);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /**
     * Clicks the node showing {@code text}, found on the FX thread: a lookup from the test's thread can meet a chart
     * changing its children on the pulse (an IndexOutOfBoundsException inside TestFX's traversal).
     */
    private void click(String text) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node n = WaitForAsyncUtils.asyncFx(() -> robot.lookup(text).<Node>query())
                .get();
        robot.clickOn(n);
    }

    static void waitFor(int seconds, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theModelAndTheBaselinesInOneTableAndOneTimeline() throws Exception {
        click("7 Compare detectors");
        click("Compare detectors");
        waitFor(60, () -> window.comparePane().table().getItems().size() == 5);
        var items = window.comparePane().table().getItems();
        assertEquals("LSTM autoencoder", items.get(0).label());
        assertEquals(
                model.analysisProperty().get().firstAlarmTime(),
                items.get(0).analysis().firstAlarmTime());
        assertEquals(6, window.comparePane().timeline().getDatasets().size(), "five detectors and the line at 1");
        var sets = window.comparePane().timeline().getDatasets();
        String threshold = sets.get(5).getStyle();
        assertTrue(threshold.contains(Palette.THRESHOLD), threshold);
        for (int d = 0; d < 5; d++) {
            assertTrue(!sets.get(d).getStyle().contains(Palette.THRESHOLD), "not the threshold's colour: " + d);
        }
        var y = (DefaultNumericAxis) window.comparePane().timeline().getYAxis();
        assertEquals(ComparePane.RATIO_FLOOR, y.getMin(), 0, "the log axis stops at a thousandth of the threshold");
        assertTrue(y.getMax() >= 1, "the threshold on the chart: " + y.getMax());
        for (int d = 0; d < 5; d++) {
            for (int i = 0; i < sets.get(d).getDataCount(); i++) {
                assertTrue(sets.get(d).get(1, i) >= ComparePane.RATIO_FLOOR);
            }
        }
        List<String> ticks = y.getTickMarks().stream()
                .map(t -> y.getTickLabelFormatter().toString(t.getValue()))
                .toList();
        assertTrue(ticks.contains("0.001") && ticks.contains("1"), ticks.toString());
        assertTrue(ticks.stream().noneMatch(t -> t.contains("E")), "one plain format: " + ticks);
        assertTrue(
                window.comparePane().status().getText().startsWith("5 detectors on 160 rows"),
                window.comparePane().status().getText());
        assertTrue(!robot.lookup("Export table…").queryButton().isDisabled(), "the table can be exported");
        Path csv = tmp.resolve("compare.csv");
        robot.interact(() -> window.comparePane().save(csv));
        List<String> windowTable = Files.readAllLines(csv);
        assertEquals(6, windowTable.size());
        // one engine: the window's table is the compare command's, for the same data, model, split and rule
        Path cliCsv = tmp.resolve("compare-cli.csv");
        String[] cli = CliRunner.run(
                "compare",
                SampleData.DIR.toString(),
                "--model",
                "src/core/test/resources/bundles/v1-sample.bwm",
                "--train-until",
                FeatureCsv.ISO.format(model.trainUntilProperty().get()),
                "--persistence",
                model.ruleProperty().get().toString(),
                "-o",
                cliCsv.toString());
        assertEquals("0", cli[0], cli[2]);
        assertEquals(Files.readAllLines(cliCsv), windowTable);
        // and its numbers, pinned (the synthetic sample run, the checked-in model, the default split and rule): each
        // detector's threshold, flagged rows and first sustained alarm
        assertEquals(
                List.of(
                        "lstm 0.98974 34 2025-03-02 05:10:00",
                        "pca-t2 12.682 41 2025-03-02 04:20:00",
                        "pca-spe 1.6827 39 2025-03-01 21:30:00",
                        "mcd 20.294 42 2025-03-02 04:20:00",
                        "iforest 0.70738 19 2025-03-02 07:30:00"),
                items.stream()
                        .map(e -> String.format(
                                Locale.ROOT,
                                "%s %.5g %d %s",
                                e.id(),
                                e.analysis().threshold().value(),
                                e.analysis().alarms().flaggedCount(),
                                FeatureCsv.ISO.format(
                                        e.analysis().firstAlarmTime().orElseThrow())))
                        .toList());
        // every detector alarms on the synthetic run's late fault, none in its healthy part
        for (DetectorComparison.Entry e : items) {
            assertTrue(e.analysis().firstAlarmTime().isPresent(), e.label() + " never alarms");
            assertTrue(
                    e.analysis()
                            .firstAlarmTime()
                            .get()
                            .isAfter(model.trainUntilProperty().get()),
                    e.label() + " alarms in the healthy range: " + e.analysis().firstAlarmTime());
            assertEquals(0, e.analysis().alarms().trainingAlarmRows(), e.label());
        }
        if (Boolean.getBoolean("bw.screenshots.compare")) {
            Thread.sleep(800);
            robot.interact(() -> {
                try {
                    ChartBox.savePng(
                            stage.getScene().getRoot(),
                            Path.of("target", "compare.png").toFile());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void screenshot(String name) throws Exception {
        if (Boolean.getBoolean("bw.screenshots.compare")) {
            Thread.sleep(800);
            WaitForAsyncUtils.asyncFx(() -> {
                        try {
                            ChartBox.savePng(
                                    stage.getScene().getRoot(),
                                    Path.of("target", name).toFile());
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .get();
        }
    }

    @Test
    void healthAndRemainingLifeShowTheCoresNumbers() throws Exception {
        click("8 Health & life");
        click("Estimate remaining life");
        waitFor(60, () -> !window.healthPane().ranking().getItems().isEmpty());
        var t = model.table();
        var expected = RemainingLife.of(
                t, RemainingLife.candidates(t), model.trainRows(), 3, 12, null, RemainingLife.defaultEveryHours(t));
        assertEquals(expected.ranking().ranks(), window.healthPane().ranking().getItems());
        assertEquals(
                List.of("feature", "monotonicity", "trendability", "prognosability", "fitness"),
                window.healthPane().ranking().getColumns().stream()
                        .map(c -> c.getText())
                        .toList());
        assertEquals(0, expected.estimates().size(), "no failure level given: no forecast");
        assertTrue(window.healthPane().forecasts().getItems().isEmpty());
        assertEquals(3, window.healthPane().indicator().getDatasets().size(), "indicator, onset and failure levels");
        assertTrue(
                window.healthPane()
                        .status()
                        .getText()
                        .contains("onset " + FeatureCsv.ISO.format(t.timestamp(expected.onset()))),
                window.healthPane().status().getText());
        // a failure level that is not a number is refused in words, and nothing runs
        robot.interact(() -> window.healthPane().lookupAll(".text-field").stream()
                .filter(n -> n instanceof TextField f && "none: no forecast".equals(f.getPromptText()))
                .forEach(n -> ((TextField) n).setText("high")));
        click("Estimate remaining life");
        assertTrue(window.healthPane().status().getText().startsWith("Failure level: 'high' is not a number"));
        screenshot("health.png");
    }

    @Test
    void aSplitTypedWithAModelActiveLeavesOneRangeInEveryPane() throws Exception {
        click("1 Data");
        var a = model.analysisProperty().get();
        var t = model.table();
        double modelEnd = Charts.seconds(t.timestamp(a.trainRows() - 1));
        robot.interact(() -> {
            window.dataPane().splitField().requestFocus();
            window.dataPane().splitField().selectAll();
        });
        robot.write(FeatureCsv.ISO.format(t.timestamp(40))).type(KeyCode.ENTER);
        waitFor(20, () -> model.trainRows() == 41);
        click("2 Signals");
        click("3 Bearing physics");
        waitFor(20, () -> window.physicsPane().shadedUntil() == modelEnd);
        assertEquals(modelEnd, window.dataPane().shadedUntil(), "Data shades the model's range");
        assertEquals(modelEnd, window.signalsPane().shadedUntil(), "Signals too");
        assertTrue(window.dataPane().lookupAll(".label").stream()
                .anyMatch(n -> n instanceof Label l
                        && l.getText().contains("the split line marks the next training's split")));
        robot.interact(() -> model.trainUntilProperty().set(t.timestamp(a.trainRows() - 1)));
    }

    @Test
    void theTimelinesThresholdFollowsEveryStepOfADrag() throws Exception {
        click("5 Threshold & anomalies");
        WaitForAsyncUtils.waitForFxEvents();
        XYChart timeline = window.thresholdPane().timeline();
        double before = model.analysisProperty().get().threshold().value();
        double y = timeline.getYAxis().getDisplayPosition(before);
        Point2D at = timeline.getCanvas().localToScreen(timeline.getCanvas().getWidth() * 0.5, y);
        robot.moveTo(at).press(MouseButton.PRIMARY);
        double[] steps = {10, 10, 20};
        double moved = 0;
        double last = before;
        for (double step : steps) {
            robot.moveBy(0, step);
            moved += step;
            double m = moved;
            double expected = timeline.getYAxis().getValueForDisplay(y + m);
            try {
                waitFor(
                        10,
                        () -> Math.abs(model.analysisProperty()
                                                .get()
                                                .threshold()
                                                .value()
                                        - expected)
                                < 0.05 * expected);
            } catch (TimeoutException e) {
                throw new AssertionError("after " + m + " px the threshold is "
                        + model.analysisProperty().get().threshold().value() + ", the pointer at " + expected
                        + " (started at " + before + ")");
            }
            double now = model.analysisProperty().get().threshold().value();
            assertTrue(now < last, "each step moves the threshold down: " + last + " -> " + now);
            last = now;
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int episodes = model.analysisProperty().get().alarms().episodes().size();
        assertEquals(
                episodes,
                timeline.getPlugins().stream()
                        .filter(p -> p instanceof XRangeIndicator)
                        .count(),
                "the alarm shades follow on release");
        robot.interact(() -> model.thresholdMethodProperty()
                .set(Thresholds.parse("robust:3", model.ruleProperty().get())));
    }

    @Test
    void aLifeModelForecastsTheRunAsRulPredictDoes() throws Exception {
        Path dir = Files.createTempDirectory("life");
        Path file = dir.resolve("life.bwr");
        SyntheticRuns.lifeModel().write(file);
        click("8 Health & life");
        robot.clickOn(window.healthPane().lifeModel()).write(file.toString());
        click("Forecast with life model");
        waitFor(60, () -> !window.healthPane().lifeForecasts().getItems().isEmpty());
        var t = model.table();
        List<LifeForecast> engine =
                LifeForecaster.every(LifeModel.read(file), t, LifeForecaster.defaultEverySeconds(t));
        assertEquals(engine, window.healthPane().lifeForecasts().getItems());
        assertEquals(
                LifeModel.read(file).failureSource(),
                model.lifeModelProperty().get().failureSource(),
                "the incident report forecasts with it too");
        Path csv = dir.resolve("features.csv");
        FeatureCsv.write(t, csv);
        String[] cli = CliRunner.run("rul", "predict", csv.toString(), "--model", file.toString(), "--json");
        assertEquals("0", cli[0], cli[2]);
        var json = new ObjectMapper().readTree(cli[1]).get("forecasts");
        assertEquals(engine.size(), json.size());
        LifeForecast last = engine.get(engine.size() - 1);
        assertEquals(
                Math.round(last.rulSeconds()),
                json.get(json.size() - 1).get("rul_seconds").asLong());
        assertTrue(
                window.healthPane().status().getText().contains(String.format("%.0f s to failure", last.rulSeconds())),
                window.healthPane().status().getText());
        assertFits(engine);

        // every hour, as rul predict --every 3600: typed in its field
        robot.clickOn(window.healthPane().every()).write("3600");
        click("Forecast with life model");
        List<LifeForecast> hourly = LifeForecaster.every(LifeModel.read(file), t, 3600);
        waitFor(60, () -> window.healthPane().lifeForecasts().getItems().equals(hourly));
        String[] cliHourly = CliRunner.run(
                "rul", "predict", csv.toString(), "--model", file.toString(), "--every", "3600", "--json");
        assertEquals(
                hourly.size(),
                new ObjectMapper().readTree(cliHourly[1]).get("forecasts").size());
        assertFits(hourly);
        screenshot("health-life-model.png");
    }

    /** Every decision and median on the life chart: its axis from 0 to a little above the largest. */
    private static void assertFits(List<LifeForecast> f) {
        var y = (DefaultNumericAxis) window.healthPane().life().getYAxis();
        double top = f.stream()
                .mapToDouble(e -> Math.max(e.rulSeconds(), e.medianSeconds()) / 3600)
                .max()
                .orElseThrow();
        assertEquals(0, y.getMin(), 0);
        assertTrue(y.getMax() >= top && y.getMax() <= 1.2 * top, y.getMax() + " for " + top + " h");
    }

    @Test
    void waterfallAndKurtogramOfTheRunAndOneFile() throws Exception {
        click("9 Waterfall & kurtogram");
        click("Draw waterfall");
        waitFor(60, () -> window.spectraPane().waterfall().waterfall() != null);
        var w = window.spectraPane().waterfall().waterfall();
        assertEquals(40, w.lines().size());
        assertEquals(0, w.lines().get(0).row());
        assertEquals(159, w.lines().get(39).row());
        assertTrue(
                window.spectraPane().status().getText().startsWith("ch1: 40 files"),
                window.spectraPane().status().getText());
        robot.interact(() -> model.selectedRowProperty().set(150));
        click("Kurtogram of the file");
        waitFor(60, () -> window.spectraPane().kurtogram().kurtogram() != null);
        var k = window.spectraPane().kurtogram().kurtogram();
        var v = model.dataProperty()
                .get()
                .rawSource()
                .orElseThrow()
                .read(model.table().file(150), model.table().timestamp(150), new SnapshotReader());
        var direct = Kurtogram.of(Arrays.copyOf(v.channel(0), v.rows()), v.rows(), 20000);
        assertEquals(direct.best(), k.best());
        assertTrue(window.spectraPane()
                .kurtogramText()
                .getText()
                .startsWith(model.table().file(150) + " ch1"));
        click("Use this band for envelope analysis");
        var p = model.physicsSettingsProperty().get();
        assertEquals(Math.max(1, k.best().lowHz()), p.bandLowHz(), 1e-9);
        assertEquals(k.best().highHz(), p.bandHighHz(), 1e-9);
        screenshot("spectra.png");
    }

    @Test
    void theIncidentReportIsWrittenFromTheWindow() throws Exception {
        Path html = tmp.resolve("incident.html");
        robot.interact(() -> wb.exports().exportIncidentReport(html));
        waitFor(60, () -> window.exportPane().incidentState().getText().equals("Written: " + html));
        var parser = Parser.htmlParser().setTrackErrors(50);
        var d = Jsoup.parse(Files.readString(html), "", parser);
        assertEquals(List.of(), parser.getErrors());
        String first = FeatureCsv.ISO.format(
                model.analysisProperty().get().firstAlarmTime().orElseThrow());
        assertTrue(d.getElementById("verdict").text().contains("First sustained alarm: " + first));
        assertTrue(d.getElementById("detectors") != null && d.getElementById("life") != null);
    }

    @Test
    void theRecentMenuListsTheOpenDataAndReopensIt() throws Exception {
        String path = SampleData.DIR.toAbsolutePath().normalize().toString();
        var item = window.recentMenu().getItems().stream()
                .filter(i -> path.equals(i.getText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not in the recent menu: " + path));
        var before = model.dataProperty().get();
        robot.interact(item::fire);
        waitFor(
                60,
                () -> model.dataProperty().get() != before
                        && model.analysisProperty().get() != null);
        assertEquals(path, model.dataSourceProperty().get());
        assertEquals(160, model.table().rowCount());
        assertEquals(path, window.recentMenu().getItems().get(0).getText(), "the last opened first");
    }

    @Test
    void aDroppedDirectoryOpensAndAnEmptyDropDoesNothing() throws Exception {
        var before = model.dataProperty().get();
        AtomicBoolean nothing = new AtomicBoolean(true);
        robot.interact(() -> nothing.set(wb.data().openDropped(List.of())));
        assertTrue(!nothing.get(), "an empty drop is not taken");
        assertTrue(model.dataProperty().get() == before);
        robot.interact(() -> wb.data().openDropped(List.of(SampleData.DIR.toFile())));
        waitFor(
                60,
                () -> model.dataProperty().get() != before
                        && model.analysisProperty().get() != null);
        assertEquals(
                SampleData.DIR.toAbsolutePath().normalize().toString(),
                model.dataSourceProperty().get());
    }
}
