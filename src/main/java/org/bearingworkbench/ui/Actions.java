package org.bearingworkbench.ui;

/** The file-dialog actions of the main window, shared by menus and pane buttons. */
interface Actions {
    void openDirectory();

    void openFeatureCsv();

    void openModel();

    void saveModel();

    void exportReport();
}
