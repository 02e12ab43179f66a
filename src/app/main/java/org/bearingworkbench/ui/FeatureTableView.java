package org.bearingworkbench.ui;

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
        boolean sameRows = sameRows(shown, t);
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
            List<TableColumn<Integer, String>> next = columns(t, getColumns().size() >= 2, byName());
            int n = getColumns().size();
            if (next.size() >= n && next.subList(0, n).equals(getColumns())) {
                getColumns().addAll(next.subList(n, next.size()));
            } else {
                getColumns().setAll(next);
            }
            return;
        }
        getColumns().setAll(columns(t, false, Map.of()));
        Integer[] rows = new Integer[t.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        setItems(FXCollections.observableArrayList(rows));
    }

    /** The shown feature columns by name. */
    private Map<String, TableColumn<Integer, String>> byName() {
        Map<String, TableColumn<Integer, String>> shownColumns = new HashMap<>();
        for (TableColumn<Integer, ?> c : getColumns()) {
            if (c.getUserData() instanceof double[]) {
                @SuppressWarnings("unchecked")
                TableColumn<Integer, String> feature = (TableColumn<Integer, String>) c;
                shownColumns.put(c.getText(), feature);
            }
        }
        return shownColumns;
    }

    /**
     * The columns of {@code t}: its timestamps and files (the shown ones when {@code sameRowColumns}) and features, a
     * shown feature column kept where its values are the same (its values are the column's user data).
     */
    private List<TableColumn<Integer, String>> columns(
            FeatureTable t, boolean sameRowColumns, Map<String, TableColumn<Integer, String>> kept) {
        List<TableColumn<Integer, String>> out = new ArrayList<>();
        if (sameRowColumns) {
            for (TableColumn<Integer, ?> c : getColumns().subList(0, 2)) {
                @SuppressWarnings("unchecked")
                TableColumn<Integer, String> same = (TableColumn<Integer, String>) c;
                out.add(same);
            }
        } else {
            out.addAll(rowColumns(t));
        }
        for (String name : t.featureColumns()) {
            double[] values = t.column(name);
            TableColumn<Integer, String> old = kept.get(name);
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
