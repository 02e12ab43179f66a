package org.bearingworkbench.ui.spectra;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.EnvelopeWaterfall;
import org.bearingworkbench.signal.Kurtogram;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.shell.LatestOnly;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.Charts;

/**
 * Physics views over the run and of one file: a waterfall of envelope spectra for a channel (files evenly spaced
 * over the run, the defect frequencies running into the depth, files in alarm in red) and the kurtogram of one file
 * (the selected file, else the first alarm, else the last), whose best band can become the demodulation band.
 */
public final class SpectraPane extends VBox {
    private final WorkbenchModel model;
    private final Session session;
    /** Only the latest waterfall and kurtogram are shown: none for data since closed. */
    private final LatestOnly waterfallJobs = new LatestOnly();

    private final LatestOnly kurtogramJobs = new LatestOnly();
    final ComboBox<String> channel = new ComboBox<>();
    final Spinner<Integer> lines = new Spinner<>(2, 200, 40);
    private final WaterfallView waterfall = new WaterfallView();
    private final KurtogramView kurtogram = new KurtogramView();
    private final Label status = new Label("Choose a channel, then draw the waterfall or the kurtogram.");
    private final Label kurtogramText = new Label();
    final Button useBand = new Button("Use this band for envelope analysis");

    public SpectraPane(Session session) {
        super(8);
        WorkbenchModel model = session.model();
        this.model = model;
        this.session = session;
        getStyleClass().add("pane");
        setPadding(new Insets(10));
        Button drawWaterfall = new Button("Draw waterfall");
        drawWaterfall.getStyleClass().add("accent");
        drawWaterfall.disableProperty().bind(model.dataProperty().isNull());
        drawWaterfall.setOnAction(e -> drawWaterfall());
        Button drawKurtogram = new Button("Kurtogram of the file");
        drawKurtogram.disableProperty().bind(model.dataProperty().isNull());
        drawKurtogram.setTooltip(new Tooltip("The file selected on the timeline or in the flagged list; else the first "
                + "alarm; else the last file"));
        drawKurtogram.setOnAction(e -> drawKurtogram());
        useBand.setDisable(true);
        useBand.setOnAction(e -> useBestBand());
        lines.setPrefWidth(80);
        lines.setEditable(true);
        status.setWrapText(true);
        kurtogramText.setWrapText(true);
        HBox bar = new HBox(
                8, new Label("channel"), channel, new Label("lines"), lines, drawWaterfall, drawKurtogram, useBand);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, Charts.heading("Waterfall of envelope spectra"), waterfall);
        VBox.setVgrow(waterfall, Priority.ALWAYS);
        VBox bottom = new VBox(4, Charts.heading("Kurtogram"), kurtogramText, kurtogram);
        VBox.setVgrow(kurtogram, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.56);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, status, split);
        model.dataProperty().addListener((o, a, d) -> {
            if (a == null || d == null || !WorkbenchModel.sameRun(a.table(), d.table())) {
                // what was under way was for the run before
                if (waterfallJobs.invalidate()) {
                    status.setText("Another run was opened: draw the waterfall again.");
                }
                if (kurtogramJobs.invalidate()) {
                    kurtogramText.setText("Another run was opened: compute the kurtogram again.");
                }
            }
            fillChannels();
        });
        fillChannels();
    }

    private void fillChannels() {
        FeatureTable t = model.table();
        channel.getItems()
                .setAll(
                        t == null
                                ? List.of()
                                : t.channels().stream().map(c -> "ch" + c).toList());
        if (!channel.getItems().isEmpty()) {
            channel.getSelectionModel().select(0);
        }
        waterfall.show(null, r -> false);
        kurtogram.show(null);
        kurtogramText.setText("");
        useBand.setDisable(true);
    }

    private int channelNumber() {
        String c = channel.getValue();
        return c == null ? 1 : Integer.parseInt(c.substring(2));
    }

    /** The data's physics settings, or null with the reason in the status line. */
    private PhysicsSettings settings(ImportResult data) {
        if (data == null) {
            return null;
        }
        if (data.rawSource().isEmpty()) {
            status.setText("These views need the raw snapshot files (the data was opened from a feature CSV).");
            return null;
        }
        var missing = data.description().missingForPhysics();
        if (!missing.isEmpty()) {
            status.setText("Unknown: " + String.join(", ", missing)
                    + ". Give them in File > Edit metadata… to draw the " + "defect frequencies.");
            return null;
        }
        return data.description().physics(model.physicsSettingsProperty().get());
    }

    void drawWaterfall() {
        ImportResult data = model.dataProperty().get();
        PhysicsSettings s = settings(data);
        if (s == null) {
            return;
        }
        int ch = channelNumber();
        int n = lines.getValue();
        AnomalyAnalysis a = model.analysisProperty().get();
        boolean[] alarm = a == null ? null : a.alarms().inAlarm();
        status.setText("Computing " + n + " envelope spectra of ch" + ch + "…");
        var ticket = waterfallJobs.next();
        session.fxTasks()
                .run(
                        "Waterfall",
                        ctx -> EnvelopeWaterfall.of(data, ch, s, n, EnvelopeWaterfall.defaultMaxHz(s), ctx),
                        ticket.then(w -> {
                            waterfall.show(w, r -> alarm != null && r < alarm.length && alarm[r]);
                            status.setText(String.format(
                                    Locale.ROOT,
                                    "ch%d: %d files from %s to %s, band %.0f-%.0f Hz%s",
                                    ch,
                                    w.lines().size(),
                                    FeatureCsv.ISO.format(w.lines().get(0).time()),
                                    FeatureCsv.ISO.format(
                                            w.lines().get(w.lines().size() - 1).time()),
                                    s.bandLowHz(),
                                    s.bandHighHz(),
                                    alarm == null ? "" : "; red: files in a sustained alarm"));
                        }),
                        ticket.then(ex -> status.setText("Cannot draw the waterfall: " + Dialogs.describe(ex))));
    }

    /** The file the kurtogram looks at: the selected one, else the first alarm, else the last. */
    int kurtogramRow() {
        FeatureTable t = model.table();
        int row = model.selectedRowProperty().get();
        if (row >= 0 && row < t.rowCount()) {
            return row;
        }
        AnomalyAnalysis a = model.analysisProperty().get();
        return a != null && a.alarms().firstAlarm() >= 0 ? a.alarms().firstAlarm() : t.rowCount() - 1;
    }

    void drawKurtogram() {
        ImportResult data = model.dataProperty().get();
        PhysicsSettings s = settings(data);
        if (s == null) {
            return;
        }
        FeatureTable t = data.table();
        int row = kurtogramRow();
        int ch = channelNumber();
        String file = t.file(row);
        var time = t.timestamp(row);
        kurtogramText.setText("Computing the kurtogram of " + file + " ch" + ch + "…");
        var ticket = kurtogramJobs.next();
        session.fxTasks()
                .run(
                        "Kurtogram",
                        ctx -> {
                            SignalView v = data.rawSource().get().read(file, time, new SnapshotReader());
                            if (ch > v.channels()) {
                                throw new IllegalArgumentException(file + " has no channel " + ch);
                            }
                            double[] x = Arrays.copyOf(v.channel(ch - 1), v.rows());
                            return Kurtogram.of(x, x.length, s.sampleRate());
                        },
                        ticket.then(k -> {
                            kurtogram.show(k);
                            useBand.setDisable(false);
                            kurtogramText.setText(String.format(
                                    Locale.ROOT,
                                    "%s ch%d (%s): most impulsive band %s",
                                    file,
                                    ch,
                                    FeatureCsv.ISO.format(time),
                                    k.best()));
                        }),
                        ticket.then(
                                ex -> kurtogramText.setText("Cannot compute the kurtogram: " + Dialogs.describe(ex))));
    }

    /** Makes the kurtogram's best band the demodulation band of the envelope analyses (Signals, physics, report). */
    void useBestBand() {
        Kurtogram k = kurtogram.kurtogram();
        PhysicsSettings p = model.physicsSettingsProperty().get();
        if (k == null || p == null) {
            return;
        }
        Kurtogram.Band b = k.best();
        double lo = Math.max(b.lowHz(), 1);
        model.physicsSettingsProperty()
                .set(new PhysicsSettings(
                        p.geometry(),
                        lo,
                        b.highHz(),
                        Math.max(p.sampleRate(), 2 * b.highHz()),
                        p.harmonics(),
                        p.tolerance(),
                        p.spectrogramBins()));
        status.setText(String.format(
                Locale.ROOT,
                "Demodulation band set to %.0f-%.0f Hz: the Signals pane and the incident report "
                        + "use it; Apply and recompute in Bearing physics for the run's indicators.",
                lo,
                b.highHz()));
    }

    /** The waterfall control (a test hook). */
    public WaterfallView waterfall() {
        return waterfall;
    }

    /** The kurtogram control (a test hook). */
    public KurtogramView kurtogram() {
        return kurtogram;
    }

    /** The status control (a test hook). */
    public Label status() {
        return status;
    }

    /** The kurtogramText control (a test hook). */
    public Label kurtogramText() {
        return kurtogramText;
    }
}
