package org.bearingworkbench.ui.export;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.bearingworkbench.ui.shell.AnalysisText;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.Charts;

/**
 * Export pane: the anomaly report CSV (all rows or only flagged ones), the incident report (one HTML file with the
 * evidence); charts are saved from their own PNG buttons.
 */
public final class ExportPane extends VBox {
    private final CheckBox onlyFlagged = new CheckBox("only flagged rows");
    private final Label incidentState = new Label();

    public ExportPane(WorkbenchModel model, ExportActions actions) {
        super(10);
        onlyFlagged.selectedProperty().bindBidirectional(actions.onlyFlaggedProperty());
        incidentState.textProperty().bind(actions.incidentWrittenProperty());
        getStyleClass().add("pane");
        setPadding(new Insets(12));
        Label what = new Label("""
                The anomaly report is a plain comma CSV (ISO timestamps, '.' decimals) that spreadsheets read as is.
                It starts with '#' lines: data source, creation time, model and its settings hash, feature columns,
                threshold method and value, persistence rule, first sustained alarm and lead time, and the first
                channel to leave its training range. Then one row per data row: timestamp, file, split, score,
                threshold, flagged, in_alarm, top channel and bearing, each channel's reconstruction error and its
                departure from the training range.""");
        what.setWrapText(true);
        Label state = new Label();
        state.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.analysisProperty().get() == null
                                ? "Nothing to export yet: open data and train or open a model."
                                : AnalysisText.counts(model.analysisProperty().get()),
                        model.analysisProperty()));
        state.setWrapText(true);
        Button export = new Button("Export report…");
        export.getStyleClass().add("accent");
        export.disableProperty().bind(model.analysisProperty().isNull());
        export.setOnAction(e -> actions.exportReport());
        Label incidentWhat = new Label("""
                One self-contained HTML file that opens in any browser and prints to PDF: the data set and its metadata,
                the model, the threshold and why, the timeline and histogram, the first sustained alarm and its lead
                time, which bearing, the envelope spectrum of the alarm file with the defect frequencies, the baseline
                detectors side by side and the remaining-life estimate.""");
        incidentWhat.setWrapText(true);
        Button incident = new Button("Write incident report…");
        incident.disableProperty().bind(model.analysisProperty().isNull());
        incident.setOnAction(e -> actions.exportIncidentReport());
        incidentState.setWrapText(true);
        Label charts = new Label("Every chart has a PNG… button in its title row to save it as an image.");
        getChildren()
                .addAll(
                        Charts.heading("Anomaly report"),
                        what,
                        state,
                        onlyFlagged,
                        export,
                        Charts.heading("Incident report"),
                        incidentWhat,
                        incident,
                        incidentState,
                        Charts.heading("Charts"),
                        charts);
    }

    /** The "only flagged rows" check box (a test hook). */
    public CheckBox onlyFlagged() {
        return onlyFlagged;
    }

    /** What the pane says about the last incident report written (a test hook). */
    public Label incidentState() {
        return incidentState;
    }
}
