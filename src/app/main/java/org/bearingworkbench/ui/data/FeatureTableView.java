package org.bearingworkbench.ui.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.ui.shell.Frames;

/** The feature rows of a Tablesaw-backed {@link FeatureTable} in a table view (rows are indexes into the table). */
public final class FeatureTableView extends TableView<Integer> {
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
    static boolean sameRows(FeatureTable a, FeatureTable b) {
        return a != null
                && b != null
                && a.rowCount() == b.rowCount()
                && a.name().equals(b.name())
                && a.rowCount() > 0
                && a.timestamp(0).equals(b.timestamp(0))
                && a.timestamp(a.rowCount() - 1).equals(b.timestamp(b.rowCount() - 1));
    }

    void show(FeatureTable t) {
        boolean sameRows = sameRows(shown, t) && getColumns().size() >= 2;
        shown = t;
        pending = null;
        placeholder.setText(NO_DATA);
        if (t == null) {
            getColumns().clear();
            getItems().clear();
            return;
        }
        if (sameRows) {
            // columns added or replaced (the physics pass): the others stay, and new ones that only follow them are
            // added to them (the frames after a physics pass on the sample data: 1.1-1.2 s of a refill -> 0.6-0.9 s)
            List<TableColumn<Integer, ?>> shownFeatures =
                    getColumns().subList(2, getColumns().size());
            List<TableColumn<Integer, ?>> features = featureColumns(t, shownFeatures);
            int n = shownFeatures.size();
            if (features.size() >= n && features.subList(0, n).equals(shownFeatures)) {
                getColumns().addAll(features.subList(n, features.size()));
            } else {
                List<TableColumn<Integer, ?>> next =
                        new ArrayList<>(getColumns().subList(0, 2));
                next.addAll(features);
                getColumns().setAll(next);
            }
            return;
        }
        List<TableColumn<Integer, ?>> next = new ArrayList<>(rowColumns(t));
        next.addAll(featureColumns(t, List.of()));
        getColumns().setAll(next);
        Integer[] rows = new Integer[t.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        setItems(FXCollections.observableArrayList(rows));
    }

    /**
     * The feature columns of {@code t}, a column of {@code shownFeatures} kept where its values are the same (its
     * values are the column's user data).
     */
    private static List<TableColumn<Integer, ?>> featureColumns(
            FeatureTable t, List<TableColumn<Integer, ?>> shownFeatures) {
        Map<String, TableColumn<Integer, ?>> byName = new HashMap<>();
        for (TableColumn<Integer, ?> c : shownFeatures) {
            byName.put(c.getText(), c);
        }
        List<TableColumn<Integer, ?>> out = new ArrayList<>();
        for (String name : t.featureColumns()) {
            double[] values = t.column(name);
            TableColumn<Integer, ?> old = byName.get(name);
            if (old != null && Arrays.equals((double[]) old.getUserData(), values)) {
                out.add(old);
                continue;
            }
            TableColumn<Integer, String> col = new TableColumn<>(name);
            col.setUserData(values);
            col.setCellValueFactory(
                    c -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.5g", values[c.getValue()])));
            col.setPrefWidth(105);
            col.getStyleClass().add("numeric");
            out.add(col);
        }
        return out;
    }

    /** The columns that name a row: its timestamp and file. */
    private static List<TableColumn<Integer, String>> rowColumns(FeatureTable t) {
        TableColumn<Integer, String> ts = new TableColumn<>("timestamp");
        ts.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(FeatureCsv.ISO.format(t.timestamp(c.getValue()))));
        ts.setPrefWidth(150);
        TableColumn<Integer, String> file = new TableColumn<>("file");
        file.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(t.file(c.getValue())));
        file.setPrefWidth(160);
        return List.of(ts, file);
    }
}
