package org.bearingworkbench.ui;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XRangeIndicator;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bearingworkbench.detect.Alarms;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.ThresholdMethod;
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
final class ThresholdPane extends BorderPane {
    private static final int BINS = 40;
    private final WorkbenchModel model;
    private final ThresholdChooser chooser;
    private final XYChart histogram = Charts.xy("score (MAE of min-max scaled features)", null, "snapshots", null);
    private final DoubleDataSet trainHist = Charts.dataSet("training scores", Palette.TRAIN, 1);
    private final DoubleDataSet testHist = Charts.dataSet("test scores", Palette.TEST, 1);
    private final XValueIndicator thresholdLine;
    private final XYChart timeline = Charts.timeChart("score (scaled MAE)", null);
    private final DoubleDataSet scoreLine = Charts.dataSet("score", "#555555", 1);
    private final DoubleDataSet flaggedPoints = Charts.dataSet("flagged", Palette.ALARM, 1);
    private final DoubleDataSet sensorPoints = Charts.dataSet("sensor problem (not an anomaly)", Palette.SENSOR, 1);
    private final DoubleDataSet compareLine = Charts.dashedDataSet("compared model", Palette.COMPARE, 1.2);
    private final DoubleDataSet compareHist = Charts.dataSet("compared model: training scores", Palette.COMPARE, 1.5);
    private final ComboBox<ModelEntry> compare = new ComboBox<>();
    private YValueIndicator compareThreshold;
    private final YValueIndicator timelineThreshold;
    private final List<XRangeIndicator> episodeShades = new ArrayList<>();
    private List<Alarms.Episode> episodesShown;
    private Object episodesOf;
    private boolean timelinePressed;
    private boolean shadesPending;
    private Object timesOf;
    private double[] times;
    private Object scoresShown;
    private boolean[] alarmShown;
    private final CheckBox showTest = new CheckBox("show test scores");
    private double pendingDrag;
    private boolean dragScheduled;
    private final CheckBox logScale = new CheckBox("log scale");
    private final Label explanation = new Label("Train or open a model to see scores.");
    private final Label counts = new Label();
    private final TableView<Integer> flagged = new TableView<>();
    private boolean updating;
    private AnomalyAnalysis current;
    private List<String> tableColumns;

