package org.bearingworkbench.ui;

/** The file-dialog actions of the main window, shared by menus and pane buttons. */
interface Actions {
    void openDirectory();

    void openFeatureCsv();

    /** The open data set's description in the Open data dialog; a change re-opens it (physics and spectra follow). */
    void editMetadata();

    void openModel();

    void saveModel();

    void exportReport();

    /** The incident report (HTML) of the analysis on screen. */
    void exportIncidentReport();
}
