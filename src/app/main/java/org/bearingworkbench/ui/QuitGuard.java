package org.bearingworkbench.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** Quitting without losing work: asks first when the active model, its threshold or the session changed unsaved. */
final class QuitGuard {
    private QuitGuard() {}

    /**
     * Asks before quitting when the model or its threshold would be lost; true to quit. (Window close asks too.)
     */
    static boolean confirm(Stage stage, Workbench wb) {
        boolean project = wb.model().hasUnsavedProject();
        boolean bundle = wb.model().hasUnsavedModel();
        if (!project && !bundle) {
            return true;
        }
        var saveProject = new ButtonType("Save project…");
        var save = new ButtonType("Save model…");
        var discard = new ButtonType("Quit without saving");
        var ask = new Alert(Alert.AlertType.CONFIRMATION, "");
        ask.getButtonTypes().setAll(saveProject, discard, ButtonType.CANCEL);
        if (bundle) {
            ask.getButtonTypes().add(1, save);
        }
        ask.setContentText((bundle
                        ? "The active model ("
                                + wb.model().modelSourceProperty().get() + ") or its threshold "
                                + "changed since it was last saved.\n"
                        : "")
                + (project
                        ? "The session (data, split, " + wb.model().models().size()
                                + " model(s), threshold, persistence) "
                                + "changed since it was last saved as a project."
                        : ""));
        ask.initOwner(stage);
        ask.setTitle("Bearing Workbench");
        ask.setHeaderText("Save your work before quitting?");
        var answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            wb.models().saveModel();
            return false;
        }
        if (answer == saveProject) {
            wb.projects().saveProject();
            return false;
        }
        return answer == discard;
    }
}
