package org.bearingworkbench.ui.signals;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XRangeIndicator;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.Snapshot;
import org.bearingworkbench.io.formats.DataSource;
import org.bearingworkbench.signal.FileEnvelope;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.signal.Spectrum;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.shell.FileView;
import org.bearingworkbench.ui.shell.FxTasks;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;

/**
 * Signals pane: a feature's trend per bearing with the training range shaded; click a point (a file) to see its raw
 * waveform and amplitude spectrum per channel; and the study's view, the FFT of the trend series, train vs test.
 */
public final class SignalsPane extends BorderPane {
    private final WorkbenchModel model;
    private final FxTasks tasks;
    private final ComboBox<String> bearing = new ComboBox<>();
    private final ComboBox<String> feature = new ComboBox<>();
    private final TextField sampleRate = new TextField("20000");
    private final CheckBox logSpectrum = new CheckBox("log amplitude");
    private final Label fileLabel = new Label("Click a point of the trend to pick a file.");
    private final XYChart trend = Charts.timeChart("feature", null);
    private final XYChart waveform = Charts.xy("time", "ms", "acceleration", "g");
    private final XYChart spectrum = Charts.xy("frequency", "Hz", "amplitude", "g");
    private final XYChart trendFft = Charts.xy("frequency", "cycles/day", "amplitude", null);
    private final XRangeIndicator trainShade = new XRangeIndicator(trend.getXAxis(), 0, 0, "training");
    private final XValueIndicator fileMarker = new XValueIndicator(trend.getXAxis(), 0, "");
    private final EnvelopeView envelope = new EnvelopeView();
    private final ComboBox<String> envelopeChannel = new ComboBox<>();
    private final CheckBox autoBand = new CheckBox("auto band");
    private final Label defectSentence = new Label("Pick a file to see its envelope spectrum.");

    public SignalsPane(WorkbenchModel model, FxTasks tasks) {
        this.model = model;
        this.tasks = tasks;
        getStyleClass().add("pane");
        trend.getPlugins().addAll(trainShade, fileMarker);
        feature.getItems()
                .setAll(Arrays.stream(Feature.values()).map(Feature::key).toList());
        feature.setValue(Feature.MEAN_ABS.key());
        feature.setTooltip(new Tooltip("Per-file feature to trend"));
        bearing.setTooltip(new Tooltip("Which bearing's channels to show"));
        sampleRate.setPrefColumnCount(6);
        sampleRate.setTooltip(new Tooltip("Sampling rate of the raw files in Hz (from the data set's description; "
                + "a change here applies to these views only)"));
        logSpectrum.setOnAction(e -> Charts.yAxis(spectrum).setLogAxis(logSpectrum.isSelected()));
        Button prev = new Button("◀");
        prev.setTooltip(new Tooltip("Previous file"));
        prev.setOnAction(e -> step(-1));
        Button next = new Button("▶");
        next.setTooltip(new Tooltip("Next file"));
        next.setOnAction(e -> step(1));
        HBox controls = new HBox(
                8,
                new Label("Bearing"),
                bearing,
                new Label("Feature"),
                feature,
                new Label("Sample rate (Hz)"),
                sampleRate,
                logSpectrum,
                prev,
                next,
                fileLabel);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(0, 0, 8, 0));
        setTop(controls);

        GridPane grid = Charts.equalGrid(3, 2);
        grid.add(new ChartBox("Trend over the run", trend), 0, 0, 2, 1);
        grid.add(new ChartBox("Trend FFT (study view)", trendFft), 2, 0);
        grid.add(new ChartBox("Waveform of the selected file", waveform), 0, 1);
        grid.add(new ChartBox("Amplitude spectrum", spectrum), 1, 1);
        grid.add(new ChartBox("Envelope", envelope.chart(), envelopeChannel, autoBand), 2, 1);
        defectSentence.getStyleClass().add("explanation");
        defectSentence.setWrapText(true);
        setCenter(grid);
        setBottom(defectSentence);
        envelopeChannel.setMinWidth(Region.USE_PREF_SIZE);
        autoBand.setMinWidth(Region.USE_PREF_SIZE);
        envelopeChannel.setTooltip(new Tooltip("Channel whose envelope spectrum is shown"));
        autoBand.setSelected(true);
        autoBand.setTooltip(new Tooltip("Let the diagnosis choose the band per file (the whitened signal's full band "
                + "or its most impulsive band, by the strength of the defect evidence), as the envelope and "
                + "diagnose commands do; otherwise the band of the Bearing physics settings"));
        envelopeChannel.setOnAction(e -> showFile());
        autoBand.setOnAction(e -> showFile());
        model.physicsSettingsProperty().addListener((o, a, v) -> showFile());

