package org.bearingworkbench.ui.health;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.NumberToken;
import org.bearingworkbench.pipeline.prognosis.FeatureRanking;
import org.bearingworkbench.pipeline.prognosis.LifeForecast;
import org.bearingworkbench.pipeline.prognosis.LifeForecaster;
import org.bearingworkbench.pipeline.prognosis.LifeModel;
import org.bearingworkbench.pipeline.prognosis.RemainingLife;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.shell.LatestOnly;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.StartFolders;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;

/**
 * Health and remaining life: the features ranked by monotonicity and trendability (a sortable table), the health
 * indicator built from the best of them with its onset and failure levels, and the remaining-life forecasts from the
 * degradation onset on (median and 90% band, beside the actual remaining life when the run ends in failure).
 */
public final class HealthPane extends VBox {
    private final WorkbenchModel model;
    private final Session session;
    /** Only the latest estimate or forecast is shown: one for data since closed never is. */
    private final LatestOnly latest = new LatestOnly();

    private final TableView<FeatureRanking.Rank> ranking = new TableView<>();
    private final TableView<RemainingLife.Estimate> forecasts = new TableView<>();
    private final TableView<LifeForecast> lifeForecasts = new TableView<>();
    private final TextField lifeModel = new TextField();
    private final TextField every = new TextField();
    private final XYChart indicator = Charts.timeChart("health indicator", null);
    private final XYChart life = Charts.timeChart("remaining life", "h");
    private final Label status =
            new Label("Rank the features, build a health indicator and forecast the remaining life of the open run.");
    private final Spinner<Integer> top = new Spinner<>(1, 10, 3);
    private final Spinner<Integer> smoothing = new Spinner<>(1, 200, 12);
    private final TextField failure = new TextField();
    private final XValueIndicator onsetLine = new XValueIndicator(indicator.getXAxis(), 0, "onset");

