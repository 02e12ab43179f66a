package org.bearingworkbench.ui.threshold;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.ui.shell.AnalysisText;
import org.bearingworkbench.ui.shell.ModelEntry;
import org.bearingworkbench.ui.shell.Scoring;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;

/**
 * Threshold and anomalies pane: the histogram of training (and optionally test) scores with the threshold as a line
 * the user drags; the score timeline with flagged rows in red and alarm episodes shaded; the method chooser with its
 * one-sentence explanation; counts; and the table of flagged rows with which-bearing attribution.
 */
public final class ThresholdPane extends BorderPane {
    private final WorkbenchModel model;
    private final ThresholdChooser chooser;
    private final XYChart histogram = Charts.xy("score (MAE of min-max scaled features)", null, "snapshots", null);
    private final DoubleDataSet trainHist = Charts.dataSet("training scores", Palette.TRAIN, 1);
    private final DoubleDataSet testHist = Charts.dataSet("test scores", Palette.TEST, 1);
    private final XValueIndicator thresholdLine;
    private final DoubleDataSet compareHist = Charts.dataSet("compared model: training scores", Palette.COMPARE, 1.5);
    private final ScoreTimeline timeline;
    private final ComboBox<ModelEntry> compare = new ComboBox<>();
    private final CheckBox showTest = new CheckBox("show test scores");
    private double pendingDrag;
    private boolean dragScheduled;
    private final CheckBox logScale = new CheckBox("log scale");
    private final Label explanation = new Label("Train or open a model to see scores.");
    private final Label counts = new Label();
    private final FlaggedTable flagged;
    private boolean updating;

