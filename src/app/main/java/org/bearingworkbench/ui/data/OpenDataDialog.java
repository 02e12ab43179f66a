package org.bearingworkbench.ui.data;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.concurrent.Task;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.Presets;
import org.bearingworkbench.dataset.Sourced;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.pipeline.DataSetPreview;
import org.bearingworkbench.signal.BearingDesign;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;

/**
 * File > Open data…: previews the first snapshot of a directory (its raw lines and waveform), shows the detected
 * format and the data set's description with the source of each value, and lets the user correct them. The result
 * is what the user set ({@link UserSettings}); opening with it remembers it for the directory.
 */
final class OpenDataDialog extends Dialog<UserSettings> {
    static final String AUTO = "auto (detected)";
    private static final String UNKNOWN = "unknown";

    private final Path source;
    private final ChoiceBox<String> format = new ChoiceBox<>();
    private final TextField layout = new TextField();
    private final TextArea raw = new TextArea();
    private final XYChart waveform = Charts.xy("sample", null, "signal", null);
    private final TextField sampleRate = new TextField();
    private final TextField rpm = new TextField();
    private final ChoiceBox<String> bearing = new ChoiceBox<>();
    private final TextField unit = new TextField();
    private final Label sampleRateSource = new Label();
    private final Label rpmSource = new Label();
    private final Label bearingSource = new Label();
    private final Label unitSource = new Label();
    private final Label facts = new Label();
    private final Label problem = new Label();
    private DataSetPreview preview;

