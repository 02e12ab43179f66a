package org.bearingworkbench.ui.physics;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.XRangeIndicator;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.bearingworkbench.detect.TrendRise;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.formats.DataSource;
import org.bearingworkbench.pipeline.RunPhysics;
import org.bearingworkbench.signal.BearingGeometry;
import org.bearingworkbench.signal.DefectType;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.shell.FileView;
import org.bearingworkbench.ui.shell.OpenRun;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.AlignedTimeAxes;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.bearingworkbench.ui.widgets.Charts;

/**
 * Bearing physics pane: the bearing geometry (the data set's, e.g. Rexnord ZA-2115 at 2000 rpm) and its defect
 * frequencies, the run's spectrogram per channel, and the per-file defect indicators (envelope peak / noise floor)
 * over the run.
 */
public final class PhysicsPane extends BorderPane {
    private static final String[] TYPE_COLORS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b"};
    private final WorkbenchModel model;
    private final ComboBox<String> channel = new ComboBox<>();
    private final XYChart spectrogram = Charts.timeChart("frequency", "Hz");
    private final ContourDataSetRenderer heat = new ContourDataSetRenderer();
    private final XYChart indicators = Charts.timeChart("envelope peak / noise floor", "ratio");
    /** The bearing the settings below describe, named as the data set's description names it. */
    private final Label bearingHeading = Charts.heading("Bearing");

    private final XRangeIndicator trainShade = new XRangeIndicator(indicators.getXAxis(), 0, 0, "training");
    private final XValueIndicator splitLine = new XValueIndicator(spectrogram.getXAxis(), 0, "train | test");
    private final TextField elements = field("16", "Number of rolling elements");
    private final TextField ballDiameter = field("0.331", "Rolling element diameter (any unit, same as pitch)");
    private final TextField pitchDiameter = field("2.815", "Pitch diameter");
    private final TextField contactAngle = field("15.17", "Contact angle in degrees");
    private final TextField rpm = field("2000", "Shaft speed in rpm");
    private final TextField bandLow = field("2000", "Demodulation band, low edge (Hz)");
    private final TextField bandHigh = field("8000", "Demodulation band, high edge (Hz)");
    private final Label frequencies = new Label();
    private final Label verdict =
            new Label("Defect indicators are computed in the background after a directory import.");
    private final Label error = new Label();
    private final Label diagnosis = new Label();
    private final Session session;