        trend.getCanvas().setOnMouseClicked(e -> {
            FeatureTable t = model.table();
            if (t != null) {
                double x = trend.getXAxis().getValueForDisplay(e.getX());
                model.selectedRowProperty().set(Math.max(0, t.lastRowAtOrBefore(Charts.time(x))));
            }
        });
        bearing.setOnAction(e -> {
            refresh();
            showFile(); // the waveform and spectra follow the bearing filter at once
        });
        feature.setOnAction(e -> refresh());
        sampleRate.setOnAction(e -> showFile());
        model.dataProperty().addListener((o, a, d) -> dataChanged(a, d));
        model.channelsPerBearingProperty().addListener((o, a, v) -> {
            fillBearings();
            refresh();
        });
        model.trainUntilProperty().addListener((o, a, v) -> refresh());
        model.analysisProperty().addListener((o, a, n) -> {
            if (WorkbenchModel.rangeChanged(a, n)) {
                refresh();
            }
        });
        model.selectedRowProperty().addListener((o, a, v) -> showFile());
        if (model.dataProperty().get() != null) { // made after the data was opened
            dataChanged(null, model.dataProperty().get());
        }
    }

    private void dataChanged(ImportResult a, ImportResult d) {
        Charts.signalUnit(waveform, d);
        Charts.signalUnit(spectrum, d);
        Charts.signalUnit(envelope.chart(), d);
        if (d != null && d.description().sampleRateHz().known() && (a == null || a.description() != d.description())) {
            sampleRate.setText(Charts.plain(d.description().sampleRateHz().value()));
        }
        fillBearings();
        refresh();
        showFile(); // a re-import: the header and the panels name the same (new) file
    }

    private void step(int delta) {
        FeatureTable t = model.table();
        if (t != null) {
            int r = model.selectedRowProperty().get() < 0
                    ? 0
                    : model.selectedRowProperty().get() + delta;
            model.selectedRowProperty().set(Math.max(0, Math.min(t.rowCount() - 1, r)));
        }
    }

    private void fillBearings() {
        FeatureTable t = model.table();
        List<String> items = new ArrayList<>();
        items.add("All");
        if (t != null) {
            int per = model.channelsPerBearingProperty().get();
            int bearings = (t.channels().size() + per - 1) / per;
            for (int b = 1; b <= bearings; b++) {
                items.add("Bearing " + b);
            }
        }
        bearing.getItems().setAll(items);
        bearing.setValue("All");
        envelopeChannel
                .getItems()
                .setAll(
                        t == null
                                ? List.of()
                                : t.channels().stream().map(c -> "ch" + c).toList());
        if (!envelopeChannel.getItems().isEmpty()) {
            envelopeChannel.setValue(envelopeChannel.getItems().get(0));
        }
    }

    /** 1-based channels of the chosen bearing (all channels for "All"). */
    List<Integer> channels() {
        FeatureTable t = model.table();
        if (t == null) {
            return List.of();
        }
        String b = bearing.getValue();
        if (b == null || b.equals("All")) {
            return t.channels();
        }
        int n = Integer.parseInt(b.substring("Bearing ".length()));
        int per = model.channelsPerBearingProperty().get();
        return t.channels().stream().filter(c -> (c - 1) / per + 1 == n).toList();
    }

    private int bearingOf(int channel) {
        return (channel - 1) / model.channelsPerBearingProperty().get() + 1;
    }

    private void refresh() {
        trend.getDatasets().clear();
        trendFft.getDatasets().clear();
        FeatureTable t = model.table();
        if (t == null || feature.getValue() == null) {
            return;
        }
        Feature f = Feature.byKey(feature.getValue());
        Charts.yAxis(trend).setName(f.key());
        // levels carry the signal's unit; shape factors and the clip share are ratios
        boolean level = EnumSet.of(Feature.MEAN_ABS, Feature.RMS, Feature.STD, Feature.PEAK, Feature.P2P)
                .contains(f);
        var data = model.dataProperty().get();
        String unit = data == null ? null : data.description().unit().value();
        Charts.yAxis(trend).setUnit(level ? unit : "ratio");
        Charts.yAxis(trendFft).setUnit(level ? unit : "ratio");
        double[] x = new double[t.rowCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Charts.seconds(t.timestamp(i));
        }
        int train = Math.min(t.rowCount(), Math.max(2, model.shownTrainRows())); // a live run may have one row so far
        for (int ch : channels()) {
            String col = f.column(ch);
            if (!t.hasColumn(col)) {
                continue;
            }
            double[] y = t.column(col);
            DoubleDataSet ds = Charts.dataSet("ch" + ch, Palette.bearing(bearingOf(ch)), 1.2);
            ds.set(x, y);
            trend.getDatasets().add(ds);
            // one colour per channel; training dashed, test solid
            SignalsCharts.trendSpectrum(
                    trendFft,
                    "ch" + ch + " train",
                    Arrays.copyOfRange(y, 0, train),
                    Palette.bearing(bearingOf(ch)),
                    true,
                    t);
            SignalsCharts.trendSpectrum(
                    trendFft,
                    "ch" + ch + " test",
                    Arrays.copyOfRange(y, train, y.length),
                    Palette.bearing(bearingOf(ch)),
                    false,
                    t);
        }
        if (model.trainUntilProperty().get() != null) {
            // the range the views judge against: the active model's when it scored this run, else the split's
            trainShade.setLowerBound(x[0]);
            trainShade.setUpperBound(Charts.seconds(t.timestamp(Math.max(0, model.shownTrainRows() - 1))));
        }
    }

    /** What the view job computes for one file: its samples, each shown channel's spectrum, the envelope analysis. */
    private void showFile() {
        FeatureTable t = model.table();
        int row = model.selectedRowProperty().get();
        waveform.getDatasets().clear();
        spectrum.getDatasets().clear();
        if (t == null || row < 0 || row >= t.rowCount()) {
            fileLabel.setText(t == null ? "" : "Click a point of the trend to see that file.");
            envelope.clear();
            defectSentence.setText("");
            return;
        }
        fileMarker.setValue(Charts.seconds(t.timestamp(row)));
        ImportResult data = model.dataProperty().get();
        if (data == null || data.rawSource().isEmpty()) {
            fileLabel.setText(
                    FeatureCsv.ISO.format(t.timestamp(row)) + ": no raw files (data loaded from a feature CSV)");
            return;
        }
        DataSource source = data.rawSource().get();
        double fs;
        try {
            fs = Double.parseDouble(sampleRate.getText().trim());
            if (!(fs > 0)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            fileLabel.setText("Sample rate must be a positive number of Hz");
            return;
        }
        String file = t.file(row);
        LocalDateTime time = t.timestamp(row);
        List<Integer> chans = channels();
        int envCh = envelopeChannel.getValue() == null
                ? 1
                : Integer.parseInt(envelopeChannel.getValue().substring(2));
        boolean auto = autoBand.isSelected();
        PhysicsSettings base = model.physicsSettingsProperty().get();
        fileLabel.setText("Loading " + t.file(row) + "…");
        var request = new FileView.Request(chans, fs, envCh, base, auto);
        tasks.view(
                ctx -> FileView.load(source, file, time, request, ctx),
                res -> draw(res, request, t.timestamp(row)),
                ex -> fileLabel.setText("Cannot read " + t.file(row) + ": " + Dialogs.describe(ex)));
    }
    /** Draws a loaded file: waveforms and spectra of the shown channels, the envelope spectrum and its sentence. */
    private void draw(FileView res, FileView.Request request, LocalDateTime time) {
        List<Integer> chans = request.channels();
        double fs = request.sampleRate();
        int envCh = request.envelopeChannel();
        Snapshot s = res.snapshot();
        List<Spectrum> spectra = res.spectra();
        FileEnvelope env = res.envelope();
        if (env != null) {
            envelope.show(
                    "ch" + envCh, Palette.bearing(bearingOf(envCh)), env.spectrum(), env.matches(), env.settings());
            defectSentence.setText(env.sentence("ch" + envCh, s.file()));
        } else {
            envelope.clear();
            defectSentence.setText("");
        }
        SignalsCharts.waveforms(waveform, spectrum, s, spectra, chans, fs, ch -> Palette.bearing(bearingOf(ch)));
        fileLabel.setText(
                String.format(Locale.ROOT, "%s  (%s, %d samples)", s.file(), FeatureCsv.ISO.format(time), s.rows()));
    }

    /** Where the shaded training range ends on the time axis (epoch seconds), as drawn. */
    public double shadedUntil() {
        return trainShade.getUpperBound();
    }

    /** The fileLabel control (a test hook). */
    public Label fileLabel() {
        return fileLabel;
    }
}
