package org.bearingworkbench.ui.compare;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.bearingworkbench.detect.SavedThreshold;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.DetectorComparison;
import org.bearingworkbench.report.Durations;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.shell.LatestOnly;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.StartFolders;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;

/**
 * Compare detectors: the open run through the active LSTM model and the baselines (PCA T² and SPE, robust
 * Mahalanobis, isolation forest), each with the threshold method and persistence rule in force, in one table
 * (threshold, flagged rows, first sustained alarm, lead time, alarm rows in training, top channel) and on one timeline
 * of each detector's score divided by its threshold (1 = at its threshold). The table exports as CSV.
 */
public final class ComparePane extends VBox {
    private final WorkbenchModel model;
    private final Session session;
    /** Only the latest comparison is shown: one for data since closed never is. */
    private final LatestOnly latest = new LatestOnly();

    private final TableView<DetectorComparison.Entry> table = new TableView<>();
    private final XYChart timeline = Charts.timeChart("score / its threshold", "ratio");

    /** The detectors' colours: none is the threshold's red (the dashed line at 1). */
    static final String[] DETECTOR_COLORS = {"#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"};

    /** The log axis's floor: a score a thousandth of its threshold or less reads as "far below". */
    public static final double RATIO_FLOOR = 1e-3;

    /** One format for every tick of the ratio axis: 0.001, 0.01, 0.1, 1, 10, 100 (no 1E-9 beside 0.1). */
    static final StringConverter<Number> RATIO_TICKS = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            return BigDecimal.valueOf(n.doubleValue())
                    .round(new MathContext(3))
                    .stripTrailingZeros()
                    .toPlainString();
        }

        @Override
        public Number fromString(String s) {
            return Double.valueOf(s);
        }
    };

    private final Label status = new Label("Compare the model with simple baselines on the open data and split.");
    private DetectorComparison last;

    public ComparePane(Session session) {
        super(8);
        WorkbenchModel model = session.model();
        Supplier<Window> owner = session::owner;
        this.model = model;
        this.session = session;
        getStyleClass().add("pane");
        setPadding(new Insets(10));
        Button run = new Button("Compare detectors");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(model.dataProperty().isNull());
        run.setOnAction(e -> compare());
        Button export = new Button("Export table…");
        export.setDisable(true);
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialDirectory(StartFolders.initial());
            fc.setInitialFileName("detector-comparison.csv");
            File f = StartFolders.chosen(fc.showSaveDialog(owner.get()));
            if (f != null) {
                save(f.toPath());
            }
        });
        status.setWrapText(true);
        HBox bar = new HBox(10, run, export, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        columns();
        table.setPrefHeight(190);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Charts.yAxis(timeline).setLogAxis(true);
        Charts.yAxis(timeline).setTickLabelFormatter(RATIO_TICKS);
        ChartBox chart = new ChartBox("Every detector's score over time, divided by its threshold", timeline);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(Charts.heading("Does it beat the simple thing?"), bar, table, chart);
        table.itemsProperty().addListener((o, a, items) -> export.setDisable(items == null || items.isEmpty()));
        model.dataProperty().addListener((o, a, d) -> {
            if (a == null || d == null || !WorkbenchModel.sameRun(a.table(), d.table())) {
                if (latest.invalidate()) { // what was under way was for the run before
                    status.setText("Another run was opened: its result would not be this run's. Run it again.");
                }
            }
            clear();
        });
    }

    private void clear() {
        last = null;
        table.setItems(FXCollections.observableArrayList());
        timeline.getDatasets().clear();
    }

    private void columns() {
        table.getColumns().add(column("detector", e -> e.label()));
        table.getColumns()
                .add(column(
                        "threshold",
                        e -> String.format(
                                Locale.ROOT, "%.4g", e.analysis().threshold().value())));
        table.getColumns()
                .add(column(
                        "flagged", e -> Integer.toString(e.analysis().alarms().flaggedCount())));
        table.getColumns()
                .add(column("first sustained alarm", e -> e.firstAlarm().isEmpty() ? "none" : e.firstAlarm()));
        table.getColumns()
                .add(column("lead time", e -> Durations.hours(e.analysis().leadTimeHours())));
        table.getColumns()
                .add(column(
                        "alarms in training",
                        e -> Integer.toString(e.analysis().alarms().trainingAlarmRows())));
        table.getColumns()
                .add(column(
                        "top channel", e -> e.analysis().dominantTopChannel().orElse("-")));
        table.getColumns().add(column("fitted", DetectorComparison.Entry::fitted));
    }

    private static TableColumn<DetectorComparison.Entry, String> column(
            String name, Function<DetectorComparison.Entry, String> value) {
        TableColumn<DetectorComparison.Entry, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(true);
        return c;
    }

    /** Runs the comparison in the background with the open data, split, active model, method and rule. */
    void compare() {
        var data = model.dataProperty().get();
        if (data == null) {
            return;
        }
        var table0 = data.table();
        var active = model.bundleProperty().get();
        // the model takes part when the open data has its columns
        var bundle = active != null && active.model().columns().stream().allMatch(table0::hasColumn) ? active : null;
        var rule = model.ruleProperty().get();
        var method = model.thresholdMethodProperty().get();
        var split = model.split();
        int perBearing = model.channelsPerBearingProperty().get();
        List<String> cols = bundle != null ? bundle.model().columns() : ColumnSelection.defaults(table0);
        status.setText("Comparing…");
        var ticket = latest.next();
        session.fxTasks()
                .run(
                        "Compare detectors",
                        ctx -> DetectorComparison.run(
                                table0,
                                cols,
                                split,
                                bundle,
                                method instanceof SavedThreshold ? null : method,
                                rule,
                                perBearing,
                                ctx),
                        ticket.then(this::show),
                        ticket.then(ex -> status.setText("Cannot compare: " + Dialogs.describe(ex))));
    }

    private void show(DetectorComparison c) {
        last = c;
        table.setItems(FXCollections.observableArrayList(c.entries()));
        timeline.getDatasets().clear();
        double max = 1;
        for (DetectorComparison.Entry e : c.entries()) {
            AnomalyAnalysis a = e.analysis();
            for (double v : a.scores().score()) {
                max = Double.isFinite(v / a.threshold().value())
                        ? Math.max(max, v / a.threshold().value())
                        : max;
            }
        }
        int k = 0;
        for (DetectorComparison.Entry e : c.entries()) {
            AnomalyAnalysis a = e.analysis();
            DoubleDataSet ds = Charts.dataSet(
                    e.label(), DETECTOR_COLORS[k++ % DETECTOR_COLORS.length], e.id().equals("lstm") ? 2 : 1.2);
            double t = a.threshold().value();
            for (int r = 0; r < a.table().rowCount(); r++) {
                double v = a.scores().score()[r] / t;
                if (v >= 0 && Double.isFinite(v)) {
                    // far below its threshold is all the same to a reader: drawn on the axis's floor
                    ds.add(Charts.seconds(a.table().timestamp(r)), Math.max(v, RATIO_FLOOR));
                }
            }
            timeline.getDatasets().add(ds);
        }
        var y = Charts.yAxis(timeline);
        y.setAutoRanging(false);
        y.setMin(RATIO_FLOOR);
        y.setMax(Math.pow(10, Math.ceil(Math.log10(max * 1.05))));
        DoubleDataSet one = Charts.dashedDataSet("threshold (1)", Palette.THRESHOLD, 1.5);
        one.add(Charts.seconds(c.table().timestamp(0)), 1);
        one.add(Charts.seconds(c.table().timestamp(c.table().rowCount() - 1)), 1);
        timeline.getDatasets().add(one);
        status.setText(String.format(
                Locale.ROOT,
                "%d detectors on %d rows (%d training rows), features %s",
                c.entries().size(),
                c.table().rowCount(),
                c.entries().get(0).analysis().trainRows(),
                c.entries().get(c.entries().size() - 1).analysis().channels().columns()));
    }

    public void save(Path file) {
        try {
            last.writeCsv(file, null);
            status.setText("Saved " + file);
        } catch (IOException ex) {
            status.setText("Cannot save: " + Dialogs.describe(ex));
        }
    }

    /** The timeline control (a test hook). */
    public XYChart timeline() {
        return timeline;
    }

    /** The status control (a test hook). */
    public Label status() {
        return status;
    }

    /** The table control (a test hook). */
    public TableView<DetectorComparison.Entry> table() {
        return table;
    }
}
