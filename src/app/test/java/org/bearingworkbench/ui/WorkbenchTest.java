package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.cli.CliRunner;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.task.SyncTaskExecutor;
import org.bearingworkbench.ui.shell.DialogService;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's actions without a window: the wb on a synchronous executor and a dialog service that records
 * what it would show. Each action runs to its end before the call returns, so its outcome is asserted directly.
 */
class WorkbenchTest {
    private static final Path BUNDLE = Path.of("src/core/test/resources/bundles/v1-sample.bwm");

    @TempDir
    Path dir;

    /** The dialogs a wb asked for, as "kind: title: message". */
    static final class RecordingDialogs implements DialogService {
        final List<String> shown = new ArrayList<>();

        @Override
        public void error(String title, String message) {
            shown.add("error: " + title + ": " + message);
        }

        @Override
        public void warning(String title, String message) {
            shown.add("warning: " + title + ": " + message);
        }

        @Override
        public void info(String title, String message) {
            shown.add("info: " + title + ": " + message);
        }
    }

    private final WorkbenchModel model = new WorkbenchModel();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Workbench wb =
            Workbench.headless(model, new SyncTaskExecutor(), dialogs, "org/bearingworkbench/test-wb");

    @Test
    void actionsWithoutDataSayWhatIsMissing() {
        wb.exports().exportReport(dir.resolve("r.csv"), false);
        wb.exports().exportIncidentReport(dir.resolve("r.html"), p -> {});
        wb.models().saveModel(dir.resolve("m.bwm"));
        assertEquals(
                List.of(
                        "error: Nothing to export: Open data and train (or open) a model first.",
                        "error: Nothing to report: Open data and train (or open) a model first.",
                        "error: No model to save: Train a model or open one first."),
                dialogs.shown);
    }

    @Test
    void anotherDataSetKeepsTheThresholdAsScoreDoes() throws Exception {
        wb.data().openData(SampleData.DIR);
        wb.models().openModel(BUNDLE);
        model.thresholdMethodProperty()
                .set(Thresholds.parse("percentile:90", model.ruleProperty().get()));
        wb.scoring().rescore();
        double chosen = model.analysisProperty().get().threshold().value();
        Path saved = dir.resolve("m.bwm");
        wb.models().saveModel(saved);
        // the later files of the run, from inside the model's training range on: a threshold fitted on them
        // would differ
        Path later = dir.resolve("later");
        Files.createDirectories(later);
        try (var files = Files.list(SampleData.DIR)) {
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            for (Path f : all.subList(40, all.size())) {
                Files.copy(f, later.resolve(f.getFileName()));
            }
        }
        wb.data().openData(later);
        var a = model.analysisProperty().get();
        assertEquals(chosen, a.threshold().value(), 1e-12, "the threshold in force, not re-fitted");
        String[] cli = CliRunner.run(
                "score",
                later.toString(),
                "--model",
                saved.toString(),
                "-o",
                dir.resolve("s.csv").toString(),
                "--json");
        assertEquals("0", cli[0], cli[2]);
        var json =
                new ObjectMapper().readTree(cli[1].lines().reduce((x, y) -> y).orElseThrow());
        assertEquals(json.get("threshold").asDouble(), a.threshold().value(), 1e-5);
        assertEquals(json.get("flagged").asInt(), a.alarms().flaggedCount());
        assertEquals(
                json.get("first_alarm").asText(),
                FeatureCsv.ISO.format(a.firstAlarmTime().orElseThrow()));
        model.ruleProperty().set(PersistenceRule.parse("2/3"));
        wb.scoring().rescore();
        assertEquals(chosen, model.analysisProperty().get().threshold().value(), 1e-12, "kept through a rule change");
    }

    @Test
    void switchingModelsKeepsEachOnesManualThreshold() throws Exception {
        wb.data().openData(SampleData.DIR);
        wb.models().openModel(BUNDLE);
        model.thresholdMethodProperty().set(new ManualThreshold(0.5));
        wb.scoring().rescore();
        wb.models().openModel(BUNDLE); // a second model: active now
        assertEquals(2, model.models().size());
        assertTrue(
                model.models().get(0).toString().contains("trained until 2025-03-01 19:50"),
                model.models().get(0).toString());
        wb.scoring().activate(model.models().get(0));
        assertEquals(0.5, model.analysisProperty().get().threshold().value(), 1e-12, "#1's manual threshold is back");
        wb.scoring().activate(model.models().get(1));
        assertEquals(0.989735, model.analysisProperty().get().threshold().value(), 1e-6, "#2 keeps its saved one");
    }

    @Test
    void openDataAndModelScoreAtOnceAndTheReportsAreWritten() throws Exception {
        wb.data().openData(SampleData.DIR);
        assertEquals(160, model.table().rowCount());
        wb.models().openModel(BUNDLE);
        assertNotNull(model.analysisProperty().get(), "the open data is scored when the model arrives");
        assertEquals(34, model.analysisProperty().get().alarms().flaggedCount());
        Path csv = dir.resolve("report.csv");
        wb.exports().exportReport(csv, true);
        assertTrue(
                Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).count() > 34);
        AtomicReference<Path> written = new AtomicReference<>();
        wb.exports().exportIncidentReport(dir.resolve("incident.html"), written::set);
        assertEquals(dir.resolve("incident.html"), written.get());
        assertTrue(Files.readString(written.get()).contains("First sustained alarm: 2025-03-02 05:10:00"));
        assertEquals(List.of(), dialogs.shown);
    }

    @Test
    void aFailureBecomesOneDialogAndKeepsWhatWasThere() throws Exception {
        wb.data().openData(SampleData.DIR);
        wb.models().openModel(BUNDLE);
        var analysis = model.analysisProperty().get();
        Path notABundle = Files.writeString(dir.resolve("broken.bwm"), "not a zip");
        wb.models().openModel(notABundle);
        assertEquals(1, dialogs.shown.size());
        assertTrue(
                dialogs.shown.get(0).startsWith("error: Cannot open model " + notABundle + ": "), dialogs.shown.get(0));
        assertEquals(analysis, model.analysisProperty().get(), "the analysis on screen stays");
        wb.exports().exportIncidentReport(dir.resolve("no/such/dir/r.html"), p -> {});
        assertEquals(2, dialogs.shown.size());
        assertTrue(dialogs.shown.get(1).startsWith("error: Cannot write the incident report: "), dialogs.shown.get(1));
        assertTrue(dialogs.shown.get(1).contains("no/such/dir"), dialogs.shown.get(1));
    }
}
