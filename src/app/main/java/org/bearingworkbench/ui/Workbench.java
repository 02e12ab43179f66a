package org.bearingworkbench.ui;

import java.util.function.Supplier;
import javafx.stage.Window;
import org.bearingworkbench.task.TaskExecutor;
import org.bearingworkbench.ui.data.DataActions;
import org.bearingworkbench.ui.export.ExportActions;
import org.bearingworkbench.ui.model.ModelActions;
import org.bearingworkbench.ui.project.ProjectActions;
import org.bearingworkbench.ui.shell.DialogService;
import org.bearingworkbench.ui.shell.FxTasks;
import org.bearingworkbench.ui.shell.OpenRun;
import org.bearingworkbench.ui.shell.Scoring;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.TuningHistory;
import org.bearingworkbench.ui.shell.WorkbenchModel;

/**
 * The window's features wired to one session: the shared state and lanes ({@link Session}), the active model and its
 * analysis ({@link Scoring}), the open run and its physics pass ({@link OpenRun}), each feature's actions and the
 * undo history of the tuning. The
 * menus, the panes and the tests reach an action here; no feature reaches another's.
 */
public record Workbench(
        Session session,
        Scoring scoring,
        OpenRun run,
        DataActions data,
        ModelActions models,
        ExportActions exports,
        ProjectActions projects,
        TuningHistory tuning) {

    /** The window's workbench: jobs on its task lanes, dialogs owned by {@code owner}. */
    public static Workbench inWindow(WorkbenchModel model, FxTasks tasks, String prefsNode, Supplier<Window> owner) {
        return of(Session.inWindow(model, tasks, prefsNode, owner));
    }

    /** A workbench without a window (see {@link Session#headless}). */
    public static Workbench headless(
            WorkbenchModel model, TaskExecutor tasks, DialogService dialogs, String prefsNode) {
        return of(Session.headless(model, tasks, dialogs, prefsNode));
    }

    private static Workbench of(Session session) {
        Scoring scoring = new Scoring(session);
        OpenRun run = new OpenRun(session, scoring);
        return new Workbench(
                session,
                scoring,
                run,
                new DataActions(session, run, scoring),
                new ModelActions(session, scoring),
                new ExportActions(session),
                new ProjectActions(session, run, scoring),
                new TuningHistory(session.model()));
    }

    public WorkbenchModel model() {
        return session.model();
    }

    /** The window's task lanes. */
    public FxTasks tasks() {
        return session.fxTasks();
    }
}
