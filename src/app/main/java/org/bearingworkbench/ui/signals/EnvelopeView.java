package org.bearingworkbench.ui.signals;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.plugins.XRangeIndicator;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bearingworkbench.signal.DefectMatch;
import org.bearingworkbench.signal.DefectType;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.signal.Spectrum;
import org.bearingworkbench.ui.widgets.Charts;

/**
 * The envelope spectrum chart with labelled defect-frequency markers (and the strongest match's harmonics),
 * tolerance shaded.
 */
final class EnvelopeView {
    static final double MAX_HZ = 1000;
    private final XYChart chart = Charts.xy("frequency", "Hz", "envelope amplitude", "g");
    private final List<ChartPlugin> markers = new ArrayList<>();

    EnvelopeView() {
        var x = Charts.xAxis(chart);
        x.setAutoRanging(false);
        x.setMin(0);
        x.setMax(MAX_HZ);
        chart.getStyleClass().add("envelope-chart");
    }

    XYChart chart() {
        return chart;
    }

    void clear() {
        chart.getDatasets().clear();
        chart.getPlugins().removeAll(markers);
        markers.clear();
    }

    void show(String channel, String color, Spectrum env, List<DefectMatch> matches, PhysicsSettings settings) {
        clear();
        int n = 0;
        while (n < env.frequency().length && env.frequency()[n] <= MAX_HZ) {
            n++;
        }
        DoubleDataSet ds = Charts.dataSet(channel + " envelope", color, 1);
        ds.set(Arrays.copyOf(env.frequency(), n), Arrays.copyOf(env.amplitude(), n));
        chart.getDatasets().add(ds);
        DefectType top = matches.get(0).type();
        for (DefectType t : DefectType.values()) {
            double f = settings.geometry().frequency(t);
            int harmonics = t == top ? settings.harmonics() : 1;
            for (int h = 1; h <= harmonics; h++) {
                double c = f * h;
                if (c > MAX_HZ) {
                    continue;
                }
                XRangeIndicator tol = new XRangeIndicator(
                        chart.getXAxis(), c * (1 - settings.tolerance()), c * (1 + settings.tolerance()), "");
                XValueIndicator line =
                        new XValueIndicator(chart.getXAxis(), c, h == 1 ? t.label() : h + "×" + t.label());
                line.setEditable(false);
                line.setLabelPosition(0.08 + 0.17 * t.ordinal() + 0.04 * (h - 1));
                Charts.labelInside(line);
                markers.add(tol);
                markers.add(line);
            }
        }
        chart.getPlugins().addAll(markers);
    }
}