    OpenDataDialog(Window owner, Path source, UserSettings start) {
        this.source = source;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Open data");
        setHeaderText(source.toString());
        setResizable(true);
        format.getItems().add(AUTO);
        format.getItems().addAll(Formats.IDS);
        format.setValue(start.format() == null ? AUTO : start.format());
        layout.setText(start.layout() == null ? "" : start.layout());
        layout.setPromptText("e.g. columns=2,3;time=order:10s  or  snapshot=1s;every=10s");
        layout.setTooltip(new Tooltip("Options of the delimited, WAV, MAT and recording formats (see docs/data.md)"));
        bearing.getItems().add(UNKNOWN);
        bearing.getItems().addAll(new TreeSet<>(Presets.bearings().keySet()));
        raw.setEditable(false);
        raw.setPrefRowCount(12);
        raw.setStyle("-fx-font-family: monospace;");
        waveform.setPrefSize(440, 200);
        waveform.setMaxHeight(240);
        waveform.setLegendVisible(false);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.setWrapText(true);
        facts.setWrapText(true);
        Button refresh = new Button("Preview");
        refresh.setOnAction(e -> refresh());
        format.setOnAction(e -> refresh());
        HBox top = new HBox(8, new Label("Format"), format, new Label("Layout"), layout, refresh);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int r = 0;
        form.addRow(r++, label("Sample rate (Hz)"), sampleRate, sampleRateSource);
        form.addRow(r++, label("Shaft speed (rpm)"), rpm, rpmSource);
        form.addRow(r++, label("Bearing"), bearing, bearingSource);
        form.addRow(r++, label("Unit"), unit, unitSource);
        for (TextField f : List.of(sampleRate, rpm, unit)) {
            f.setPrefColumnCount(8);
        }
        for (Label l : List.of(sampleRateSource, rpmSource, bearingSource, unitSource)) {
            l.setWrapText(true);
            l.setMaxWidth(220);
        }
        VBox right = new VBox(10, form, facts, problem);
        right.setPrefWidth(500);
        VBox left = new VBox(8, new Label("First snapshot"), raw, waveform);
        BorderPane content = new BorderPane();
        content.setTop(top);
        content.setLeft(left);
        content.setRight(right);
        BorderPane.setMargin(left, new Insets(8, 8, 0, 0));
        BorderPane.setMargin(right, new Insets(8, 0, 0, 8));
        getDialogPane().setContent(content);
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        Button openButton = (Button) getDialogPane().lookupButton(open);
        openButton.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                settings();
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(b -> b == open ? settings() : null);
        refresh();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Builds the preview off the FX thread and shows it. */
    void refresh() {
        UserSettings s;
        try {
            s = new UserSettings(chosenFormat(), blankToNull(layout.getText()), null, null, null, null);
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return;
        }
        problem.setText("Reading the first snapshot…");
        Task<DataSetPreview> task = new Task<>() {
            @Override
            protected DataSetPreview call() {
                return DataSetPreview.of(source, s);
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> problem.setText(Dialogs.describe(task.getException())));
        Thread t = new Thread(task, "open-data-preview");
        t.setDaemon(true);
        t.start();
    }

    /** The preview shown (for tests). */
    DataSetPreview preview() {
        return preview;
    }

    private void show(DataSetPreview p) {
        preview = p;
        if (format.getValue().equals(AUTO) && p.format() != null) {
            setHeaderText(source + "\nDetected: " + p.format()
                    + (p.snapshots() > 0 ? ", " + p.snapshots() + " snapshots" : ""));
        }
        raw.setText(p.firstFile() == null ? "" : p.firstFile() + "\n" + String.join("\n", p.rawHead()));
        waveform.getDatasets().clear();
        if (p.signal() != null) {
            for (int c = 0; c < p.signal().length; c++) {
                DoubleDataSet ds = Charts.dataSet("ch" + (c + 1), Palette.bearing(c + 1), 1.0);
                double[] x = new double[p.signal()[c].length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = i;
                }
                ds.set(x, p.signal()[c]);
                waveform.getDatasets().add(ds);
            }
        }
        DataSetDescription d = p.description();
        if (d != null) {
            fill(sampleRate, sampleRateSource, d.sampleRateHz(), v -> Charts.plain(v));
            fill(rpm, rpmSource, d.rpm(), v -> Charts.plain(v));
            fill(unit, unitSource, d.unit(), v -> v);
            bearing.setValue(d.bearing().known() ? presetName(d.bearing().value()) : UNKNOWN);
            bearingSource.setText(
                    d.bearing().known()
                            ? d.bearing().value().name() + " ("
                                    + d.bearing().source().words() + ")"
                            : "unknown");
            List<String> lines = d.lines();
            facts.setText(String.join("\n", lines.get(0), lines.get(2), lines.get(3), lines.get(4)));
        }
        problem.setText(
                p.problem() != null
                        ? p.problem()
                        : p.missing().isEmpty()
                                ? ""
                                : "Bearing physics needs: " + String.join(", ", p.missing())
                                        + ". Fill them in, or open without physics.");
    }

    private static <T> void fill(TextField field, Label source, Sourced<T> v, Function<T, String> text) {
        field.setText(v.known() ? text.apply(v.value()) : "");
        source.setText(v.known() ? v.source().words() : "unknown");
    }

    private static String presetName(BearingDesign d) {
        return Presets.bearings().entrySet().stream()
                .filter(e -> e.getValue().equals(d))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(UNKNOWN);
    }

    private String chosenFormat() {
        return format.getValue() == null || format.getValue().equals(AUTO) ? null : format.getValue();
    }

    /**
     * What the user set: the format and layout if chosen, and every value that differs from (or fills in) the
     * preview's description.
     */
    UserSettings settings() {
        DataSetDescription d = preview == null ? null : preview.description();
        Double fs = changed(sampleRate.getText(), d == null ? null : d.sampleRateHz(), "Sample rate");
        Double speed = changed(rpm.getText(), d == null ? null : d.rpm(), "Shaft speed");
        BearingDesign b = null;
        if (!UNKNOWN.equals(bearing.getValue()) && bearing.getValue() != null) {
            BearingDesign chosen = Presets.bearing(bearing.getValue()).orElseThrow();
            if (d == null || !d.bearing().known() || !d.bearing().value().equals(chosen)) {
                b = chosen;
            }
        }
        String u = blankToNull(unit.getText());
        if (u != null && d != null && d.unit().known() && d.unit().value().equals(u)) {
            u = null;
        }
        return new UserSettings(chosenFormat(), blankToNull(layout.getText()), fs, speed, b, u);
    }

    private static Double changed(String text, Sourced<Double> detected, String what) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + t + "' is not a number");
        }
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(what + ": a positive number (got " + t + ")");
        }
        boolean same = detected != null && detected.known() && Math.abs(detected.value() - v) <= 1e-9 * v;
        return same ? null : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
