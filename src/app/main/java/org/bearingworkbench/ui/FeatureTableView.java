package org.bearingworkbench.ui;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;

/** The feature rows of a Tablesaw-backed {@link FeatureTable} in a table view (rows are indexes into the table). */
final class FeatureTableView extends TableView<Integer> {
    private static final String NO_DATA = "No data: open a directory or a feature CSV";
    private final Label placeholder = new Label(NO_DATA);
    private FeatureTable pending;
    private FeatureTable shown;

    FeatureTableView() {
        setPlaceholder(placeholder);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    /**
     * Shows {@code t} a frame from now: its hundreds of cells are the costliest part of a data set's first drawing,
     * so the charts beside the table are drawn first. A newer table asked for meanwhile wins.
     */
    void showAfterNextFrame(FeatureTable t) {
        if (!sameRows(shown, t)) { // another data set: not its rows meanwhile; the same rows (new columns): kept
            getColumns().clear();
            getItems().clear();
            placeholder.setText("Filling the table…");
        }
        pending = t;
        Frames.afterNextFrame(() -> {
            if (pending == t) {
                show(t);
            }
        });
    }

    /** The same data set's rows (the physics pass adds columns to a data set's table; its rows stay). */
    private static boolean sameRows(FeatureTable a, FeatureTable b) {
        return a != null
                && b != null
                && a.rowCount() == b.rowCount()
                && a.name().equals(b.name())
                && a.rowCount() > 0
                && a.timestamp(0).equals(b.timestamp(0))
                && a.timestamp(a.rowCount() - 1).equals(b.timestamp(b.rowCount() - 1));
    }

    void show(FeatureTable t) {
        shown = t;
        pending = null;
        placeholder.setText(NO_DATA);
        getColumns().clear();
        if (t == null) {
            getItems().clear();
            return;
        }
        TableColumn<Integer, String> ts = new TableColumn<>("timestamp");
        ts.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(FeatureCsv.ISO.format(t.timestamp(c.getValue()))));
        ts.setPrefWidth(150);
        TableColumn<Integer, String> file = new TableColumn<>("file");
        file.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(t.file(c.getValue())));
        file.setPrefWidth(160);
        getColumns().add(ts);
        getColumns().add(file);
        for (String name : t.featureColumns()) {
            double[] values = t.column(name);
            TableColumn<Integer, String> col = new TableColumn<>(name);
            col.setCellValueFactory(
                    c -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.5g", values[c.getValue()])));
            col.setPrefWidth(105);
            col.getStyleClass().add("numeric");
            getColumns().add(col);
        }
        Integer[] rows = new Integer[t.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        setItems(FXCollections.observableArrayList(rows));
    }
}
