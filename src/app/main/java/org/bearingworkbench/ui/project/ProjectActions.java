package org.bearingworkbench.ui.project;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.project.Project;
import org.bearingworkbench.project.ProjectFile;
import org.bearingworkbench.ui.shell.Choosers;
import org.bearingworkbench.ui.shell.ModelEntry;
import org.bearingworkbench.ui.shell.OpenRun;
import org.bearingworkbench.ui.shell.Scoring;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.StartFolders;
import org.bearingworkbench.ui.shell.WorkbenchModel;

/**
 * Projects: the session (data source and settings, split, every model, the active one's threshold and rule, the
 * window's layout) saved to a {@code .bwproj} file and opened again, scored as when it was saved.
 */
public final class ProjectActions {
    private final Session session;
    private final WorkbenchModel model;
    private final OpenRun run;
    private final Scoring scoring;
    private Supplier<Map<String, String>> layout = Map::of;
    private Consumer<Map<String, String>> applyLayout = m -> {};

    public ProjectActions(Session session, OpenRun run, Scoring scoring) {
        this.session = session;
        this.model = session.model();
        this.run = run;
        this.scoring = scoring;
    }

    /** How the window gives its layout to a project it saves, and takes one back from a project opened. */
    public void layout(Supplier<Map<String, String>> current, Consumer<Map<String, String>> apply) {
        this.layout = current;
        this.applyLayout = apply;
    }

    /** File > Open project…. */
    public void openProject() {
        File f = StartFolders.chosen(
                Choosers.file("Open a project", "Bearing Workbench project", "*" + Project.EXTENSION)
                        .showOpenDialog(session.owner()));
        if (f != null) {
            openProject(f.toPath());
        }
    }

    /** File > Save project…. */
    public void saveProject() {
        FileChooser fc = Choosers.file("Save the project", "Bearing Workbench project", "*" + Project.EXTENSION);
        fc.setInitialFileName("analysis" + Project.EXTENSION);
        File f = StartFolders.chosen(fc.showSaveDialog(session.owner()));
        if (f != null) {
            saveProject(f.toPath(), layout.get());
        }
    }

    /** Opens a project with the window's layout applied once its data is shown. */
    public void openProject(Path path) {
        openProject(path, applyLayout);
    }

    /**
     * Saves the session as a project: data source and settings, split, every model (the active one with the current
     * threshold and rule), and {@code windowLayout} (the window's, opaque here).
     */
    public void saveProject(Path path, Map<String, String> windowLayout) {
        if (model.table() == null) {
            session.dialogs().error("Nothing to save", "Open a data set first.");
            return;
        }
        ThresholdMethod method = model.thresholdMethodProperty().get();
        List<Project.SessionModel> models = new ArrayList<>();
        int active = -1;
        for (ModelEntry e : model.models()) {
            if (e.bundle() == model.bundleProperty().get()) {
                active = models.size();
            }
            models.add(new Project.SessionModel(e.source(), e.bundle()));
        }
        var project = new Project(
                Path.of(model.dataSourceProperty().get()),
                model.dataSettings(),
                model.trainUntilProperty().get(),
                models,
                models.isEmpty() ? -1 : Math.max(0, active),
                method == null ? null : method.id(),
                model.ruleProperty().get().toString(),
                model.channelsPerBearingProperty().get(),
                windowLayout);
        session.writeOutput(
                "Save project",
                path,
                (p, ctx) -> ProjectFile.save(project, p),
                p -> {
                    model.markProjectSaved();
                    session.addRecentProject(p);
                },
                "Cannot save the project");
    }

    /**
     * Opens a project: its data set, split, models, threshold and rule, scored as when it was saved; {@code
     * windowLayout} hears the window's layout once the data is shown.
     */
    public void openProject(Path path, Consumer<Map<String, String>> windowLayout) {
        record Opened(Project project, ImportResult data) {}
        session.tasks()
                .submit(
                        "Open project " + path.getFileName(),
                        ctx -> {
                            var p = ProjectFile.load(path);
                            return new Opened(p, DataSets.open(p.dataSource(), p.settings(), ctx));
                        },
                        o -> {
                            session.addRecentProject(path);
                            restore(o.project(), o.data(), windowLayout);
                        },
                        ex -> session.fail("Cannot open the project " + path, ex));
    }

    private void restore(Project p, ImportResult data, Consumer<Map<String, String>> windowLayout) {
        run.show(p.dataSource(), p.settings(), data);
        if (p.trainUntil() != null) {
            model.trainUntilProperty().set(p.trainUntil());
        }
        model.channelsPerBearingProperty().set(p.channelsPerBearing());
        model.ruleProperty().set(PersistenceRule.parse(p.persistence()));
        model.models().clear();
        ModelEntry active = null;
        for (int i = 0; i < p.models().size(); i++) {
            var m = p.models().get(i);
            ModelEntry e = new ModelEntry(i + 1, m.source(), m.bundle());
            model.models().add(e);
            active = i == p.active() ? e : active;
        }
        windowLayout.accept(p.layout());
        if (active == null) {
            model.bundleProperty().set(null);
            model.history().clear();
            model.markProjectSaved();
            return;
        }
        ThresholdMethod method = p.thresholdMethod() == null
                ? null
                : Thresholds.parse(p.thresholdMethod(), model.ruleProperty().get());
        scoring.activateRestored(active, method);
    }
}
