package org.bearingworkbench.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.task.TaskContext;
import org.bearingworkbench.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every feature of the window works with: the shared {@link WorkbenchModel}, the lanes its jobs run on, the
 * dialogs that tell the user, and where this window keeps its preferences (recent data sets and projects).
 */
public final class Session {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private final WorkbenchModel model;
    private final TaskExecutor tasks;
    private final FxTasks fxTasks;
    private final DialogService dialogs;
    private final String prefsNode;
    private final Supplier<Window> owner;
    private final RecentDataSets recentData;
    private final RecentDataSets recentProjects;
    private Runnable recentChanged = () -> {};
    private final List<Runnable> onCancel = new ArrayList<>();

    /** The window's session: jobs on the window's task lanes, dialogs owned by {@code owner}. */
    public static Session inWindow(WorkbenchModel model, FxTasks tasks, String prefsNode, Supplier<Window> owner) {
        return new Session(model, tasks, tasks, new FxDialogs(owner), prefsNode, owner);
    }

    /**
     * A session on any executor and dialog service: with {@link org.bearingworkbench.task.SyncTaskExecutor} and a
     * recording service every action runs to its end on the calling thread (tests without a window).
     */
    public static Session headless(WorkbenchModel model, TaskExecutor tasks, DialogService dialogs, String prefsNode) {
        return new Session(model, tasks, null, dialogs, prefsNode, () -> null);
    }

    private Session(
            WorkbenchModel model,
            TaskExecutor tasks,
            FxTasks fxTasks,
            DialogService dialogs,
            String prefsNode,
            Supplier<Window> owner) {
        this.owner = owner;
        this.model = model;
        this.tasks = tasks;
        this.fxTasks = fxTasks;
        this.dialogs = dialogs;
        this.prefsNode = prefsNode;
        this.recentData = new RecentDataSets(prefsNode);
        this.recentProjects = new RecentDataSets(prefsNode, "recent-project.");
    }

    public WorkbenchModel model() {
        return model;
    }

    /** Where actions run their core calls: off the FX thread in a window, on the caller's in a headless session. */
    public TaskExecutor tasks() {
        return tasks;
    }

    /** The window's task lanes (the panes' views and jobs); null in a headless session. */
    public FxTasks fxTasks() {
        return fxTasks;
    }

    /** Whether this session drives a window (frames to wait for) rather than running headless. */
    public boolean inWindow() {
        return fxTasks != null;
    }

    /** The window that owns this session's dialogs and file choosers (null in a headless session). */
    public Window owner() {
        return owner.get();
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** Where this window keeps its preferences (recent data sets, bearing geometry, window size). */
    public String prefsNode() {
        return prefsNode;
    }

    /** Logs a failed action and tells the user with the core's message. */
    public void fail(String what, Throwable ex) {
        LOG.error("{}: {}", what, Dialogs.describe(ex), ex);
        dialogs.error(what, Dialogs.describe(ex));
    }

    /** The open data set's source (a feature CSV or a directory): never an output. */
    public List<Path> dataInputs() {
        String src = model.dataSourceProperty().get();
        return src == null || src.isEmpty() ? List.of() : List.of(Path.of(src));
    }

    /** What an action writes at its output path, off the FX thread. */
    @FunctionalInterface
    public interface Output {
        void write(Path path, TaskContext context) throws Exception;
    }

    /**
     * Writes an output in the background: the path is refused first when it is the open data set's source (an
     * output never overwrites what it was computed from); {@code written} hears the path, a failure is shown as
     * {@code failure} with the reason.
     */
    public void writeOutput(String title, Path path, Output output, Consumer<Path> written, String failure) {
        List<Path> inputs = dataInputs();
        tasks.submit(
                title,
                ctx -> {
                    OutputFiles.checkFile(path, inputs);
                    output.write(path, ctx);
                    return path;
                },
                written,
                ex -> fail(failure, ex));
    }

    public List<Path> recentDataSets() {
        return recentData.list();
    }

    public List<Path> recentProjects() {
        return recentProjects.list();
    }

    /** Remembers a data set opened (the File menu's recent list follows the data property). */
    public void addRecentData(Path path) {
        recentData.add(path);
    }

    /** Remembers a project saved or opened, and tells the recent list. */
    public void addRecentProject(Path path) {
        recentProjects.add(path);
        recentChanged.run();
    }

    /** Cancel (status bar, Data pane): the job under way stops, and each feature drops what it asked to start. */
    public void cancel() {
        onCancel.forEach(Runnable::run);
        tasks.cancel();
    }

    /** Runs {@code r} when the user cancels, before the job under way is told to stop. */
    public void onCancel(Runnable r) {
        onCancel.add(r);
    }

    /** Called when the recent lists change other than by opening data (a project saved). */
    public void onRecentChanged(Runnable r) {
        recentChanged = r;
    }
}
