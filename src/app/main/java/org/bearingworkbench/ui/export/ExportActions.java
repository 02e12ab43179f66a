package org.bearingworkbench.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.FileChooser;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.report.AnomalyReportCsv;
import org.bearingworkbench.report.IncidentReport;
import org.bearingworkbench.report.IncidentReportHtml;
import org.bearingworkbench.ui.shell.Choosers;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.StartFolders;
import org.bearingworkbench.ui.shell.WorkbenchModel;

/**
 * Writing the analysis on screen: the anomaly report (CSV, as {@code score -o} writes it) and the incident report
 * (HTML, as {@code report} writes it), each written atomically off the FX thread and never over the data it read.
 */
public final class ExportActions {
    private final Session session;
    private final WorkbenchModel model;
    private final BooleanProperty onlyFlagged = new SimpleBooleanProperty();
    private final StringProperty incidentWritten = new SimpleStringProperty("");

    public ExportActions(Session session) {
        this.session = session;
        this.model = session.model();
    }

    /** Whether the anomaly report keeps only the flagged rows (the Export pane's check box). */
    public BooleanProperty onlyFlaggedProperty() {
        return onlyFlagged;
    }

    /** "Written: FILE" once an incident report is written from this window. */
    public StringProperty incidentWrittenProperty() {
        return incidentWritten;
    }

    public void exportReport(Path path, boolean flaggedOnly) {
        AnomalyAnalysis a = model.analysisProperty().get();
        if (a == null) {
            session.dialogs().error("Nothing to export", "Open data and train (or open) a model first.");
            return;
        }
        ImportResult data = model.dataProperty().get();
        var prov = AnomalyReportCsv.Provenance.of(
                model.dataSourceProperty().get(),
                model.modelSourceProperty().get(),
                model.bundleProperty().get(),
                data == null ? List.of() : data.skipped());
        session.writeOutput(
                "Export report",
                path,
                (p, ctx) -> AnomalyReportCsv.write(a, prov, flaggedOnly, p),
                p -> {},
                "Cannot export the report");
    }

    /**
     * Writes the incident report (HTML) of the analysis on screen: gathered in the background with progress (the
     * envelope analysis of the alarm file, the baseline detectors, the remaining life), written atomically.
     */
    public void exportIncidentReport(Path path, Consumer<Path> written) {
        AnomalyAnalysis a = model.analysisProperty().get();
        ImportResult data = model.dataProperty().get();
        if (a == null || data == null) {
            session.dialogs().error("Nothing to report", "Open data and train (or open) a model first.");
            return;
        }
        ModelBundle b = model.bundleProperty().get();
        var method = model.thresholdMethodProperty().get();
        var rule = model.ruleProperty().get();
        int perBearing = model.channelsPerBearingProperty().get();
        var physics = model.physicsSettingsProperty().get();
        String source = model.dataSourceProperty().get();
        String modelSource = model.modelSourceProperty().get();
        var options = IncidentReport.Options.all()
                .withLifeModel(model.lifeModelProperty().get());
        session.writeOutput(
                "Incident report",
                path,
                (p, ctx) -> IncidentReportHtml.write(
                        IncidentReport.assemble(
                                new IncidentReport.Subject(source, data, b, modelSource, a),
                                method,
                                rule,
                                perBearing,
                                physics,
                                options,
                                ctx),
                        p),
                written,
                "Cannot write the incident report");
    }

    /** File > Export report…. */
    public void exportReport() {
        FileChooser fc = Choosers.file("Export the anomaly report", "CSV", "*.csv");
        fc.setInitialFileName("anomaly-report.csv");
        File f = StartFolders.chosen(fc.showSaveDialog(session.owner()));
        if (f != null) {
            exportReport(f.toPath(), onlyFlagged.get());
        }
    }

    /** File > Incident report (HTML)…. */
    public void exportIncidentReport() {
        FileChooser fc = Choosers.file("Write the incident report", "HTML", "*.html");
        fc.setInitialFileName("incident-report.html");
        File f = StartFolders.chosen(fc.showSaveDialog(session.owner()));
        if (f != null) {
            exportIncidentReport(f.toPath());
        }
    }

    /** Writes the incident report to {@code path}; the Export pane then says where it is. */
    public void exportIncidentReport(Path path) {
        exportIncidentReport(path, p -> incidentWritten.set("Written: " + p));
    }
}
