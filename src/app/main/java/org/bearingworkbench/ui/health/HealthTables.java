package org.bearingworkbench.ui.health;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.prognosis.FeatureRanking;
import org.bearingworkbench.pipeline.prognosis.LifeForecast;
import org.bearingworkbench.pipeline.prognosis.RemainingLife;
import org.bearingworkbench.report.Durations;

/** The Health & life pane's tables: the feature ranking, the forecasts at a given level, the life model's. */
final class HealthTables {
    private HealthTables() {}

    static void columns(
            TableView<FeatureRanking.Rank> ranking,
            TableView<RemainingLife.Estimate> forecasts,
            TableView<LifeForecast> lifeForecasts) {
        ranking.getColumns().add(column("feature", FeatureRanking.Rank::column));
        ranking.getColumns().add(column("monotonicity", FeatureRanking.Rank::monotonicity));
        ranking.getColumns().add(column("trendability", FeatureRanking.Rank::trendability));
        ranking.getColumns().add(column("prognosability", FeatureRanking.Rank::prognosability));
        ranking.getColumns().add(column("fitness", FeatureRanking.Rank::fitness));
        forecasts.getColumns().add(column("time", e -> FeatureCsv.ISO.format(e.time())));
        forecasts
                .getColumns()
                .add(column("predicted", e -> Durations.hours(e.forecast().median())));
        forecasts
                .getColumns()
                .add(column(
                        "90% band",
                        e -> Durations.hours(e.forecast().low()) + " to "
                                + Durations.hours(e.forecast().high())));
        lifeForecasts.getColumns().add(column("time", f -> FeatureCsv.ISO.format(f.time())));
        lifeForecasts.getColumns().add(column("RUL (s)", f -> Math.round(f.rulSeconds())));
        lifeForecasts.getColumns().add(column("median (s)", f -> Math.round(f.medianSeconds())));
        lifeForecasts
                .getColumns()
                .add(column(
                        "90% band (s)",
                        f -> String.format(Locale.ROOT, "%.0f to %.0f", f.lowSeconds(), f.highSeconds())));
        lifeForecasts.getColumns().add(column("method", LifeForecast::method));
    }

    /** A sortable column: numbers sort as numbers (decimals with 3 places, whole seconds as such), text as text. */
    private static <T, V extends Comparable<V>> TableColumn<T, V> column(String name, Function<T, V> value) {
        TableColumn<T, V> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(
                        empty || item == null
                                ? null
                                : item instanceof Double d
                                        ? (d.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.3f", d))
                                        : item.toString());
            }
        });
        return c;
    }
}