    public ThresholdPane(WorkbenchModel model, Scoring scoring, IntConsumer jumpToFile) {
        this.model = model;
        getStyleClass().add("pane");
        chooser = new ThresholdChooser(model);
        flagged = new FlaggedTable(jumpToFile);
        timeline = new ScoreTimeline(model, this::dragged);
        ErrorDataSetRenderer bars = Charts.addRenderer(histogram, LineStyle.HISTOGRAM_FILLED, false);
        bars.getDatasets().addAll(trainHist, testHist);
        Charts.yAxis(histogram).setForceZeroInRange(true);
        Charts.yAxis(histogram).setTickLabelFormatter(Charts.INTEGER);
        thresholdLine = new XValueIndicator(histogram.getXAxis(), 0, "threshold");
        Charts.labelInside(thresholdLine);
        thresholdLine.setEditable(true);
        histogram.getPlugins().add(thresholdLine);
        thresholdLine.valueProperty().addListener((o, a, v) -> dragged(v.doubleValue()));
        ErrorDataSetRenderer comparedBars = Charts.addRenderer(histogram, LineStyle.HISTOGRAM, false);
        comparedBars.getDatasets().add(compareHist);
        histogram.addEventFilter(
                MouseEvent.MOUSE_PRESSED, e -> model.thresholdGestureProperty().set(true));
        histogram.addEventFilter(
                MouseEvent.MOUSE_RELEASED, e -> model.thresholdGestureProperty().set(false));
        histogram.getStyleClass().add("threshold-chart");
        showTest.setOnAction(e -> refresh());
        logScale.setOnAction(e -> Charts.yAxis(timeline.chart()).setLogAxis(logScale.isSelected()));
        logScale.setSelected(true);
        Charts.yAxis(timeline.chart()).setLogAxis(true);

        explanation.setWrapText(true);
        explanation.getStyleClass().add("explanation");
        counts.setWrapText(true);
        compare.setItems(new FilteredList<>(model.models(), e -> true));
        compare.setPromptText("compare with another model…");
        compare.setTooltip(new Tooltip("Show a second model of this session on the same charts: "
                + "its scores (dashed) and its threshold, with its first alarm in the text"));
        compare.setOnAction(e -> {
            var c = model.comparisonProperty().get();
            if (c == null ? compare.getValue() != null : c.entry() != compare.getValue()) {
                scoring.compareWith(compare.getValue());
            }
        });
        Button noCompare = new Button("Clear");
        noCompare.setOnAction(e -> compare.setValue(null));
        noCompare.disableProperty().bind(model.comparisonProperty().isNull());
        HBox compareRow = new HBox(8, new Label("Compare with"), compare, noCompare);
        compareRow.setAlignment(Pos.CENTER_LEFT);
        model.comparisonProperty().addListener((o, a, c) -> {
            ModelEntry shown = c == null ? null : c.entry();
            if (compare.getValue() != shown) {
                compare.setValue(shown); // the chooser names the model compared, however it was chosen
            }
            refresh();
        });
        VBox top = new VBox(6, chooser, compareRow, explanation, counts);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        ChartBox histBox = new ChartBox("Score distribution (drag the red line)", histogram, showTest);
        ChartBox timeBox = new ChartBox("Scores over time", timeline.chart(), logScale);
        histBox.caption(this::caption);
        timeBox.caption(this::caption);
        SplitPane charts = new SplitPane(histBox, timeBox);
        SplitPane all = new SplitPane(charts, flagged);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.62);
        setCenter(all);
        model.analysisProperty().addListener((o, a, n) -> refresh());
        if (model.comparisonProperty().get() != null) { // made after a comparison was chosen
            compare.setValue(model.comparisonProperty().get().entry());
        }
        refresh(); // made after data was scored: show it
    }

    /**
     * A drag of either threshold line: mouse events arrive faster than frames, so the latest value is applied once
     * per pulse (the recompute is microseconds; the views are what costs).
     */
    private void dragged(double value) {
        if (updating || model.analysisProperty().get() == null || !(value > 0)) {
            return;
        }
        pendingDrag = value;
        if (!dragScheduled) {
            dragScheduled = true;
            Platform.runLater(() -> {
                dragScheduled = false;
                if (model.analysisProperty().get() != null) {
                    model.thresholdMethodProperty().set(new ManualThreshold(pendingDrag));
                }
            });
        }
    }

    /** The compared model's figures beside the active one's. */
    static String comparisonText(WorkbenchModel.Comparison c) {
        AnomalyAnalysis b = c.analysis();
        return String.format(
                Locale.ROOT,
                "%nCompared with #%d %s: threshold %.4g (%s) · %d flagged · %s",
                c.entry().number(),
                c.entry().source(),
                b.threshold().value(),
                b.threshold().method(),
                b.alarms().flaggedCount(),
                b.firstAlarmTime()
                        .map(t -> "first sustained alarm " + FeatureCsv.ISO.format(t)
                                + String.format(Locale.ROOT, " (%.1f h before the last file)", b.leadTimeHours()))
                        .orElse("no sustained alarm"));
    }

    /** The settings behind the charts, for exported images: data, model, threshold, rule, counts. */
    private String caption() {
        AnomalyAnalysis a = model.analysisProperty().get();
        if (a == null) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%s · model %s · threshold %.4g (%s) · persistence %s · %d of %d flagged",
                a.table().name(),
                model.modelSourceProperty().get(),
                a.threshold().value(),
                a.threshold().method(),
                a.alarms().rule(),
                a.alarms().flaggedCount(),
                a.table().rowCount());
    }

    /** This pane's options as a project keeps them. */
    public void saveLayout(Map<String, String> m) {
        m.put("threshold.show_test_scores", Boolean.toString(showTest.isSelected()));
        m.put("threshold.log_scale", Boolean.toString(logScale.isSelected()));
    }

    public void applyLayout(Map<String, String> m) {
        if (m.containsKey("threshold.show_test_scores")) {
            showTest.setSelected(Boolean.parseBoolean(m.get("threshold.show_test_scores")));
            refresh();
        }
        if (m.containsKey("threshold.log_scale")) {
            logScale.setSelected(Boolean.parseBoolean(m.get("threshold.log_scale")));
            Charts.yAxis(timeline.chart()).setLogAxis(logScale.isSelected());
        }
    }

    public XValueIndicator thresholdLine() {
        return thresholdLine;
    }

    public XYChart histogram() {
        return histogram;
    }

    /** The score timeline (tests). */
    public XYChart timeline() {
        return timeline.chart();
    }

    public Label counts() {
        return counts;
    }

    public ComboBox<ModelEntry> compare() {
        return compare;
    }

    public ThresholdChooser chooser() {
        return chooser;
    }

    private void refresh() {
        AnomalyAnalysis a = model.analysisProperty().get();
        if (a == null) {
            trainHist.clearData();
            testHist.clearData();
            timeline.clear();
            compareHist.clearData();
            flagged.getItems().clear();
            explanation.setText(
                    model.bundleProperty().get() == null
                            ? "Train or open a model to see scores."
                            : "The current model has not scored this data (see the last message); open "
                                    + "other data, or train "
                                    + "or open another model.");
            counts.setText("");
            return;
        }
        updating = true;
        chooser.show(a.threshold().method());
        double[] score = a.scores().score();
        double[] train = a.trainScores();
        double max = ScoreHistogram.histogramRange(train, a.threshold().value());
        DefaultNumericAxis xAxis = Charts.xAxis(histogram);
        xAxis.setAutoRanging(false);
        xAxis.set(0, max);
        ScoreHistogram.fillHistogram(trainHist, "training scores", train, max);
        if (showTest.isSelected()) {
            ScoreHistogram.fillHistogram(
                    testHist, "test scores", Arrays.copyOfRange(score, a.trainRows(), score.length), max);
        } else {
            testHist.clearData();
        }
        thresholdLine.setValue(a.threshold().value());
        timeline.threshold(a.threshold().value());
        updating = false;
        timeline.show(a);
        timeline.showComparison(model.comparisonProperty().get());
        if (model.comparisonProperty().get() == null) {
            compareHist.clearData();
        } else {
            ScoreHistogram.fillHistogram(
                    compareHist,
                    "compared model: training scores",
                    model.comparisonProperty().get().analysis().trainScores(),
                    max);
        }
        explanation.setText(a.threshold().explanation()
                + String.format(
                        Locale.ROOT,
                        " %.1f%% of training rows lie above it.",
                        100 * a.threshold().trainFlaggedShare()));
        counts.setText(AnalysisText.counts(a)
                + (model.comparisonProperty().get() == null
                        ? ""
                        : comparisonText(model.comparisonProperty().get())));
        flagged.show(a);
    }
}
