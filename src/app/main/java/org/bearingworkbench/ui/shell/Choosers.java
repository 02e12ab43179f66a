package org.bearingworkbench.ui.shell;

import javafx.stage.FileChooser;

/** File choosers that start where the user last was (see {@link StartFolders}). */
public final class Choosers {
    private Choosers() {}

    /** A chooser for {@code what} files ({@code pattern}, e.g. {@code *.csv}), with "All files" beside. */
    public static FileChooser file(String title, String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setInitialDirectory(StartFolders.initial());
        fc.setTitle(title);
        fc.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(what, pattern),
                        new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }
}
