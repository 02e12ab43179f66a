package org.bearingworkbench.ui.health;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.prognosis.RemainingLife;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;

/**
 * The Health & life pane's charts of one estimate: the health indicator with its onset and failure levels, and the
 * forecasts with their 90% band beside the actual remaining life (capped at 4x the actual life, where one is known).
 */
final class LifeCharts {
    private LifeCharts() {}

    static void show(XYChart indicator, XValueIndicator onsetLine, XYChart life, FeatureTable t, RemainingLife r) {
        indicator.getDatasets().clear();
        DoubleDataSet h = Charts.dataSet("health indicator", "#2ca02c", 1.5);
        double[] v = r.indicator().values();
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                h.add(Charts.seconds(t.timestamp(i)), v[i]);
            }
        }
        double x0 = Charts.seconds(t.timestamp(0));
        double x1 = Charts.seconds(t.timestamp(t.rowCount() - 1));
        indicator
                .getDatasets()
                .addAll(
                        h,
                        level("onset threshold", Palette.TEST, r.onsetThreshold(), x0, x1),
                        level("failure level", Palette.ALARM, r.failureThreshold(), x0, x1));
        onsetLine.setValue(r.onset() >= 0 ? Charts.seconds(t.timestamp(r.onset())) : x0);
        onsetLine.setText(r.onset() >= 0 ? "onset " + FeatureCsv.ISO.format(t.timestamp(r.onset())) : "no onset");
        life.getDatasets().clear();
        DoubleDataSet median = Charts.dataSet("predicted (median)", Palette.ALARM, 2);
        DoubleDataSet low = Charts.dashedDataSet("90% band", "#e69a9a", 1);
        DoubleDataSet high = Charts.dashedDataSet("90% band (high)", "#e69a9a", 1);
        DoubleDataSet actual = Charts.dataSet("actual", "#333333", 1.5);
        double cap = 0;
        for (RemainingLife.Estimate e : r.estimates()) {
            cap = Math.max(cap, Double.isFinite(e.actualHours()) ? e.actualHours() : 0);
        }
        cap = cap > 0 ? cap * 4 : Double.MAX_VALUE;
        for (RemainingLife.Estimate e : r.estimates()) {
            double x = Charts.seconds(e.time());
            add(median, x, e.forecast().median(), cap);
            add(low, x, e.forecast().low(), cap);
            add(high, x, e.forecast().high(), cap);
            add(actual, x, e.actualHours(), cap);
        }
        life.getDatasets().addAll(actual, median, low, high);
        double top = 0;
        for (DoubleDataSet ds : List.of(actual, median, low, high)) {
            for (int i = 0; i < ds.getDataCount(); i++) {
                top = Math.max(top, ds.get(1, i));
            }
        }
        fitY(life, top > 0 ? top * 1.1 : 1);
    }

    /** The y axis from 0 to {@code top}, set here: auto-ranging kept the range of what the chart showed before. */
    static void fitY(XYChart chart, double top) {
        var y = Charts.yAxis(chart);
        y.setAutoRanging(false);
        y.setMin(0);
        y.setMax(top);
    }

    static void add(DoubleDataSet ds, double x, double y, double cap) {
        if (Double.isFinite(y)) {
            ds.add(x, Math.min(y, cap));
        }
    }

    static DoubleDataSet level(String name, String color, double y, double x0, double x1) {
        DoubleDataSet ds = Charts.dashedDataSet(name, color, 1.2);
        ds.add(x0, y);
        ds.add(x1, y);
        return ds;
    }
}
