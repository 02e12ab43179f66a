package org.bearingworkbench.ui.data;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XRangeIndicator;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;

/**
 * Data pane: import progress with cancel, the data set summary and skipped files, the overview trend with the
 * draggable train/test split, the channel-to-bearing mapping, and the feature table.
 */
public final class DataPane extends BorderPane {
    private final WorkbenchModel model;
    private final XYChart overview = Charts.timeChart("mean |x|", "g");
    private final XValueIndicator splitMarker;
    private final XRangeIndicator trainShade;
    private final FeatureTableView table = new FeatureTableView();
    private final Label summary = new Label("No data yet.");
    private final ListView<String> skipped = new ListView<>();
    private final TextField splitField = new TextField();
    private final Label splitInfo = new Label();
    private boolean updatingSplit;
    /** The table the overview shows. */
    private FeatureTable charted;
    /** The channels per bearing the overview's colours were drawn with. */
    private int chartedChannelsPerBearing;

    public DataPane(Session session, DataActions actions) {
        WorkbenchModel model = session.model();
        this.model = model;
        getStyleClass().add("pane");
        splitMarker = new XValueIndicator(overview.getXAxis(), 0, "train | test");
        splitMarker.setEditable(true);
        trainShade = new XRangeIndicator(overview.getXAxis(), 0, 0, "training range");
        overview.getPlugins().addAll(trainShade, splitMarker);

        Button openDir = new Button("Open directory…");
        openDir.setOnAction(e -> actions.openDirectory());
        Button openCsv = new Button("Open feature CSV…");
        openCsv.setOnAction(e -> actions.openFeatureCsv());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(session.fxTasks().progressProperty());
        bar.setPrefWidth(220);
        Label progress = new Label();
        progress.textProperty().bind(session.fxTasks().messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> session.cancel());
        cancel.disableProperty().bind(session.fxTasks().runningProperty().not());
        bar.visibleProperty().bind(session.fxTasks().runningProperty());
        Button metadata = new Button("Metadata…");
        metadata.setTooltip(new Tooltip("See and correct the data set's sample rate, shaft speed, "
                + "bearing and unit (remembered for the directory)"));
        metadata.setOnAction(e -> actions.editMetadata());
        metadata.disableProperty().bind(model.dataProperty().isNull());
        HBox top = new HBox(8, openDir, openCsv, metadata, bar, progress, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        SplitPane center = new SplitPane(
                new ChartBox("Overview: mean |x| per channel (drag the marker to set the training range)", overview),
                table);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        setCenter(center);
        ScrollPane side = new ScrollPane(sidePanel());
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("edge-to-edge");
        side.setPrefWidth(316);
        side.setMinWidth(256);
        setRight(side);

        splitMarker.valueProperty().addListener((o, a, v) -> {
            if (!updatingSplit && model.table() != null) {
                model.trainUntilProperty().set(nearestRowTime(v.doubleValue()));
            }
        });
        model.dataProperty().addListener((o, a, d) -> show(d));
        if (model.dataProperty().get() != null) { // made after the data arrived
            show(model.dataProperty().get());
        }
        model.trainUntilProperty().addListener((o, a, t) -> showSplit());
        model.analysisProperty().addListener((o, a, n) -> {
            if (WorkbenchModel.rangeChanged(a, n)) {
                showSplit();
            }
        });
    }

    private VBox sidePanel() {
        summary.setWrapText(true);
        skipped.setPrefHeight(140);
        skipped.setPlaceholder(new Label("no skipped files"));
        splitField.setPromptText("2004-02-15 12:52:39");
        splitField.setTooltip(new Tooltip("Last timestamp of the training (healthy) range; Enter to apply"));
        splitField.setOnAction(e -> applySplitField());
        splitInfo.setWrapText(true);
        Spinner<Integer> perBearing =
                new Spinner<>(1, 8, model.channelsPerBearingProperty().get());
        perBearing.setTooltip(new Tooltip("Channels per bearing: 1 for IMS tests 2 and 3, 2 for test 1"));
        perBearing
                .getValueFactory()
                .valueProperty()
                .addListener((o, a, v) -> model.channelsPerBearingProperty().set(v));
        model.channelsPerBearingProperty()
                .addListener((o, a, v) -> perBearing.getValueFactory().setValue(v.intValue()));
        GridPane mapping = new GridPane();
        mapping.setHgap(6);
        mapping.addRow(0, new Label("Channels per bearing"), perBearing);
        VBox side = new VBox(
                8,
                Charts.heading("Data set"),
                summary,
                Charts.heading("Skipped files"),
                skipped,
                Charts.heading("Training range ends at"),
                splitField,
                splitInfo,
                Charts.heading("Bearings"),
                mapping);
        side.setPadding(new Insets(0, 0, 0, 10));
        side.setPrefWidth(300);
        side.setMinWidth(240);
        return side;
    }

    private void applySplitField() {
        try {
            LocalDateTime t = FeatureCsv.parseTimestamp(splitField.getText());
            FeatureTable tab = model.table();
            if (tab != null && (t.isBefore(tab.timestamp(1)) || !t.isBefore(tab.timestamp(tab.rowCount() - 1)))) {
                splitInfo.setText("Outside the data: pick a time between " + FeatureCsv.ISO.format(tab.timestamp(1))
                        + " and " + FeatureCsv.ISO.format(tab.timestamp(tab.rowCount() - 2)) + ".");
                splitInfo.getStyleClass().add("error");
                return;
            }
            splitInfo.getStyleClass().remove("error");
            model.trainUntilProperty().set(t);
            showSplit(); // also when the value is unchanged: the stale message goes
        } catch (DateTimeParseException e) {
            splitInfo.setText("'" + splitField.getText() + "' is not a timestamp (e.g. 2004-02-15 12:52:39).");
            splitInfo.getStyleClass().add("error");
        }
    }

    private LocalDateTime nearestRowTime(double seconds) {
        FeatureTable t = model.table();
        int i = Math.max(1, Math.min(t.rowCount() - 2, t.lastRowAtOrBefore(Charts.time(seconds))));
        return t.timestamp(i);
    }

    /** The overview chart (tests). */
    public XYChart overview() {
        return overview;
    }

    /** The feature table (tests). */
    public FeatureTableView table() {
        return table;
    }

    /** Rows in the feature table (0 until it is filled, a frame after the charts). */
    public int tableRows() {
        return table.getItems().size();
    }

    private void show(ImportResult d) {
        FeatureTable t = d == null ? null : d.table();
        if (!sameOverview(t)) { // the physics pass adds columns, not to the overview: not drawn again then
            drawOverview(d);
        }
        if (d == null) {
            table.show(null);
            return;
        }
        table.showAfterNextFrame(t);
        Duration span = Duration.between(t.timestamp(0), t.timestamp(t.rowCount() - 1));
        summary.setText(String.format(
                        Locale.ROOT,
                        "%s%n%d files, %d channels%n%s .. %s (%d h %d min)%n%.0f MB read in %.2f s",
                        t.name(),
                        t.rowCount(),
                        d.channels(),
                        FeatureCsv.ISO.format(t.timestamp(0)),
                        FeatureCsv.ISO.format(t.timestamp(t.rowCount() - 1)),
                        span.toHours(),
                        span.toMinutesPart(),
                        d.bytes() / 1e6,
                        d.seconds())
                + "\n" + String.join("\n", d.description().lines()));
        skipped.getItems()
                .setAll(d.skipped().stream().map(SkippedFile::toString).toList());
        showSplit();
    }

    /** The overview's channels of a table: its mean |x| columns, or all its columns when it names no channels. */
    private static List<String> overviewColumns(FeatureTable t) {
        return t.channels().isEmpty()
                ? t.featureColumns()
                : t.channels().stream()
                        .map(Feature.MEAN_ABS::column)
                        .filter(t::hasColumn)
                        .toList();
    }

    /** Whether the overview drawn shows {@code t} as it would be drawn now (same rows, values and bearings). */
    private boolean sameOverview(FeatureTable t) {
        if (!FeatureTableView.sameRows(charted, t)
                || chartedChannelsPerBearing
                        != model.channelsPerBearingProperty().get()) {
            return false;
        }
        List<String> cols = overviewColumns(t);
        if (!cols.equals(overviewColumns(charted))) {
            return false;
        }
        for (String c : cols) {
            if (!Arrays.equals(charted.column(c), t.column(c))) {
                return false;
            }
        }
        return true;
    }

    private void drawOverview(ImportResult d) {
        overview.getDatasets().clear();
        charted = d == null ? null : d.table();
        chartedChannelsPerBearing = model.channelsPerBearingProperty().get();
        if (d == null) {
            return;
        }
        FeatureTable t = d.table();
        Charts.signalUnit(overview, d);
        double[] x = new double[t.rowCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Charts.seconds(t.timestamp(i));
        }
        List<String> cols = overviewColumns(t);
        List<Integer> channels = t.channels();
        for (int c = 0; c < cols.size(); c++) {
            int bearing = channels.isEmpty()
                    ? c + 1
                    : (channels.get(c) - 1) / model.channelsPerBearingProperty().get() + 1;
            // a bearing's channels share its colour; its second channel (PRONOSTIA's vertical) is dashed
            boolean second = !channels.isEmpty()
                    && (channels.get(c) - 1)
                                    % model.channelsPerBearingProperty().get()
                            > 0;
            DoubleDataSet ds = second
                    ? Charts.dashedDataSet(cols.get(c), Palette.bearing(bearing), 1.2)
                    : Charts.dataSet(cols.get(c), Palette.bearing(bearing), 1.2);
            ds.set(x, t.column(cols.get(c)));
            overview.getDatasets().add(ds);
        }
    }

    private void showSplit() {
        FeatureTable t = model.table();
        LocalDateTime until = model.trainUntilProperty().get();
        if (t == null || until == null) {
            return;
        }
        updatingSplit = true;
        splitMarker.setValue(Charts.seconds(until));
        trainShade.setLowerBound(Charts.seconds(t.timestamp(0)));
        // shaded: the range every view judges against (the active model's when it scored this run); the marker: the
        // split the next training uses
        trainShade.setUpperBound(Charts.seconds(t.timestamp(Math.max(0, model.shownTrainRows() - 1))));
        updatingSplit = false;
        splitField.setText(FeatureCsv.ISO.format(until));
        splitInfo.getStyleClass().remove("error");
        int rows = model.trainRows();
        String text = String.format(
                Locale.ROOT,
                "Training: %d rows (%.0f%%), test: %d rows.",
                rows,
                100.0 * rows / t.rowCount(),
                t.rowCount() - rows);
        var a = model.analysisProperty().get();
        if (a != null && WorkbenchModel.sameRun(a.table(), t) && a.trainRows() != rows) {
            text += String.format(
                    Locale.ROOT,
                    "%nThe active model was trained on %d rows (until %s): that range is shaded here and in"
                            + " Signals, Physics and Threshold, which score against it; the split line marks the"
                            + " next training's split.",
                    a.trainRows(),
                    a.trainRows() > 0 ? FeatureCsv.ISO.format(t.timestamp(a.trainRows() - 1)) : "before this data");
        }
        splitInfo.setText(text);
    }

    /** Where the shaded training range ends on the time axis (epoch seconds), as drawn. */
    public double shadedUntil() {
        return trainShade.getUpperBound();
    }

    /** The splitField control (a test hook). */
    public TextField splitField() {
        return splitField;
    }
}
