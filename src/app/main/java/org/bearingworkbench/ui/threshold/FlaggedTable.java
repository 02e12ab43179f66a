package org.bearingworkbench.ui.threshold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.AnomalyAnalysis;

/**
 * The table of flagged rows under the Threshold pane's charts: time, file, split, score, alarm, sensor problem, the
 * channel with the largest share of the error, and each channel's error and departure from its training range. A
 * click on a row shows its file.
 */
final class FlaggedTable extends TableView<Integer> {
    private AnomalyAnalysis current;
    private List<String> tableColumns;
    private boolean[] alarmShown;

    FlaggedTable(IntConsumer jumpToFile) {
        setPlaceholder(new Label("No flagged rows."));
        setFixedCellSize(24); // rows of one height: no per-row measuring when a drag changes the rows
        setRowFactory(tv -> {
            var row = new TableRow<Integer>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() >= 1) {
                    jumpToFile.accept(row.getItem());
                }
            });
            return row;
        });
    }

    /** Shows the flagged (and sensor-problem) rows of {@code a}; the columns change only with the model's. */
    void show(AnomalyAnalysis a) {
        current = a;
        if (!a.channels().columns().equals(tableColumns)) {
            tableColumns = a.channels().columns();
            getColumns().clear();
            getColumns()
                    .add(col(
                            "timestamp",
                            r -> FeatureCsv.ISO.format(current.table().timestamp(r)),
                            140));
            getColumns().add(col("file", r -> current.table().file(r), 150));
            getColumns().add(col("split", r -> current.isTrain(r) ? "train" : "test", 50));
            getColumns().add(col("score", r -> fmt(current.scores().score()[r]), 70));
            getColumns().add(col("alarm", r -> current.alarms().inAlarm()[r] ? "yes" : "", 50));
            getColumns()
                    .add(col(
                            "sensor problem",
                            r -> current.sensor().at(r) ? current.sensor().reason(r) : "",
                            150));
            getColumns()
                    .add(col(
                            "top channel",
                            r -> {
                                Attribution attr = current.attribution();
                                int c = attr.topChannel(r);
                                return current.channels().channel(c)
                                        + String.format(Locale.ROOT, " (%.0f%%)", 100 * attr.share(r, c));
                            },
                            110));
            for (int c = 0; c < a.channels().size(); c++) {
                int cc = c;
                String heading = "error " + columnLabel(a.channels(), c);
                getColumns().add(col(heading, r -> fmt(current.scores().errors()[r][cc]), headingWidth(heading, 85)));
            }
            for (int c = 0; c < a.channels().size(); c++) {
                int cc = c;
                String heading = "out of range " + columnLabel(a.channels(), c);
                getColumns()
                        .add(col(
                                heading, r -> fmt(current.attribution().departure(r, cc)), headingWidth(heading, 128)));
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < a.table().rowCount(); r++) {
            if (a.alarms().flagged()[r] || a.sensor().at(r)) {
                rows.add(r);
            }
        }
        if (!rows.equals(getItems())) {
            getItems().setAll(rows); // the virtualized table re-renders only when its rows change
        } else if (!Arrays.equals(alarmShown, a.alarms().inAlarm())) {
            refresh(); // same rows, another rule: the alarm column changes
        }
        alarmShown = a.alarms().inAlarm();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static TableColumn<Integer, String> col(String name, IntFunction<String> f, double width) {
        TableColumn<Integer, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /**
     * A model column as the table heads it: its channel when that channel has no other column (mean |x| per
     * channel: "ch1"), else the column's own name ("ch1_bpfo"), so that no two columns share a heading.
     */
    /** A column wide enough for its heading (about 8 px a character in the table's font), at least {@code min}. */
    static double headingWidth(String heading, double min) {
        return Math.max(min, 8.0 * heading.length() + 4);
    }

    static String columnLabel(ChannelMap m, int c) {
        String channel = m.channel(c);
        long same = IntStream.range(0, m.size())
                .filter(k -> m.channel(k).equals(channel))
                .count();
        return same == 1 ? channel : m.columns().get(c);
    }
}