    ThresholdPane(WorkbenchModel model, Scoring scoring, IntConsumer jumpToFile) {
        this.model = model;
        getStyleClass().add("pane");
        chooser = new ThresholdChooser(model);
        ErrorDataSetRenderer bars = Charts.addRenderer(histogram, LineStyle.HISTOGRAM_FILLED, false);
        bars.getDatasets().addAll(trainHist, testHist);
        Charts.yAxis(histogram).setForceZeroInRange(true);
        Charts.yAxis(histogram).setTickLabelFormatter(Charts.INTEGER);
        thresholdLine = new XValueIndicator(histogram.getXAxis(), 0, "threshold");
        Charts.labelInside(thresholdLine);
        thresholdLine.setEditable(true);
        histogram.getPlugins().add(thresholdLine);
        thresholdLine.valueProperty().addListener((o, a, v) -> dragged(v.doubleValue()));
        timeline.getDatasets().add(scoreLine);
        ErrorDataSetRenderer marks = Charts.addRenderer(timeline, LineStyle.NONE, true);
        marks.getDatasets().addAll(flaggedPoints, sensorPoints);
        ErrorDataSetRenderer comparedScores = Charts.addRenderer(timeline, LineStyle.NORMAL, false);
        comparedScores.getDatasets().add(compareLine);
        ErrorDataSetRenderer comparedBars = Charts.addRenderer(histogram, LineStyle.HISTOGRAM, false);
        comparedBars.getDatasets().add(compareHist);
        timelineThreshold = new YValueIndicator(timeline.getYAxis(), 0, "threshold");
        timelineThreshold.setEditable(true);
        timeline.getPlugins().add(timelineThreshold);
        // dragging the line on the timeline moves the same threshold as the histogram's line
        timelineThreshold.valueProperty().addListener((o, a, v) -> dragged(v.doubleValue()));
        timeline.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            timelinePressed = true;
            model.thresholdGestureProperty().set(true);
        });
        histogram.addEventFilter(
                MouseEvent.MOUSE_PRESSED, e -> model.thresholdGestureProperty().set(true));
        histogram.addEventFilter(
                MouseEvent.MOUSE_RELEASED, e -> model.thresholdGestureProperty().set(false));
        timeline.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            timelinePressed = false;
            model.thresholdGestureProperty().set(false);
            AnomalyAnalysis a = model.analysisProperty().get();
            if (shadesPending && a != null && a.table() == timesOf) {
                showShades(a, times, a.table().rowCount());
            }
        });
        histogram.getStyleClass().add("threshold-chart");
        timeline.getStyleClass().add("threshold-chart");
        showTest.setOnAction(e -> refresh());
        logScale.setOnAction(e -> Charts.yAxis(timeline).setLogAxis(logScale.isSelected()));
        logScale.setSelected(true);
        Charts.yAxis(timeline).setLogAxis(true);

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

        buildTable(jumpToFile);
        ChartBox histBox = new ChartBox("Score distribution (drag the red line)", histogram, showTest);
        ChartBox timeBox = new ChartBox("Scores over time", timeline, logScale);
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

    /**
     * The compared model on the same charts: its scores as a second line, its training scores as outlined bars, its
     * threshold as a second line on the timeline; nothing when no model is compared.
     */
    private void fillComparison(AnomalyAnalysis a, double max) {
        WorkbenchModel.Comparison c = model.comparisonProperty().get();
        if (compareThreshold != null) {
            timeline.getPlugins().remove(compareThreshold);
            compareThreshold = null;
        }
        if (c == null) {
            compareLine.clearData();
            compareHist.clearData();
            return;
        }
        AnomalyAnalysis b = c.analysis();
        double[] x = b.table() == timesOf ? times : new double[b.table().rowCount()];
        for (int i = 0; x != times && i < x.length; i++) {
            x[i] = Charts.seconds(b.table().timestamp(i));
        }
        compareLine.setName("#" + c.entry().number() + " " + c.entry().source());
        compareLine.set(x, b.scores().score());
        fillHistogram(compareHist, "compared model: training scores", b.trainScores(), max);
        compareThreshold =
                new YValueIndicator(
                        timeline.getYAxis(),
                        b.threshold().value(),
                        "#" + c.entry().number() + " threshold") {
                    {
                        line.setStyle("-fx-stroke: " + Palette.COMPARE
                                + "; -fx-stroke-width: 2; -fx-stroke-dash-array: 6 4;");
                    }
                };
        compareThreshold.setLabelPosition(0.2);
        compareThreshold.setEditable(false);
        timeline.getPlugins().add(compareThreshold);
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
    void layout(Map<String, String> m) {
        m.put("threshold.show_test_scores", Boolean.toString(showTest.isSelected()));
        m.put("threshold.log_scale", Boolean.toString(logScale.isSelected()));
    }

    void applyLayout(Map<String, String> m) {
        if (m.containsKey("threshold.show_test_scores")) {
            showTest.setSelected(Boolean.parseBoolean(m.get("threshold.show_test_scores")));
            refresh();
        }
        if (m.containsKey("threshold.log_scale")) {
            logScale.setSelected(Boolean.parseBoolean(m.get("threshold.log_scale")));
            Charts.yAxis(timeline).setLogAxis(logScale.isSelected());
        }
    }

    XValueIndicator thresholdLine() {
        return thresholdLine;
    }

    XYChart histogram() {
        return histogram;
    }

    /** The score timeline (tests). */
    XYChart timeline() {
        return timeline;
    }

    Label counts() {
        return counts;
    }

    ComboBox<ModelEntry> compare() {
        return compare;
    }

    ThresholdChooser chooser() {
        return chooser;
    }

    private void buildTable(IntConsumer jumpToFile) {
        flagged.setPlaceholder(new Label("No flagged rows."));
        flagged.setFixedCellSize(24); // rows of one height: no per-row measuring when a drag changes the rows
        flagged.setRowFactory(tv -> {
            var row = new TableRow<Integer>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() >= 1) {
                    jumpToFile.accept(row.getItem());
                }
            });
            return row;
        });
    }

    private void refresh() {
        AnomalyAnalysis a = model.analysisProperty().get();
        if (a == null) {
            trainHist.clearData();
            testHist.clearData();
            scoreLine.clearData();
            scoresShown = null;
            timeline.getPlugins().removeAll(episodeShades);
            episodeShades.clear();
            episodesShown = null;
            flaggedPoints.clearData();
            sensorPoints.clearData();
            compareLine.clearData();
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
        double max = histogramRange(train, a.threshold().value());
        DefaultNumericAxis xAxis = Charts.xAxis(histogram);
        xAxis.setAutoRanging(false);
        xAxis.set(0, max);
        fillHistogram(trainHist, "training scores", train, max);
        if (showTest.isSelected()) {
            fillHistogram(testHist, "test scores", Arrays.copyOfRange(score, a.trainRows(), score.length), max);
        } else {
            testHist.clearData();
        }
        thresholdLine.setValue(a.threshold().value());
        timelineThreshold.setValue(a.threshold().value());
        updating = false;
        fillTimeline(a);
        fillComparison(a, max);
        explanation.setText(a.threshold().explanation()
                + String.format(
                        Locale.ROOT,
                        " %.1f%% of training rows lie above it.",
                        100 * a.threshold().trainFlaggedShare()));
        counts.setText(AnalysisText.counts(a)
                + (model.comparisonProperty().get() == null
                        ? ""
                        : comparisonText(model.comparisonProperty().get())));
        fillTable(a);
    }

    /**
     * The histogram's score range: three times the 99th percentile of the training scores (one training spike does
     * not squash the rest into one bar), and room to drag the threshold (1.5x it).
     */
    static double histogramRange(double[] train, double threshold) {
        double[] sorted = Arrays.stream(train).filter(Double::isFinite).sorted().toArray();
        double q99 = sorted.length == 0 ? 0 : sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
        double range = Math.max(3 * q99, 1.5 * threshold) * 1.05;
        return range > 0 ? range : 1;
    }

    /**
     * Fills {@code ds} with the histogram of {@code values} over [0, max); values beyond it are not drawn (never
     * piled into the last bar) but named in the legend: "name (N beyond the axis, up to V)".
     */
    static void fillHistogram(DoubleDataSet ds, String name, double[] values, double max) {
        double w = max / BINS;
        double[] x = new double[BINS];
        double[] y = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            x[b] = (b + 0.5) * w;
        }
        int beyond = 0;
        double largest = 0;
        for (double v : values) {
            if (v >= max) {
                beyond++;
                largest = Math.max(largest, v);
            } else if (v >= 0) {
                y[(int) (v / w)]++;
            }
        }
        ds.setName(
                beyond == 0
                        ? name
                        : String.format(
                                Locale.ROOT,
                                "%s (%d beyond the axis, up to %s)",
                                name,
                                beyond,
                                ThresholdMethod.fmt(largest)));
        ds.set(x, y);
    }

    private void fillTimeline(AnomalyAnalysis a) {
        double[] score = a.scores().score();
        // a threshold change keeps the table and the scores: their times and the score line are reused
        if (a.table() != timesOf) {
            timesOf = a.table();
            times = new double[score.length];
            for (int i = 0; i < score.length; i++) {
                times[i] = Charts.seconds(a.table().timestamp(i));
            }
        }
        double[] x = times;
        if (a.scores() != scoresShown) {
            scoresShown = a.scores();
            scoreLine.set(x, score);
        }
        int nf = a.alarms().flaggedCount();
        double[] fx = new double[nf];
        double[] fy = new double[nf];
        int ns = 0;
        for (int i = 0; i < score.length; i++) {
            ns += !a.alarms().flagged()[i] && a.sensor().at(i) ? 1 : 0;
        }
        double[] sx = new double[ns];
        double[] sy = new double[ns];
        for (int i = 0, f = 0, k = 0; i < score.length; i++) {
            if (a.alarms().flagged()[i]) {
                fx[f] = x[i];
                fy[f++] = score[i];
            } else if (a.sensor().at(i)) {
                sx[k] = x[i];
                sy[k++] = score[i];
            }
        }
        flaggedPoints.set(fx, fy);
        sensorPoints.set(sx, sy);
        if (timelinePressed) {
            // a drag on the timeline is under way: changing the chart's plugins now would take the dragged line out
            // of the scene and end the drag after its first step; the shades follow on release
            shadesPending = true;
            return;
        }
        showShades(a, x, score.length);
    }

    private void showShades(AnomalyAnalysis a, double[] x, int rows) {
        shadesPending = false;
        if (!a.alarms().episodes().equals(episodesShown) || a.table() != episodesOf) {
            // shades only change when the episodes do (most drag steps keep them)
            episodesShown = a.alarms().episodes();
            episodesOf = a.table();
            timeline.getPlugins().removeAll(episodeShades);
            episodeShades.clear();
            for (Alarms.Episode e : episodesShown) {
                double half = rows > 1 ? (x[1] - x[0]) / 2 : 300;
                episodeShades.add(new XRangeIndicator(
                        timeline.getXAxis(),
                        x[e.start()] - half,
                        x[e.end()] + half,
                        episodeShades.isEmpty() ? "alarm" : ""));
            }
            timeline.getPlugins().addAll(episodeShades);
        }
    }

    private void fillTable(AnomalyAnalysis a) {
        current = a;
        if (!a.channels().columns().equals(tableColumns)) {
            tableColumns = a.channels().columns();
            flagged.getColumns().clear();
            flagged.getColumns()
                    .add(col(
                            "timestamp",
                            r -> FeatureCsv.ISO.format(current.table().timestamp(r)),
                            140));
            flagged.getColumns().add(col("file", r -> current.table().file(r), 150));
            flagged.getColumns().add(col("split", r -> current.isTrain(r) ? "train" : "test", 50));
            flagged.getColumns().add(col("score", r -> fmt(current.scores().score()[r]), 70));
            flagged.getColumns().add(col("alarm", r -> current.alarms().inAlarm()[r] ? "yes" : "", 50));
            flagged.getColumns()
                    .add(col(
                            "sensor problem",
                            r -> current.sensor().at(r) ? current.sensor().reason(r) : "",
                            150));
            flagged.getColumns()
                    .add(col(
                            "top channel",
                            r -> {
                                Attribution attr = current.attribution();
                                int c = attr.topChannel(r);
                                return current.channels().channel(c)
                                        + String.format(Locale.ROOT, " (%.0f%%)", 100 * attr.share(r, c));
                            },
                            110));
            for (int c = 0; c < a.channels().size(); c++) {
                int cc = c;
                String heading = "error " + columnLabel(a.channels(), c);
                flagged.getColumns()
                        .add(col(heading, r -> fmt(current.scores().errors()[r][cc]), headingWidth(heading, 85)));
            }
            for (int c = 0; c < a.channels().size(); c++) {
                int cc = c;
                String heading = "out of range " + columnLabel(a.channels(), c);
                flagged.getColumns()
                        .add(col(
                                heading, r -> fmt(current.attribution().departure(r, cc)), headingWidth(heading, 128)));
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < a.table().rowCount(); r++) {
            if (a.alarms().flagged()[r] || a.sensor().at(r)) {
                rows.add(r);
            }
        }
        if (!rows.equals(flagged.getItems())) {
            flagged.getItems().setAll(rows); // the virtualized table re-renders only when its rows change
        } else if (!Arrays.equals(alarmShown, a.alarms().inAlarm())) {
            flagged.refresh(); // same rows, another rule: the alarm column changes
        }
        alarmShown = a.alarms().inAlarm();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static TableColumn<Integer, String> col(String name, IntFunction<String> f, double width) {
        TableColumn<Integer, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /**
     * A model column as the table heads it: its channel when that channel has no other column (mean |x| per
     * channel: "ch1"), else the column's own name ("ch1_bpfo"), so that no two columns share a heading.
     */
    /** A column wide enough for its heading (about 8 px a character in the table's font), at least {@code min}. */
    static double headingWidth(String heading, double min) {
        return Math.max(min, 8.0 * heading.length() + 4);
    }

    static String columnLabel(ChannelMap m, int c) {
        String channel = m.channel(c);
        long same = IntStream.range(0, m.size())
                .filter(k -> m.channel(k).equals(channel))
                .count();
        return same == 1 ? channel : m.columns().get(c);
    }
}
