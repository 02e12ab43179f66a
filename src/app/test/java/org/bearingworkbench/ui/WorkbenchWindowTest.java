package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.cli.CliRunner;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ConfigField;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.ui.data.FeatureTableView;
import org.bearingworkbench.ui.model.ModelForm;
import org.bearingworkbench.ui.shell.ModelEntry;
import org.bearingworkbench.ui.shell.WindowPrefs;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.threshold.ThresholdChooser;
import org.bearingworkbench.ui.threshold.ThresholdPane;
import org.bearingworkbench.ui.widgets.AlignedTimeAxes;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.bearingworkbench.ui.widgets.Charts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle): the workflow a user follows, step by step, on the sample data. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchWindowTest {
    private static Stage stage;
    private static WorkbenchModel model;
    private static Workbench wb;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void openWindow() throws Exception {
        TestWindow w =
                TestWindow.open("org/bearingworkbench/test-ui", c -> c.data().openData(SampleData.DIR));
        stage = w.stage();
        model = w.model();
        wb = w.wb();
        window = w.window();
        waitFor(60, () -> model.table() != null);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    static void waitFor(int seconds, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int points(XYChart chart, int dataSet) {
        DataSet ds = chart.getDatasets().get(dataSet);
        return ds.getDataCount();
    }

    @Test
    @Order(10)
    void openingSampleDataFillsTheDataPane() throws Exception {
        assertEquals(160, model.table().rowCount());
        assertTrue(stage.getTitle().contains("ims-synthetic"), stage.getTitle());
        // looked up on the FX thread: the physics pass may be adding the table's columns meanwhile
        AtomicReference<FeatureTableView> found = new AtomicReference<>();
        robot.interact(
                () -> found.set(robot.lookup(n -> n instanceof FeatureTableView).queryAs(FeatureTableView.class)));
        var table = found.get();
        // the table fills a frame after the charts, and again with the physics pass's columns (its rows stay)
        waitFor(
                20,
                () -> table.getItems().size() == 160
                        && table.getColumns().size()
                                == 2 + model.table().featureColumns().size());
        assertEquals(160, table.getItems().size());
        AtomicReference<Boolean> training = new AtomicReference<>();
        robot.interact(() -> training.set(robot.lookup("Training: 72 rows (45%), test: 88 rows.")
                .tryQuery()
                .isPresent()));
        assertTrue(training.get());
    }

    @Test
    @Order(20)
    void pickingAFileShowsItsWaveformAndSpectrum() throws Exception {
        robot.clickOn("2 Signals");
        XYChart trend = chartTitled("Trend over the run");
        Point2D p = trend.getCanvas()
                .localToScreen(
                        trend.getCanvas().getWidth() * 0.9, trend.getCanvas().getHeight() / 2);
        robot.clickOn(p, MouseButton.PRIMARY);
        waitFor(20, () -> chartTitled("Amplitude spectrum").getDatasets().size() == 4);
        assertTrue(
                model.selectedRowProperty().get() > 130,
                "picked row " + model.selectedRowProperty().get());
        assertEquals(2048, points(chartTitled("Waveform of the selected file"), 0));
        assertEquals(1025, points(chartTitled("Amplitude spectrum"), 0));
        // the envelope's markers: FTF (15 Hz, at the axis's left end) keeps its whole label inside the plot
        XYChart envelope = chartTitled("Envelope");
        Supplier<Label> ftf = () -> robot.lookup(n -> n instanceof Label l && "FTF".equals(l.getText()))
                .tryQueryAs(Label.class)
                .orElse(null);
        waitFor(30, () -> ftf.get() != null && ftf.get().getWidth() > 0);
        Bounds label = ftf.get().localToScene(ftf.get().getLayoutBounds());
        Bounds plot = envelope.getCanvas().localToScene(envelope.getCanvas().getLayoutBounds());
        assertTrue(
                label.getMinX() >= plot.getMinX() - 0.5 && label.getMaxX() <= plot.getMaxX() + 0.5,
                "FTF's label " + label + " inside the plot " + plot);
    }

    @Test
    @Order(30)
    void trainingThreeEpochsDrawsThreePointsOnTheLossChart() throws Exception {
        robot.clickOn("4 Model");
        typeInto(window.modelPane().form().epochs(), "3");
        assertEquals("3", window.modelPane().form().epochs().getText());
        robot.clickOn("Train");
        waitFor(120, () -> model.analysisProperty().get() != null);
        XYChart loss = chartTitled("Loss per epoch (live)");
        assertEquals(3, points(loss, 0));
        assertEquals(3, points(loss, 1));
        // the window's default columns are the command line's: the bearing is known, so the defect indicators too
        Path cliModel = tmp.resolve("cli-default.bwm");
        String[] cli = CliRunner.run(
                "train",
                SampleData.DIR.toString(),
                "--epochs",
                "3",
                "--train-until",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(model.trainUntilProperty().get()),
                "-o",
                cliModel.toString());
        assertEquals("0", cli[0], cli[2]);
        ModelBundle fromCli = ModelBundle.load(cliModel);
        ModelBundle inWindow = model.bundleProperty().get();
        assertTrue(
                inWindow.model().columns().contains("ch1_bpfo"),
                inWindow.model().columns().toString());
        assertEquals(fromCli.model().columns(), inWindow.model().columns());
        // four columns per channel: the flagged table heads each error by its column, no heading twice
        robot.clickOn("5 Threshold & anomalies");
        List<String> headings = robot.lookup(".table-view").queryAllAs(TableView.class).stream()
                .filter(Node::isVisible)
                .map(tv -> ((TableView<?>) tv)
                        .getColumns().stream().map(TableColumnBase::getText).toList())
                .filter(h -> h.contains("top channel") && h.contains("split"))
                .findFirst()
                .orElseThrow()
                .stream()
                .filter(h -> h.startsWith("error "))
                .toList();
        assertEquals(inWindow.model().columns().size(), headings.size(), headings.toString());
        assertEquals(headings.size(), new HashSet<>(headings).size(), headings.toString());
        assertTrue(headings.contains("error ch1_bpfo"), headings.toString());
        Label head = robot.lookup(".column-header .label").queryAllAs(Label.class).stream()
                .filter(l -> "error ch1_bpfo".equals(l.getText()) && l.isVisible())
                .findFirst()
                .orElseThrow();
        assertEquals("error ch1_bpfo", ((Text) head.lookup(".text")).getText(), "the heading is not cut off");
        robot.clickOn("4 Model");
        // the models list's box and the columns field show their whole text, not cut off with "..."
        Supplier<ListCell<?>> modelBox = () -> robot.lookup(".combo-box .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && c.getText() != null && c.getText().startsWith("#"))
                .findFirst()
                .orElse(null);
        waitFor(10, () -> modelBox.get() != null);
        ListCell<?> box = modelBox.get();
        Text shown = (Text) box.lookup(".text");
        assertEquals(box.getText(), shown.getText(), "the box's label is not cut off");
        TextField columnsField = window.modelPane().form().columns();
        double needed = new Text(columnsField.getText()).getLayoutBounds().getWidth();
        assertTrue(columnsField.getWidth() > needed, columnsField.getWidth() + " px for " + needed + " px of text");
        assertEquals(
                fromCli.history().stream()
                        .map(e -> List.of(e.loss(), e.validationLoss()))
                        .toList(),
                inWindow.history().stream()
                        .map(e -> List.of(e.loss(), e.validationLoss()))
                        .toList(),
                "the same losses");
    }

    @Test
    @Order(40)
    void invalidSettingIsShownUnderItsFieldAndBlocksTraining() throws Exception {
        // a new form shows the core's defaults: the study's model
        AtomicReference<ModelConfig> fresh = new AtomicReference<>();
        robot.interact(() -> fresh.set(new ModelForm().validate()));
        assertEquals(ModelConfig.defaults(), fresh.get());
        typeInto(window.modelPane().form().batch(), "0");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("between 1 and 100000 (got 0)").tryQuery().isPresent());
        assertEquals(
                "between 1 and 100000 (got 0)",
                window.modelPane().form().error(ConfigField.BATCH_SIZE),
                "under the batch size box, not another");
        assertTrue(robot.lookup("Train").queryButton().isDisabled());
        typeInto(window.modelPane().form().batch(), "10");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("Train").queryButton().isDisabled());
        typeInto(window.modelPane().form().l2(), "2");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("weight penalty in [0, 1) (got 2.0)").tryQuery().isPresent());
        assertEquals(
                "weight penalty in [0, 1) (got 2.0)", window.modelPane().form().error(ConfigField.L2));
        assertTrue(robot.lookup("Train").queryButton().isDisabled());
        typeInto(window.modelPane().form().l2(), "0");
        robot.interact(() -> window.modelPane().form().gateActivation().setValue("sigmoid"));
        assertEquals("sigmoid", window.modelPane().form().validate().gateActivation());
        robot.interact(() -> window.modelPane().form().gateActivation().setValue("hard_sigmoid"));
        assertTrue(!robot.lookup("Train").queryButton().isDisabled());
    }

    @Test
    @Order(50)
    void draggingTheThresholdLineChangesFlaggedCountAndTimeline() throws Exception {
        robot.clickOn("5 Threshold & anomalies");
        WaitForAsyncUtils.waitForFxEvents();
        ThresholdPane pane = window.thresholdPane();
        double before = model.analysisProperty().get().threshold().value();
        int flaggedBefore = model.analysisProperty().get().alarms().flaggedCount();
        String countsBefore = pane.counts().getText();
        XYChart hist = pane.histogram();
        double x = hist.getXAxis().getDisplayPosition(before);
        Point2D at = hist.getCanvas().localToScreen(x, hist.getCanvas().getHeight() * 0.5);
        robot.moveTo(at)
                .press(MouseButton.PRIMARY)
                .moveBy(-hist.getCanvas().getWidth() * 0.3, 0)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double after = model.analysisProperty().get().threshold().value();
        assertTrue(after < before, before + " -> " + after);
        assertTrue(model.analysisProperty().get().threshold().method().startsWith("manual:"));
        assertTrue(model.analysisProperty().get().alarms().flaggedCount() > flaggedBefore);
        assertNotEquals(countsBefore, pane.counts().getText());
        XYChart timeline = chartTitled("Scores over time");
        assertEquals(
                model.analysisProperty().get().alarms().flaggedCount(),
                timeline.getRenderers().get(1).getDatasets().get(0).getDataCount());
    }

    @Test
    @Order(60)
    void choosingAMethodMovesTheLineAndExplainsIt() throws Exception {
        ThresholdPane pane = window.thresholdPane();
        robot.interact(() -> pane.chooser().method().setValue(ThresholdChooser.CHOICES.get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        var a = model.analysisProperty().get();
        assertEquals("percentile:99", a.threshold().method());
        assertEquals(a.threshold().value(), pane.thresholdLine().getValue(), 1e-12);
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText().startsWith("The 99th percentile"))
                .tryQuery()
                .isPresent());
    }

    @Test
    @Order(70)
    void exportedReportReadsBack() throws Exception {
        Path out = tmp.resolve("report.csv");
        robot.interact(() -> wb.exports().exportReport(out, false));
        waitFor(20, () -> Files.exists(out));
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# threshold: ")));
        assertEquals(161, lines.stream().filter(l -> !l.startsWith("#")).count());
    }

    @Test
    @Order(80)
    void clickingAFlaggedRowJumpsToThatFileInSignals() throws Exception {
        robot.clickOn("5 Threshold & anomalies");
        var table = robot.lookup(".table-view")
                .match(n -> n.isVisible()
                        && ((TableView<?>) n).getItems().size() > 0
                        && n.getScene() != null
                        && isShowing(n))
                .queryAs(TableView.class);
        Integer first = (Integer) table.getItems().get(0);
        Node cell = robot.from(table)
                .lookup(".table-row-cell")
                .match(n -> n.isVisible() && first.equals(((TableRow<?>) n).getItem()))
                .queryAs(Node.class);
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first.intValue(), model.selectedRowProperty().get());
        assertEquals(
                "signals", window.tabs().getSelectionModel().getSelectedItem().getId());
    }

    @Test
    @Order(90)
    void importsTheStudysKerasModelAndScoresWithIt() throws Exception {
        Path h5 = SharedData.file("seed-model/Cloud_model.h5");
        Path scaler = SharedData.file("seed-model/scaler_params.json");
        var before = model.analysisProperty().get();
        robot.interact(() -> wb.models().importKeras(h5, scaler));
        waitFor(
                60,
                () -> model.analysisProperty().get() != before
                        && model.analysisProperty().get() != null
                        && model.modelSourceProperty().get().endsWith("(Keras)"));
        assertEquals(3236, model.bundleProperty().get().model().parameterCount());
        assertEquals(160, model.analysisProperty().get().scores().rows());
    }

    @Test
    @Order(100)
    void envelopeSentenceNamesTheOuterRaceDefectOfALateFile() throws Exception {
        waitFor(60, () -> model.physicsProperty().get() != null);
        robot.interact(() -> window.showFile(model.table().rowCount() - 2));
        waitFor(
                20,
                () -> robot.lookup(n -> n instanceof Label l && l.getText().contains(": ch1: "))
                        .tryQuery()
                        .isPresent());
        String sentence = robot.lookup(n -> n instanceof Label l && l.getText().contains(": ch1: "))
                .queryAs(Label.class)
                .getText();
        assertTrue(sentence.contains(": ch1: BPFO (outer race), confidence"), sentence);
        assertTrue(model.table().hasColumn("ch1_bpfo"), "indicator columns join the feature table");
    }

    @Test
    @Order(105)
    void theBearingPhysicsTabDiagnosesTheLastFileAsTheCommandLineDoes() throws Exception {
        waitFor(60, () -> model.physicsProperty().get() != null);
        robot.clickOn("3 Bearing physics");
        String last = model.table().file(model.table().rowCount() - 1);
        waitFor(
                20,
                () -> robot.lookup(n -> n instanceof Label l && l.getText().startsWith(last + ": ch1: "))
                        .tryQuery()
                        .isPresent());
        String shown = robot.lookup(n -> n instanceof Label l && l.getText().startsWith(last + ": ch1: "))
                .queryAs(Label.class)
                .getText();
        // the spectrogram (with its colour bar) and the indicators share one time axis position: a moment is at
        // one x in both
        XYChart spectrogram = chartTitled("Run spectrogram (log amplitude)");
        XYChart indicators = chartTitled("Defect indicators over the run (envelope peak / noise floor)");
        waitFor(10, () -> {
            Bounds a = AlignedTimeAxes.axisBounds(spectrogram);
            Bounds b = AlignedTimeAxes.axisBounds(indicators);
            return a != null
                    && b != null
                    && Math.abs(a.getMinX() - b.getMinX()) < 1
                    && Math.abs(a.getMaxX() - b.getMaxX()) < 1;
        });
        String[] cli = CliRunner.run("envelope", SampleData.DIR.resolve(last).toString(), "--channel", "1", "--json");
        assertEquals("0", cli[0], cli[2]);
        var json = new ObjectMapper().readTree(cli[1]);
        assertTrue(shown.startsWith(last + ": ch1: " + json.get("verdict").asText() + " ("), shown + " vs " + cli[1]);
        assertTrue(
                shown.contains(String.format(
                        Locale.ROOT, "confidence %.2f", json.get("confidence").asDouble())),
                shown + " vs " + cli[1]);
        assertTrue(shown.contains(": ch1: BPFO (outer race)"), shown);
    }

    @Test
    @Order(110)
    void aBadDirectoryShowsTheReasonAndKeepsTheOpenData() throws Exception {
        var before = model.table();
        robot.interact(() -> wb.data().openData(tmp.resolve("no-such-run")));
        waitFor(20, () -> dialogText().isPresent());
        assertTrue(
                dialogText().get().contains("no-such-run: no such file or directory"),
                dialogText().get());
        closeDialog();
        assertEquals(before, model.table());
    }

    @Test
    @Order(120)
    void aCorruptModelShowsTheReasonAndKeepsTheCurrentModel() throws Exception {
        var before = model.bundleProperty().get();
        Path bad = Files.writeString(tmp.resolve("broken.bwm"), "not a model");
        robot.interact(() -> wb.models().openModel(bad));
        waitFor(20, () -> dialogText().isPresent());
        assertTrue(
                dialogText().get().startsWith("broken.bwm: not a Bearing Workbench model bundle"),
                dialogText().get());
        closeDialog();
        assertEquals(before, model.bundleProperty().get());
    }

    @Test
    @Order(130)
    void stoppingTrainingKeepsTheLastFinishedEpochs() throws Exception {
        robot.clickOn("4 Model");
        typeInto(window.modelPane().form().epochs(), "5000");
        robot.clickOn("Train");
        waitFor(60, () -> model.history().size() >= 2);
        robot.clickOn("Stop");
        waitFor(60, () -> model.modelSourceProperty().get().contains("stopped"));
        int epochs = model.bundleProperty().get().history().size();
        assertTrue(epochs >= 2 && epochs < 5000, epochs + " epochs");
        assertTrue(model.analysisProperty().get() != null);
    }

    @Test
    @Order(600)
    void draggingTheTimelineLineMovesTheSameThresholdEverywhere() throws Exception {
        robot.clickOn("5 Threshold & anomalies");
        WaitForAsyncUtils.waitForFxEvents();
        ThresholdPane pane = window.thresholdPane();
        double before = model.analysisProperty().get().threshold().value();
        XYChart timeline = chartTitled("Scores over time");
        double y = timeline.getYAxis().getDisplayPosition(before);
        Point2D at = timeline.getCanvas().localToScreen(timeline.getCanvas().getWidth() * 0.5, y);
        robot.moveTo(at)
                .press(MouseButton.PRIMARY)
                .moveBy(0, -timeline.getCanvas().getHeight() * 0.15)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        var a = model.analysisProperty().get();
        assertTrue(
                a.threshold().value() > before, before + " -> " + a.threshold().value());
        assertTrue(a.threshold().method().startsWith("manual:"), a.threshold().method());
        assertEquals(a.threshold().value(), pane.thresholdLine().getValue(), 1e-12, "the histogram's line follows");
        assertTrue(
                pane.counts().getText().contains(Integer.toString(a.alarms().flaggedCount())),
                pane.counts().getText());
    }

    @Test
    @Order(610)
    void withTestScoresShownTheThresholdLineStaysOnTheChartAndDraggable() throws Exception {
        ThresholdPane pane = window.thresholdPane();
        var showTest = robot.lookup(n -> n instanceof CheckBox c && "show test scores".equals(c.getText()))
                .queryAs(CheckBox.class);
        robot.interact(() -> showTest.fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showTest.isSelected());
        var a = model.analysisProperty().get();
        XYChart hist = pane.histogram();
        double t = a.threshold().value();
        assertTrue(hist.getXAxis().getMax() >= 1.5 * t && hist.getXAxis().getMin() <= 0, "room to drag on both sides");
        double x = hist.getXAxis().getDisplayPosition(t);
        assertTrue(x > 0 && x < hist.getCanvas().getWidth(), "line inside the plot: " + x);
        DataSet train = hist.getRenderers().get(1).getDatasets().get(0);
        int used = 0;
        for (int i = 0; i < train.getDataCount(); i++) {
            used += train.get(DataSet.DIM_Y, i) > 0 ? 1 : 0;
        }
        double maxScore = Arrays.stream(a.scores().score()).max().orElseThrow();
        assertTrue(
                used >= 5,
                "training scores spread over " + used + " bins (test scores up to " + maxScore + ", threshold " + t
                        + ")");
        robot.moveTo(hist.getCanvas().localToScreen(x, hist.getCanvas().getHeight() * 0.5))
                .press(MouseButton.PRIMARY)
                .moveBy(hist.getCanvas().getWidth() * 0.1, 0)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.analysisProperty().get().threshold().value() > t, "dragged");
        robot.interact(() -> showTest.fire());
    }

    @Test
    @Order(620)
    void aSavedModelReopensWithItsMethodAndPersistenceRule() throws Exception {
        ThresholdPane pane = window.thresholdPane();
        robot.interact(() -> model.ruleProperty().set(new PersistenceRule(2, 3)));
        robot.interact(() -> pane.chooser().method().setValue(ThresholdChooser.CHOICES.get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(20, () -> model.analysisProperty().get().threshold().method().startsWith("robust"));
        double saved = model.analysisProperty().get().threshold().value();
        Path file = tmp.resolve("tuned.bwm");
        robot.interact(() -> wb.models().saveModel(file));
        waitFor(20, () -> Files.exists(file));
        robot.interact(() -> model.ruleProperty().set(PersistenceRule.defaults()));
        var before = model.analysisProperty().get();
        robot.interact(() -> wb.models().openModel(file));
        waitFor(
                30,
                () -> model.modelSourceProperty().get().equals("tuned.bwm")
                        && model.analysisProperty().get() != before
                        && model.analysisProperty().get() != null);
        assertEquals("2/3", model.ruleProperty().get().toString());
        var a = model.analysisProperty().get();
        assertTrue(a.threshold().method().startsWith("robust"), a.threshold().method());
        assertEquals(saved, a.threshold().value(), 1e-12);
        assertEquals("2/3", a.alarms().rule().toString());
    }

    @Test
    @Order(625)
    void undoRestoresThePreviousThresholdAndCountsAndRedoReappliesTheDrag() throws Exception {
        robot.clickOn("5 Threshold & anomalies");
        ThresholdPane pane = window.thresholdPane();
        robot.interact(() -> pane.chooser().method().setValue(ThresholdChooser.CHOICES.get(0)));
        waitFor(20, () -> model.analysisProperty().get().threshold().method().startsWith("robust"));
        var tuned = model.analysisProperty().get();
        String countsTuned = pane.counts().getText();
        String ruleTuned = model.ruleProperty().get().toString();
        robot.sleep(300); // a pulse lays the chart out at the new range
        XYChart hist = pane.histogram();
        double x = hist.getXAxis().getDisplayPosition(tuned.threshold().value());
        robot.moveTo(hist.getCanvas().localToScreen(x, hist.getCanvas().getHeight() * 0.5))
                .press(MouseButton.PRIMARY)
                .moveBy(-hist.getCanvas().getWidth() * 0.1, 0)
                .moveBy(-hist.getCanvas().getWidth() * 0.1, 0)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        var dragged = model.analysisProperty().get();
        assertTrue(
                dragged.threshold().value() < tuned.threshold().value()
                        && dragged.threshold().method().startsWith("manual:"),
                tuned.threshold() + " -> " + dragged.threshold() + " at x " + x);
        robot.interact(() -> model.ruleProperty().set(new PersistenceRule(1, 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1/1", model.analysisProperty().get().alarms().rule().toString());

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ruleTuned, model.ruleProperty().get().toString(), "first undo: the rule");
        ThresholdChooser chooser = window.thresholdPane().chooser();
        assertEquals(
                ruleTuned,
                chooser.n().getValue() + "/" + chooser.m().getValue(),
                "the spinners show the rule undone to");
        assertEquals(
                dragged.threshold().value(),
                model.analysisProperty().get().threshold().value(),
                1e-12);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        var undone = model.analysisProperty().get();
        assertEquals(tuned.threshold().value(), undone.threshold().value(), 1e-12, "the whole drag is one step");
        assertEquals(tuned.threshold().method(), undone.threshold().method());
        assertEquals(tuned.alarms().flaggedCount(), undone.alarms().flaggedCount());
        assertEquals(countsTuned, pane.counts().getText());
        assertEquals(tuned.threshold().value(), pane.thresholdLine().getValue(), 1e-12, "the line is back too");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                dragged.threshold().value(),
                model.analysisProperty().get().threshold().value(),
                1e-12,
                "redo");
        assertEquals(
                dragged.alarms().flaggedCount(),
                model.analysisProperty().get().alarms().flaggedCount());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                tuned.threshold().value(),
                model.analysisProperty().get().threshold().value(),
                1e-12);
    }

    @Test
    @Order(626)
    void aProjectReopensWithTheSameAlarmsCountsAndReport() throws Exception {
        robot.interact(() -> {
            model.ruleProperty().set(new PersistenceRule(2, 3));
            model.thresholdMethodProperty()
                    .set(new ManualThreshold(
                            model.analysisProperty().get().threshold().value() * 0.8));
        });
        WaitForAsyncUtils.waitForFxEvents();
        var before = model.analysisProperty().get();
        int modelsBefore = model.models().size();
        String activeSource = model.modelSourceProperty().get();
        Path reportA = tmp.resolve("before.csv");
        robot.interact(() -> wb.exports().exportReport(reportA, false));
        waitFor(20, () -> Files.exists(reportA));
        Path project = tmp.resolve("session.bwp");
        robot.interact(() -> wb.projects().saveProject(project, window.layout()));
        waitFor(30, () -> Files.exists(project) && !model.hasUnsavedProject());

        robot.interact(() -> {
            model.ruleProperty().set(new PersistenceRule(1, 1));
            model.thresholdMethodProperty()
                    .set(Thresholds.parse("percentile:99", model.ruleProperty().get()));
            window.tabs().getSelectionModel().select(0);
        });
        assertTrue(model.hasUnsavedProject(), "a changed threshold is a change to the session");
        var changed = model.analysisProperty().get();
        robot.interact(() -> wb.projects().openProject(project, window::applyLayout));
        waitFor(
                60,
                () -> model.analysisProperty().get() != null
                        && model.analysisProperty().get() != changed
                        && !model.hasUnsavedProject());
        var after = model.analysisProperty().get();
        assertEquals(before.threshold().value(), after.threshold().value(), 0.0);
        assertEquals(before.threshold().method(), after.threshold().method());
        assertEquals("2/3", after.alarms().rule().toString());
        assertEquals(before.alarms().flaggedCount(), after.alarms().flaggedCount());
        assertEquals(before.firstAlarmTime(), after.firstAlarmTime());
        assertEquals(before.trainRows(), after.trainRows());
        assertEquals(modelsBefore, model.models().size(), "every model of the session comes back");
        assertEquals(activeSource, model.modelSourceProperty().get());
        assertEquals(
                "threshold", window.tabs().getSelectionModel().getSelectedItem().getId(), "the pane shown comes back");
        Path reportB = tmp.resolve("after.csv");
        robot.interact(() -> wb.exports().exportReport(reportB, false));
        waitFor(20, () -> Files.exists(reportB));
        assertEquals(withoutCreatedAt(reportA), withoutCreatedAt(reportB));
    }

    @Test
    @Order(627)
    void everyChartExportsAsATitledPngWithoutButtonsAndTimeAxesShowTheYear() throws Exception {
        robot.clickOn("5 Threshold & anomalies");
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(300);
        XYChart timeline = chartTitled("Scores over time");
        var ticks = Charts.xAxis(timeline).getTickMarks();
        assertTrue(
                !ticks.isEmpty() && ticks.stream().allMatch(t -> t.getText().startsWith("2025-")),
                "time ticks with the year: "
                        + ticks.stream().map(t -> t.getText()).toList());
        XYChart hist = window.thresholdPane().histogram();
        assertTrue(
                Charts.xAxis(hist).getTickMarks().stream()
                        .noneMatch(t -> t.getText().contains("E")),
                "no 0E0 ticks");
        double chartWidth = hist.getWidth();
        Path dir = tmp.resolve("charts");
        List<Path>[] written = new List[1];
        robot.interact(() -> {
            try {
                written[0] = window.exportAllCharts(dir, 192);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(written[0].size() >= 8, "every pane's charts: " + written[0]);
        assertEquals(
                "threshold", window.tabs().getSelectionModel().getSelectedItem().getId(), "the pane shown comes back");
        Path png = dir.resolve("threshold-score-distribution-drag-the-red-line.png");
        assertTrue(written[0].contains(png), written[0].toString());
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            var img = reader.read(0);
            assertTrue(
                    Math.abs(img.getWidth() - 2 * chartWidth) < 40,
                    img.getWidth() + " px for a " + chartWidth + " px chart at 2x");
            var dims = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_1.0");
            var h = (IIOMetadataNode)
                    dims.getElementsByTagName("HorizontalPixelSize").item(0);
            // the JDK's PNG reader reports this value as pixels per millimetre (JDK-5106305), its writer takes mm per
            // pixel
            double v = Double.parseDouble(h.getAttribute("value"));
            assertEquals(192, v > 1 ? v * 25.4 : 25.4 / v, 2, "192 dpi recorded (" + v + ")");
            // the title bar's PNG button is not in the image: its top-right corner is white, where the button sat
            int corner = img.getRGB(img.getWidth() - 30, 12);
            assertEquals(0xFFFFFFFF, corner, "no button in the exported image");
        }
    }

    private static List<String> withoutCreatedAt(Path report) throws IOException {
        return Files.readAllLines(report).stream()
                .filter(l -> !l.startsWith("# created_at:"))
                .toList();
    }

    @Test
    @Order(630)
    void theRecentMenuShowsNamesAsTheyAre() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("2nd_test"));
        try (var files = Files.list(SampleData.DIR)) {
            for (Path p : files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                Files.copy(p, run.resolve(p.getFileName()));
            }
        }
        robot.interact(() -> wb.data().openData(run));
        waitFor(60, () -> stage.getTitle().contains("2nd_test"));
        var bar = robot.lookup(n -> n instanceof MenuBar).queryAs(MenuBar.class);
        var recent = (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(i -> "Recent data sets and projects".equals(i.getText()))
                .findFirst()
                .orElseThrow();
        WaitForAsyncUtils.waitForFxEvents();
        var item = recent.getItems().stream()
                .filter(i -> i.getText().endsWith("2nd_test"))
                .findFirst()
                .orElseThrow();
        assertTrue(!item.isMnemonicParsing(), "no mnemonic: the underscore is shown");
        assertTrue(
                recent.getItems().stream()
                        .anyMatch(i -> i.getText() != null
                                && i.getText().startsWith("Project ")
                                && i.getText().endsWith("session.bwp")),
                "the project saved before is listed");
    }

    @Test
    @Order(640)
    void unknownColumnsBlockTrainingAndAFailedTrainingSaysWhyAndKeepsTheModel() throws Exception {
        robot.clickOn("4 Model");
        var form = window.modelPane().form();
        robot.interact(() -> form.columns().setText("foo*"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                robot.lookup(n -> n instanceof Label l && l.getText().contains("foo*"))
                        .tryQuery()
                        .isPresent(),
                "the problem shows under the field");
        assertTrue(robot.lookup("Train").queryButton().isDisabled());
        robot.interact(() -> form.columns().setText("*_mean_abs"));
        robot.interact(() -> form.epochs().setText("3"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("Train").queryButton().isDisabled());
        var kept = model.bundleProperty().get();
        int history = model.history().size();
        var until = model.trainUntilProperty().get();
        robot.interact(() -> model.trainUntilProperty().set(model.table().timestamp(0)));
        robot.clickOn("Train");
        waitFor(
                60,
                () -> robot.lookup(n -> n instanceof Label l && l.getText().startsWith("Training failed:"))
                        .tryQuery()
                        .isPresent());
        assertTrue(model.bundleProperty().get() == kept, "the model is kept");
        assertEquals(history, model.history().size(), "its loss history stays on the chart");
        if (robot.lookup(".dialog-pane").tryQuery().isPresent()) {
            closeDialog();
        }
        robot.interact(() -> model.trainUntilProperty().set(until));
        Path file = tmp.resolve("other.bwm");
        robot.interact(() -> wb.models().saveModel(file));
        waitFor(20, () -> Files.exists(file));
        robot.interact(() -> wb.models().openModel(file));
        waitFor(
                30,
                () -> robot.lookup(
                                n -> n instanceof Label l && l.getText().startsWith("Active: other.bwm, trained for"))
                        .tryQuery()
                        .isPresent());
        assertTrue(
                robot.lookup(n -> n instanceof Label l && l.getText().startsWith("Done:"))
                        .tryQuery()
                        .isEmpty(),
                "no stale 'Done' after opening another model");
    }

    @Test
    @Order(650)
    void theBearingFilterReachesTheWaveformAndSpectrumAtOnce() throws Exception {
        robot.clickOn("2 Signals");
        robot.interact(() -> model.selectedRowProperty().set(100));
        XYChart spectrum = chartTitled("Amplitude spectrum");
        waitFor(20, () -> spectrum.getDatasets().size() == 4);
        @SuppressWarnings("unchecked")
        var filter = (ComboBox<String>) robot.lookup(
                        n -> n instanceof ComboBox<?> c && c.getItems().contains("Bearing 1"))
                .query();
        robot.interact(() -> filter.setValue("Bearing 1"));
        waitFor(20, () -> spectrum.getDatasets().size() == 1);
        assertEquals(
                1, chartTitled("Waveform of the selected file").getDatasets().size());
        robot.interact(() -> filter.setValue("All"));
        waitFor(20, () -> spectrum.getDatasets().size() == 4);
    }

    @Test
    @Order(660)
    void retypingTheCurrentSplitClearsAStaleError() throws Exception {
        robot.clickOn("1 Data");
        var field = robot.lookup(n -> n instanceof TextField f && "2004-02-15 12:52:39".equals(f.getPromptText()))
                .queryAs(TextField.class);
        String current = field.getText();
        robot.interact(() -> {
            field.setText("1999-01-01 00:00:00");
            field.fireEvent(new ActionEvent());
        });
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText().startsWith("Outside the data"))
                .tryQuery()
                .isPresent());
        robot.interact(() -> {
            field.setText(current);
            field.fireEvent(new ActionEvent());
        });
        assertTrue(
                robot.lookup(n -> n instanceof Label l && l.getText().startsWith("Outside the data"))
                        .tryQuery()
                        .isEmpty(),
                "no stale error after retyping the current split");
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText().startsWith("Training: "))
                .tryQuery()
                .isPresent());
    }

    @Test
    @Order(670)
    void anOpenedModelScoresNewDataAfterItsTrainingRange() throws Exception {
        Path all = tmp.resolve("all-features.csv");
        FeatureCsv.write(model.table(), all);
        List<String> lines = Files.readAllLines(all);
        Path later = Files.write(
                tmp.resolve("later.csv"),
                Stream.concat(lines.stream().limit(1), lines.stream().skip(101)).toList());
        robot.interact(() -> window.thresholdPane().chooser().method().setValue(ThresholdChooser.CHOICES.get(0)));
        waitFor(20, () -> model.analysisProperty().get().threshold().method().startsWith("robust"));
        double tunedValue = model.analysisProperty().get().threshold().value();
        Path tuned = tmp.resolve("for-later.bwm");
        robot.interact(() -> wb.models().saveModel(tuned));
        waitFor(20, () -> Files.exists(tuned));
        robot.interact(() -> wb.models().openModel(tuned));
        waitFor(30, () -> "for-later.bwm".equals(model.modelSourceProperty().get()));
        robot.interact(() -> wb.data().openData(later));
        waitFor(
                30,
                () -> model.table() != null
                        && model.table().rowCount() == 60
                        && model.analysisProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var a = model.analysisProperty().get();
        assertEquals(0, a.trainRows(), "every row is new data");
        assertEquals(tunedValue, a.threshold().value(), 1e-12, "the tuned threshold applies");
        assertTrue(a.threshold().method().startsWith("robust"), a.threshold().method());
        assertEquals(60, a.scores().rows());
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "no error dialog");
    }

    @Test
    @Order(680)
    void withAModelActiveEveryPaneShowsTheModelsTrainingRange() throws Exception {
        robot.interact(() -> wb.data().openData(SampleData.DIR));
        waitFor(
                60,
                () -> model.table() != null
                        && model.table().rowCount() == 160
                        && model.analysisProperty().get() != null
                        && WorkbenchModel.sameRun(model.analysisProperty().get().table(), model.table()));
        int modelRows = model.analysisProperty().get().trainRows();
        robot.clickOn("1 Data");
        robot.interact(() -> model.trainUntilProperty().set(model.table().timestamp(modelRows + 20)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(modelRows, model.shownTrainRows(), "the model's range, not the moved split");
        assertEquals(modelRows + 21, model.trainRows(), "the split for the next training");
        assertTrue(robot.lookup(n -> n instanceof Label l
                        && l.getText().contains("The active model was trained on " + modelRows + " rows"))
                .tryQuery()
                .isPresent());
        robot.interact(() -> model.trainUntilProperty().set(model.table().timestamp(modelRows - 1)));
    }

    @Test
    @Order(685)
    void theSplitTriangleUnderTheOverviewDragsTheSplit() throws Exception {
        robot.clickOn("1 Data");
        robot.sleep(300);
        XYChart overview = chartTitled("Overview: mean |x| per channel (drag the marker to set the training range)");
        var before = model.trainUntilProperty().get();
        double x = overview.getXAxis().getDisplayPosition(Charts.seconds(before));
        var canvas = overview.getCanvas();
        // the triangle sits on the bottom edge of the plot area, at the marker's x
        robot.moveTo(canvas.localToScreen(x, canvas.getHeight() - 3))
                .press(MouseButton.PRIMARY)
                .moveBy(-canvas.getWidth() * 0.1, 0)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        var after = model.trainUntilProperty().get();
        assertTrue(after.isBefore(before), before + " -> " + after);
        assertEquals(after, model.table().timestamp(model.trainRows() - 1), "the split lands on a file's time");
    }

    @Test
    @Order(690)
    void trainingAgainKeepsThePreviousModelToGoBackTo() throws Exception {
        var previous = model.bundleProperty().get();
        int before = model.models().size();
        assertTrue(before >= 1 && model.models().stream().anyMatch(e -> e.bundle() == previous));
        robot.clickOn("4 Model");
        robot.interact(() -> window.modelPane().form().epochs().setText("3"));
        robot.clickOn("Train");
        waitFor(
                120,
                () -> model.models().size() == before + 1
                        && model.analysisProperty().get() != null
                        && model.bundleProperty().get() != previous);
        var fresh = model.bundleProperty().get();
        @SuppressWarnings("unchecked")
        var list =
                (ComboBox<ModelEntry>) robot.lookup(n -> n instanceof ComboBox<?> c && c.getItems() == model.models())
                        .query();
        assertTrue(list.getValue().bundle() == fresh, "the list shows the active model");
        var old = model.models().stream()
                .filter(e -> e.bundle() == previous)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> {
            list.setValue(old);
            list.getOnAction().handle(new ActionEvent());
        });
        waitFor(
                30,
                () -> model.bundleProperty().get() == previous
                        && model.analysisProperty().get() != null);
        assertEquals(before + 1, model.models().size(), "nothing dropped");
    }

    @Test
    @Order(695)
    void twoModelsScoresShowTogetherOnTheTimelineAndHistogram() throws Exception {
        robot.clickOn("5 Threshold & anomalies");
        var active = model.bundleProperty().get();
        var other = model.models().stream()
                .filter(e -> e.bundle() != active)
                .findFirst()
                .orElseThrow();
        ThresholdPane pane = window.thresholdPane();
        robot.interact(() -> pane.compare().setValue(other));
        waitFor(30, () -> model.comparisonProperty().get() != null);
        var c = model.comparisonProperty().get();
        assertTrue(c.entry() == other && model.bundleProperty().get() == active, "the active model stays active");
        XYChart timeline = chartTitled("Scores over time");
        DataSet compared = timeline.getRenderers().get(2).getDatasets().get(0);
        assertEquals(model.table().rowCount(), compared.getDataCount(), "the compared model's score per row");
        assertEquals(c.analysis().scores().score()[5], compared.get(DataSet.DIM_Y, 5), 0.0);
        DataSet comparedHist =
                pane.histogram().getRenderers().get(2).getDatasets().get(0);
        assertTrue(comparedHist.getDataCount() > 0, "its training scores on the histogram");
        assertTrue(
                pane.counts().getText().contains("Compared with #" + other.number()),
                pane.counts().getText());
        assertTrue(!pane.counts()
                .getText()
                .contains("Compared with #" + other.number() + " " + other.source() + ": threshold " + "NaN"));
        robot.interact(() -> model.thresholdMethodProperty()
                .set(new ManualThreshold(
                        model.analysisProperty().get().threshold().value() * 1.1)));
        assertEquals(
                model.table().rowCount(),
                timeline.getRenderers().get(2).getDatasets().get(0).getDataCount(),
                "a drag keeps the comparison");
        robot.interact(() -> pane.compare().setValue(null));
        robot.interact(() -> wb.scoring().compareWith(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, timeline.getRenderers().get(2).getDatasets().get(0).getDataCount(), "cleared");
    }

    @Test
    @Order(700)
    void quittingWithAnUnsavedModelAsksFirst() throws Exception {
        assertTrue(model.hasUnsavedModel() || model.models().size() > 1, "a model trained here and not saved");
        robot.interact(() -> model.ruleProperty().set(new PersistenceRule(1, 4)));
        assertTrue(model.hasUnsavedModel());
        boolean[] quit = {true, false};
        Platform.runLater(() -> {
            quit[0] = window.confirmQuit();
            quit[1] = true;
        });
        waitFor(
                20,
                () -> robot.lookup("Save your work before quitting?").tryQuery().isPresent());
        var pane = robot.lookup(
                        n -> n instanceof DialogPane p && "Save your work before quitting?".equals(p.getHeaderText()))
                .queryAs(DialogPane.class);
        var cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        robot.interact(cancel::fire);
        waitFor(20, () -> quit[1]);
        assertTrue(!quit[0] && stage.isShowing(), "Cancel keeps the window");
        Path file = tmp.resolve("quit.bwm");
        robot.interact(() -> wb.models().saveModel(file));
        waitFor(20, () -> Files.exists(file) && !model.hasUnsavedModel());
        robot.interact(() -> model.ruleProperty().set(PersistenceRule.defaults()));
        assertTrue(model.hasUnsavedModel(), "changing the rule after saving is a change");
    }

    @Test
    @Order(710)
    void theWindowSizeIsRememberedForTheNextSession() throws Exception {
        String node = "org/bearingworkbench/test-ui-window";
        robot.interact(() -> new WindowPrefs(node).save(stage));
        double[] size = new WindowPrefs(node).size(100, 100);
        assertEquals(stage.getScene().getWidth(), size[0], 1e-9);
        assertEquals(stage.getScene().getHeight(), size[1], 1e-9);
        Preferences.userRoot().node(node).removeNode();
    }

    private static Path femtoLikeRun(String name, int files) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int f = 0; f < files; f++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 2560; i++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "9,10,%d,%d,%.3f,%.3f%n",
                        10 * f,
                        1000 + 39 * i,
                        0.3 * Math.sin(i * 0.37) * (1 + f),
                        0.2 * Math.cos(i * 0.11)));
            }
            Files.writeString(dir.resolve(String.format("acc_%05d.csv", f + 1)), sb.toString());
        }
        return dir;
    }

    @Test
    @Order(900)
    void openDataDialogPreviewsTheFirstSnapshotAndRemembersWhatTheUserSets() throws Exception {
        Path dir = femtoLikeRun("my-rig", 5);
        robot.interact(() -> wb.data().openAsking(dir, false));
        waitFor(
                20,
                () -> robot.lookup(n -> n instanceof DialogPane p
                                && p.getContent() != null
                                && p.getScene().getWindow().isShowing()
                                && p.getScene().getWindow() instanceof Stage s
                                && s.getTitle().equals("Open data"))
                        .tryQuery()
                        .isPresent());
        var pane = robot.lookup(n -> n instanceof DialogPane p
                        && p.getScene() != null
                        && ((Stage) p.getScene().getWindow()).getTitle().equals("Open data"))
                .queryAs(DialogPane.class);
        var raw = robot.from(pane).lookup((Node n) -> n instanceof TextArea).queryAs(TextArea.class);
        waitFor(20, () -> raw.getText().contains("acc_00001.csv"));
        assertTrue(raw.getText().contains("9,10,0,1000,0.000,0.200"), raw.getText());
        var problem = robot.from(pane)
                .lookup((Node n) ->
                        n instanceof Label l && l.getText().startsWith("Bearing physics needs: shaft speed"))
                .tryQuery();
        assertTrue(problem.isPresent(), "the dialog says what is missing");
        assertTrue(robot.from(pane).lookup("stated by the format").tryQuery().isPresent(), "sources are shown");
        var fields = robot.from(pane).lookup((Node n) -> n instanceof TextField).queryAllAs(TextField.class).stream()
                .toList();
        Path shot = Paths.get(System.getProperty("bw.screenshots", "target/screenshots"));
        Files.createDirectories(shot);
        robot.interact(() -> {
            try {
                ChartBox.savePng(
                        pane.getScene().getRoot(),
                        shot.resolve("7-open-data.png").toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        var rpmField = fields.stream()
                .filter(f -> f.getText().isEmpty() && f.getPromptText().isEmpty())
                .findFirst()
                .orElseThrow();
        robot.interact(() -> rpmField.setText("1500"));
        var open = robot.from(pane)
                .lookup((Node n) -> n instanceof Button b && "Open".equals(b.getText()))
                .queryAs(Button.class);
        robot.interact(open::fire);
        waitFor(30, () -> model.table() != null && model.table().rowCount() == 5);
        var d = model.dataProperty().get().description();
        assertEquals("femto", d.format().value());
        assertEquals(1500.0, d.rpm().value());
        assertEquals(ValueSource.USER, d.rpm().source());
        assertTrue(Files.readString(dir.resolve(".bearing-workbench.json")).contains("\"shaft_rpm\" : 1500.0"));
        assertEquals(25_600.0, model.physicsSettingsProperty().get().sampleRate());
        assertEquals(
                1500.0 / 60, model.physicsSettingsProperty().get().geometry().shaftHz(), 1e-12);
        robot.clickOn("3 Bearing physics");
        waitFor(20, () -> window.physicsPane().bearingHeading().getText().contains("PRONOSTIA"));
        assertTrue(!window.physicsPane().bearingHeading().getText().contains("ZA-2115"));
        var overview = window.dataPane().overview().getDatasets();
        assertEquals(2, overview.size());
        assertTrue(
                !overview.get(0).getStyle().contains("dash")
                        && overview.get(1).getStyle().contains("dash"),
                "one bearing's two channels: one colour, the second dashed");
    }

    @Test
    @Order(910)
    void aKnownDirectoryOpensWithoutAsking() throws Exception {
        robot.interact(() -> wb.data().openAsking(SampleData.DIR.toAbsolutePath(), false));
        waitFor(60, () -> model.table() != null && model.table().rowCount() == 160);
        assertTrue(Window.getWindows().stream()
                .noneMatch(w -> w instanceof Stage s && "Open data".equals(s.getTitle()) && s.isShowing()));
        assertEquals(20_000.0, model.physicsSettingsProperty().get().sampleRate());
    }

    private Optional<String> dialogText() {
        return robot.lookup(".dialog-pane").tryQueryAs(DialogPane.class).map(d -> d.getContentText());
    }

    private void closeDialog() {
        var pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean isShowing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.localToScene(n.getBoundsInLocal()).getWidth() > 0;
    }

    /**
     * Types over a field's text as a user does after selecting it (a double click can arrive as two clicks under
     * load).
     */
    private void typeInto(TextField field, String text) {
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private XYChart chartTitled(String title) {
        return (XYChart) robot.lookup(n -> n instanceof ChartBox b
                        && b.getChildren().get(0) instanceof HBox h
                        && h.getChildren().get(0) instanceof Label l
                        && l.getText().equals(title))
                .queryAs(ChartBox.class)
                .chart();
    }
}
