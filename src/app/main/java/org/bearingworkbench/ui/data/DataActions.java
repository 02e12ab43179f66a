package org.bearingworkbench.ui.data;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.concurrent.Task;
import javafx.stage.DirectoryChooser;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.SavedThreshold;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.pipeline.DataSetPreview;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.CoreTask;
import org.bearingworkbench.ui.shell.Choosers;
import org.bearingworkbench.ui.shell.OpenRun;
import org.bearingworkbench.ui.shell.Scoring;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.StartFolders;
import org.bearingworkbench.ui.shell.WorkbenchModel;

/**
 * Opening data: a directory of snapshot files (through the preview and metadata dialog when its format or physics
 * is not known), a feature CSV, a recording, something dropped on the window; the import runs off the FX thread and
 * the data set it gives becomes the open run, scored with the active model.
 */
public final class DataActions {
    private final Session session;
    private final WorkbenchModel model;
    private final OpenRun run;
    private final Scoring scoring;

    public DataActions(Session session, OpenRun run, Scoring scoring) {
        this.session = session;
        this.model = session.model();
        this.run = run;
        this.scoring = scoring;
    }

    public void openData(Path path) {
        openData(path, UserSettings.NONE);
    }

    /** Opens {@code path} with what the user said about it (remembered for the directory). */
    public void openData(Path path, UserSettings settings) {
        openData(path, settings, ctx -> DataSets.open(path, settings, ctx));
    }

    /** Opens the data set whose import began before the window did (the one it starts with). */
    public void openData(EarlyImport early) {
        openData(early.path(), UserSettings.NONE, early::takeOver);
    }

    private void openData(Path path, UserSettings settings, CoreTask<ImportResult> importing) {
        session.tasks()
                .submit(
                        "Import " + path.getFileName(),
                        importing,
                        result -> {
                            var before = model.analysisProperty().get();
                            run.show(path, settings, result);
                            if (before != null && model.bundleProperty().get() != null) {
                                // another data set is scored with the threshold in force, as `score --model` scores
                                // it with the one saved: never re-fitted on the new data's rows
                                model.thresholdMethodProperty()
                                        .set(new SavedThreshold(
                                                before.threshold().value(),
                                                before.threshold().method()));
                            }
                            scoring.rescore();
                        },
                        ex -> session.fail("Cannot open " + path, ex));
    }

    /** File > Open directory…. */
    public void openDirectory() {
        File f = chooseDirectory("Open a directory of snapshot files (IMS, PRONOSTIA, XJTU-SY, WAV, MAT, ...)");
        if (f != null) {
            openAsking(f.toPath(), false);
        }
    }

    /** File > Open data…: always through the preview and metadata dialog. */
    public void openDataAsking() {
        File f = chooseDirectory("Open data: a directory of snapshot files");
        if (f != null) {
            openAsking(f.toPath(), true);
        }
    }

    /** File > Open feature CSV…. */
    public void openFeatureCsv() {
        File f = StartFolders.chosen(
                Choosers.file("Open a feature CSV", "Feature CSV", "*.csv").showOpenDialog(session.owner()));
        if (f != null) {
            openData(f.toPath());
        }
    }

    private File chooseDirectory(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setInitialDirectory(StartFolders.initial());
        dc.setTitle(title);
        return StartFolders.chosen(dc.showDialog(session.owner()));
    }

    /** Opens what was dropped on the window (the first file or directory); false when nothing was. */
    public boolean openDropped(List<File> files) {
        if (files == null || files.isEmpty()) {
            return false;
        }
        openAsking(files.get(0).toPath(), false);
        return true;
    }

    /** The open data set's description in the Open data dialog; a change re-opens it (physics and spectra follow). */
    public void editMetadata() {
        var data = model.dataProperty().get();
        if (data == null || data.rawSource().isEmpty()) {
            session.dialogs()
                    .error("No raw data", "The open data set is a feature CSV: it has no snapshot files to describe.");
            return;
        }
        var src = data.rawSource().get().directory();
        var start = Files.isDirectory(src)
                ? UserSettings.NONE
                : new UserSettings("recording", null, null, null, null, null);
        showOpenDialog(src, start);
    }

    /**
     * Opens a directory or file: a feature CSV at once; a directory at once when its format and physics are known
     * (or were remembered), else (or when {@code always}) through the {@link OpenDataDialog}; a single WAV or MAT
     * file through the dialog as a long recording.
     */
    public void openAsking(Path path, boolean always) {
        String name =
                path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean recording = Files.isRegularFile(path) && (name.endsWith(".wav") || name.endsWith(".mat"));
        if (Files.isRegularFile(path) && !recording) {
            openData(path);
            return;
        }
        var start = recording
                ? new UserSettings("recording", "snapshot=1s;every=10s", null, null, null, null)
                : UserSettings.NONE;
        if (always || recording) {
            showOpenDialog(path, start);
            return;
        }
        Task<DataSetPreview> check = new Task<>() {
            @Override
            protected DataSetPreview call() {
                return DataSetPreview.of(path, start);
            }
        };
        check.setOnSucceeded(e -> {
            if (check.getValue().needsQuestions()) {
                showOpenDialog(path, start);
            } else {
                openData(path);
            }
        });
        check.setOnFailed(e -> openData(path));
        Thread t = new Thread(check, "open-data-check");
        t.setDaemon(true);
        t.start();
    }

    /** The open dialog for {@code path}; on Open, the data set opens with what the user set. */
    private void showOpenDialog(Path path, UserSettings start) {
        OpenDataDialog d = new OpenDataDialog(session.owner(), path, start);
        d.setOnHidden(e -> {
            if (d.getResult() != null) {
                openData(path, d.getResult());
            }
        });
        d.show();
    }
}