    public PhysicsPane(Session session, OpenRun run, PhysicsPrefs prefs) {
        WorkbenchModel model = session.model();
        this.model = model;
        this.session = session;
        getStyleClass().add("pane");
        heat.setContourType(ContourType.HEATMAP);
        heat.setColorGradient(ColorGradient.JET);
        // the renderer makes its colour-bar axis itself (named "z-Axis"): give it the quantity and unit
        ListChangeListener<Axis> nameColourBar = c -> {
            for (var a : List.copyOf(c.getList())) {
                if (a.getDimIndex() == DataSet.DIM_Z && !"amplitude, log10".equals(a.getName())) {
                    a.setName("amplitude, log10");
                    a.setUnit("g");
                }
            }
        };
        heat.getAxes().addListener(nameColourBar);
        spectrogram.getAxes().addListener(nameColourBar);
        spectrogram.getRenderers().setAll(heat);
        spectrogram.getPlugins().add(splitLine);
        spectrogram.setLegendVisible(false);
        indicators.getPlugins().add(trainShade);
        Button apply = new Button("Apply and recompute");
        apply.setOnAction(e -> {
            PhysicsSettings s = readSettings();
            if (s != null) {
                model.physicsSettingsProperty().set(s);
                prefs.save(s);
                run.computePhysics();
            }
        });
        error.getStyleClass().add("error");
        error.setWrapText(true);
        frequencies.setWrapText(true);
        verdict.setWrapText(true);
        verdict.getStyleClass().add("explanation");
        diagnosis.setWrapText(true);
        diagnosis.getStyleClass().add("explanation");
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("Rolling elements"), elements);
        form.addRow(1, new Label("Element diameter"), ballDiameter);
        form.addRow(2, new Label("Pitch diameter"), pitchDiameter);
        form.addRow(3, new Label("Contact angle (°)"), contactAngle);
        form.addRow(4, new Label("Shaft speed (rpm)"), rpm);
        form.addRow(5, new Label("Band low (Hz)"), bandLow);
        form.addRow(6, new Label("Band high (Hz)"), bandHigh);
        VBox side = new VBox(
                8,
                bearingHeading,
                form,
                apply,
                error,
                frequencies,
                Charts.heading("Channel"),
                channel,
                Charts.heading("What the indicators say"),
                verdict,
                Charts.heading("Diagnosis of the last file"),
                diagnosis);
        side.setPadding(new Insets(0, 10, 0, 0));
        side.setPrefWidth(290);
        setLeft(side);
        SplitPane charts = new SplitPane(
                new ChartBox("Run spectrogram (log amplitude)", spectrogram),
                new ChartBox("Defect indicators over the run (envelope peak / noise floor)", indicators));
        charts.setOrientation(Orientation.VERTICAL);
        AlignedTimeAxes.align(spectrogram, indicators);
        setCenter(charts);
        channel.setOnAction(e -> refresh());
        model.physicsProperty().addListener((o, a, p) -> {
            fillChannels();
            refresh();
        });
        model.trainUntilProperty().addListener((o, a, v) -> refresh());
        model.analysisProperty().addListener((o, a, n) -> {
            if (WorkbenchModel.rangeChanged(a, n)) {
                refresh();
            }
        });
        model.physicsSettingsProperty().addListener((o, a, s) -> showSettings(s));
        showSettings(model.physicsSettingsProperty().get());
        if (model.physicsProperty().get() != null) { // made after the physics pass
            fillChannels();
            refresh();
        }
    }

    private static TextField field(String value, String tip) {
        TextField f = new TextField(value);
        f.setPrefColumnCount(7);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private PhysicsSettings readSettings() {
        try {
            BearingGeometry g = new BearingGeometry(
                    "custom",
                    Integer.parseInt(elements.getText().trim()),
                    Double.parseDouble(ballDiameter.getText().trim()),
                    Double.parseDouble(pitchDiameter.getText().trim()),
                    Double.parseDouble(contactAngle.getText().trim()),
                    Double.parseDouble(rpm.getText().trim()) / 60);
            PhysicsSettings base = model.physicsSettingsProperty().get();
            error.setText("");
            return new PhysicsSettings(
                    g,
                    Double.parseDouble(bandLow.getText().trim()),
                    Double.parseDouble(bandHigh.getText().trim()),
                    base.sampleRate(),
                    base.harmonics(),
                    base.tolerance(),
                    base.spectrogramBins());
        } catch (NumberFormatException e) {
            error.setText("Every field must be a number.");
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
        return null;
    }

    private void showSettings(PhysicsSettings s) {
        BearingGeometry g = s.geometry();
        bearingHeading.setText("Bearing: " + g.name());
        elements.setText(Integer.toString(g.rollingElements()));
        ballDiameter.setText(Double.toString(g.elementDiameter()));
        pitchDiameter.setText(Double.toString(g.pitchDiameter()));
        contactAngle.setText(Double.toString(g.contactAngleDegrees()));
        rpm.setText(String.format(Locale.ROOT, "%.6g", g.shaftHz() * 60).replaceAll("\\.?0+$", ""));
        bandLow.setText(String.format(Locale.ROOT, "%.0f", s.bandLowHz()));
        bandHigh.setText(String.format(Locale.ROOT, "%.0f", s.bandHighHz()));
        frequencies.setText(String.format(
                Locale.ROOT,
                "Shaft %.1f Hz · BPFO %.1f · BPFI %.1f · BSF %.1f (2×BSF %.1f) · FTF %.1f Hz;"
                        + " matched within ±%.0f%% (slip), %d harmonics.",
                g.shaftHz(),
                g.bpfo(),
                g.bpfi(),
                g.bsf(),
                2 * g.bsf(),
                g.ftf(),
                100 * s.tolerance(),
                s.harmonics()));
    }

    private void fillChannels() {
        FeatureTable t = model.table();
        channel.getItems()
                .setAll(
                        t == null
                                ? List.of()
                                : t.channels().stream().map(c -> "ch" + c).toList());
        if (!channel.getItems().isEmpty()) {
            channel.setValue(channel.getItems().get(0));
        }
    }

    /**
     * The run's last file diagnosed on this channel by the same call as the Signals pane, {@code envelope} and the
     * incident report (in the pass's settings, the band chosen by the evidence).
     */
    private void diagnoseLastFile(RunPhysics p, FeatureTable t, int ch) {
        ImportResult data = model.dataProperty().get();
        if (data == null || data.rawSource().isEmpty() || t.rowCount() == 0) {
            diagnosis.setText("No raw files to diagnose (data loaded from a feature CSV).");
            return;
        }
        DataSource source = data.rawSource().get();
        int row = t.rowCount() - 1;
        String file = t.file(row);
        LocalDateTime time = t.timestamp(row);
        var request = new FileView.Request(List.of(ch), p.settings().sampleRate(), ch, p.settings(), true);
        diagnosis.setText("Diagnosing " + file + "…");
        session.fxTasks()
                .view(
                        "physics-diagnosis",
                        ctx -> FileView.load(source, file, time, request, ctx),
                        res -> diagnosis.setText(
                                res.envelope() == null ? "" : res.envelope().sentence("ch" + ch, file)),
                        ex -> diagnosis.setText("Cannot read " + file + ": " + Dialogs.describe(ex)));
    }

    private void refresh() {
        RunPhysics p = model.physicsProperty().get();
        FeatureTable t = model.table();
        indicators.getDatasets().clear();
        spectrogram.getDatasets().clear();
        if (p == null || t == null || channel.getValue() == null) {
            return;
        }
        int ch = Integer.parseInt(channel.getValue().substring(2));
        int c = t.channels().indexOf(ch);
        int files = t.rowCount();
        double[] x = new double[files];
        for (int i = 0; i < files; i++) {
            x[i] = Charts.seconds(t.timestamp(i));
        }
        int train = Math.max(1, model.shownTrainRows());
        StringBuilder verdictText = new StringBuilder();
        for (DefectType type : DefectType.values()) {
            double[] y = p.indicators().get(type.column(ch));
            DoubleDataSet ds = Charts.dataSet(type.label(), TYPE_COLORS[type.ordinal()], 1.2);
            ds.set(x, y);
            indicators.getDatasets().add(ds);
            int rise = TrendRise.risesForGoodAt(y, train, 1.2);
            if (rise >= 0) {
                verdictText.append(String.format(
                        Locale.ROOT,
                        "%s (%s) on %s rises above 1.2× its training maximum for good at %s.%n",
                        type.label(),
                        type.meaning(),
                        channel.getValue(),
                        FeatureCsv.ISO.format(t.timestamp(rise))));
            }
        }
        diagnoseLastFile(p, t, ch);
        verdict.setText(
                verdictText.length() == 0
                        ? "No defect indicator of " + channel.getValue() + " has left its training range for good."
                        : verdictText.toString().trim());
        trainShade.setLowerBound(x[0]);
        trainShade.setUpperBound(x[train - 1]);
        splitLine.setValue(x[train - 1]);
        float[][] grid = p.spectrogram()[c];
        int bins = grid[0].length;
        double[] freq = new double[bins];
        for (int b = 0; b < bins; b++) {
            freq[b] = (b + 0.5) * p.binWidthHz();
        }
        double[] z = new double[files * bins];
        for (int b = 0; b < bins; b++) {
            for (int i = 0; i < files; i++) {
                z[b * files + i] = Math.log10(Math.max(grid[i][b], 1e-6));
            }
        }
        spectrogram
                .getDatasets()
                .add(new DoubleGridDataSet(channel.getValue() + " spectrogram", false, new double[][] {x, freq}, z));
    }

    /** Where the shaded training range ends on the time axis (epoch seconds), as drawn. */
    public double shadedUntil() {
        return trainShade.getUpperBound();
    }

    /** The bearingHeading control (a test hook). */
    public Label bearingHeading() {
        return bearingHeading;
    }
}