    public HealthPane(Session session) {
        super(8);
        WorkbenchModel model = session.model();
        this.model = model;
        this.session = session;
        getStyleClass().add("pane");
        setPadding(new Insets(10));
        Button run = new Button("Estimate remaining life");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(model.dataProperty().isNull());
        run.setOnAction(e -> estimate());
        top.setPrefWidth(70);
        top.setTooltip(new Tooltip("How many of the best-ranked features the health indicator combines"));
        smoothing.setPrefWidth(80);
        smoothing.setEditable(true);
        smoothing.setTooltip(new Tooltip("Causal moving average over this many rows before ranking and forecasting"));
        failure.setPromptText("none: no forecast");
        failure.setPrefColumnCount(9);
        failure.setTooltip(new Tooltip("The health-indicator level taken as failure; empty: no forecast (a run's last"
                + " file is never taken for its failure; a life model learns the level from runs to failure)"));
        lifeModel.setPromptText("life model (.bwr, from rul learn)");
        lifeModel.setPrefColumnCount(22);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browseLifeModel());
        Button forecast = new Button("Forecast with life model");
        forecast.disableProperty()
                .bind(model.dataProperty().isNull().or(lifeModel.textProperty().isEmpty()));
        forecast.setOnAction(e -> forecastWithLifeModel());
        every.setPromptText("an eighth of the run");
        every.setPrefColumnCount(10);
        every.setTooltip(new Tooltip("Forecast every so many seconds of the run, and at its last snapshot (rul predict"
                + " --every); empty: an eighth of the run"));
        HBox lifeBar = new HBox(8, forecast, lifeModel, browse, new Label("every (s)"), every);
        lifeBar.setAlignment(Pos.CENTER_LEFT);
        status.setWrapText(true);
        HBox bar = new HBox(
                8,
                run,
                new Label("features"),
                top,
                new Label("smoothing (rows)"),
                smoothing,
                new Label("failure level"),
                failure);
        bar.setAlignment(Pos.CENTER_LEFT);
        HealthTables.columns(ranking, forecasts, lifeForecasts);
        ranking.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        forecasts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        lifeForecasts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        lifeForecasts.setPlaceholder(new Label("No life-model forecast yet"));
        ranking.setPlaceholder(new Label("No ranking yet"));
        forecasts.setPlaceholder(new Label("No forecast yet"));
        indicator.getPlugins().add(onsetLine);
        onsetLine.setEditable(false);
        Charts.yAxis(life).setForceZeroInRange(true);
        // forecasts are a few points (one on a short run): markers, not only lines
        ((ErrorDataSetRenderer) life.getRenderers().get(0)).setDrawMarker(true);
        VBox tables = new VBox(
                6,
                Charts.heading("Forecasts from the life model"),
                lifeForecasts,
                Charts.heading("Feature ranking (this run)"),
                ranking,
                Charts.heading("Forecasts at a given failure level"),
                forecasts);
        VBox.setVgrow(lifeForecasts, Priority.ALWAYS);
        VBox.setVgrow(ranking, Priority.ALWAYS);
        VBox.setVgrow(forecasts, Priority.ALWAYS);
        VBox charts = new VBox(
                6,
                grow(new ChartBox("Health indicator, onset and failure levels", indicator)),
                grow(new ChartBox("Remaining life from the onset on: predicted (median, 90% band) and actual", life)));
        SplitPane split = new SplitPane(tables, charts);
        split.setDividerPositions(0.36);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(Charts.heading("How long do I have?"), lifeBar, bar, status, split);
        model.dataProperty().addListener((o, a, d) -> {
            if (a == null || d == null || !WorkbenchModel.sameRun(a.table(), d.table())) {
                if (latest.invalidate()) { // what was under way was for the run before
                    status.setText("Another run was opened: its result would not be this run's. Run it again.");
                }
            }
            clear();
        });
    }

    private static ChartBox grow(ChartBox box) {
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private void browseLifeModel() {
        FileChooser fc = new FileChooser();
        fc.setInitialDirectory(StartFolders.initial());
        fc.setTitle("A life model (rul learn -o model.bwr)");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Life model", "*.bwr"));
        File f = StartFolders.chosen(fc.showOpenDialog(getScene().getWindow()));
        if (f != null) {
            lifeModel.setText(f.getPath());
            forecastWithLifeModel();
        }
    }

    /** Forecasts the open run with the life model named in the field, as {@code rul predict} does. */
    void forecastWithLifeModel() {
        FeatureTable t = model.table();
        if (t == null || lifeModel.getText().isBlank()) {
            return;
        }
        Path file = Path.of(lifeModel.getText().trim());
        double seconds;
        try {
            seconds = every.getText().isBlank()
                    ? LifeForecaster.defaultEverySeconds(t)
                    : Double.parseDouble(every.getText().trim());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            status.setText("every: a number of seconds above 0 (got '"
                    + every.getText().trim() + "')");
            return;
        }
        double step = seconds;
        status.setText("Forecasting with " + file.getFileName() + "…");
        var ticket = latest.next();
        session.fxTasks()
                .run(
                        "Remaining life",
                        ctx -> {
                            LifeModel m = LifeModel.read(file);
                            return Map.entry(m, LifeForecaster.every(m, t, step));
                        },
                        ticket.then(f -> {
                            model.lifeModelProperty().set(f.getKey());
                            showLife(file, f.getValue());
                        }),
                        ticket.then(
                                ex -> status.setText("Cannot forecast with " + file + ": " + Dialogs.describe(ex))));
    }

    private void showLife(Path file, List<LifeForecast> f) {
        lifeForecasts.setItems(FXCollections.observableArrayList(f));
        life.getDatasets().clear();
        DoubleDataSet rul = Charts.dataSet("forecast (decision)", Palette.ALARM, 2);
        DoubleDataSet median = Charts.dashedDataSet("median", "#333333", 1);
        DoubleDataSet low = Charts.dashedDataSet("90% band", "#e69a9a", 1);
        DoubleDataSet high = Charts.dashedDataSet("90% band (high)", "#e69a9a", 1);
        double top = 0;
        for (LifeForecast e : f) {
            top = Math.max(top, Math.max(e.rulSeconds(), e.medianSeconds()) / 3600);
        }
        // the axis fits the decision and the median; a band's far end above them is drawn at the top
        top = top > 0 ? top * 1.15 : 1;
        boolean clipped = false;
        for (LifeForecast e : f) {
            double x = Charts.seconds(e.time());
            rul.add(x, e.rulSeconds() / 3600);
            median.add(x, e.medianSeconds() / 3600);
            low.add(x, Math.min(e.lowSeconds() / 3600, top));
            high.add(x, Math.min(e.highSeconds() / 3600, top));
            clipped |= e.highSeconds() / 3600 > top;
        }
        if (clipped) {
            high.setName("90% band (high; drawn at the top above it)");
        }
        life.getDatasets().addAll(rul, median, low, high);
        LifeCharts.fitY(life, top);
        LifeForecast last = f.get(f.size() - 1);
        status.setText(String.format(
                Locale.ROOT,
                "Life model %s: at %s, %.0f s to failure (median %.0f s, 90%% band %.0f to %.0f s); %s.",
                file.getFileName(),
                FeatureCsv.ISO.format(last.time()),
                last.rulSeconds(),
                last.medianSeconds(),
                last.lowSeconds(),
                last.highSeconds(),
                last.method()));
    }

    private void show(FeatureTable t, RemainingLife r) {
        ranking.setItems(FXCollections.observableArrayList(r.ranking().ranks()));
        forecasts.setItems(FXCollections.observableArrayList(r.estimates()));
        LifeCharts.show(indicator, onsetLine, life, t, r);
        status.setText(LifeSummary.of(t, r));
    }

    private void clear() {
        lifeForecasts.setItems(FXCollections.observableArrayList());
        ranking.setItems(FXCollections.observableArrayList());
        forecasts.setItems(FXCollections.observableArrayList());
        indicator.getDatasets().clear();
        life.getDatasets().clear();
    }

    /** Ranks, builds the indicator and forecasts in the background with the open data and split. */
    void estimate() {
        FeatureTable t = model.table();
        if (t == null) {
            return;
        }
        Double level = null;
        if (!failure.getText().isBlank()) {
            var v = NumberToken.parseCell(failure.getText().trim());
            if (v.isEmpty()) {
                status.setText(
                        "Failure level: '" + failure.getText() + "' is not a number (leave it empty for no forecast).");
                return;
            }
            level = v.getAsDouble();
        }
        List<String> candidates = RemainingLife.candidates(t);
        int trainRows = model.trainRows();
        int k = top.getValue();
        int smooth = smoothing.getValue();
        Double failureLevel = level;
        status.setText("Estimating…");
        var ticket = latest.next();
        session.fxTasks()
                .run(
                        "Remaining life",
                        ctx -> RemainingLife.of(
                                t, candidates, trainRows, k, smooth, failureLevel, RemainingLife.defaultEveryHours(t)),
                        ticket.then(r -> show(t, r)),
                        ticket.then(ex -> status.setText("Cannot estimate: " + Dialogs.describe(ex))));
    }

    /** The lifeForecasts control (a test hook). */
    public TableView<LifeForecast> lifeForecasts() {
        return lifeForecasts;
    }

    /** The lifeModel control (a test hook). */
    public TextField lifeModel() {
        return lifeModel;
    }

    /** The every control (a test hook). */
    public TextField every() {
        return every;
    }

    /** The indicator control (a test hook). */
    public XYChart indicator() {
        return indicator;
    }

    /** The life control (a test hook). */
    public XYChart life() {
        return life;
    }

    /** What the pane says about its last estimate or forecast (a test hook). */
    public Label status() {
        return status;
    }

    /** The ranking control (a test hook). */
    public TableView<FeatureRanking.Rank> ranking() {
        return ranking;
    }

    /** The forecasts control (a test hook). */
    public TableView<RemainingLife.Estimate> forecasts() {
        return forecasts;
    }
}
