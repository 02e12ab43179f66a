package org.bearingworkbench.ui.threshold;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XRangeIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.scene.input.MouseEvent;
import org.bearingworkbench.detect.Alarms;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;

/**
 * The Threshold pane's scores over time: the score line, flagged rows in red, sensor problems in purple, alarm
 * episodes shaded, the threshold as a line the user drags (the same threshold as the histogram's), and a compared
 * model's scores and threshold dashed. A threshold change reuses the times and the score line.
 */
final class ScoreTimeline {
    private final XYChart timeline = Charts.timeChart("score (scaled MAE)", null);
    private final DoubleDataSet scoreLine = Charts.dataSet("score", "#555555", 1);
    private final DoubleDataSet flaggedPoints = Charts.dataSet("flagged", Palette.ALARM, 1);
    private final DoubleDataSet sensorPoints = Charts.dataSet("sensor problem (not an anomaly)", Palette.SENSOR, 1);
    private final DoubleDataSet compareLine = Charts.dashedDataSet("compared model", Palette.COMPARE, 1.2);
    private final YValueIndicator timelineThreshold;
    private final List<XRangeIndicator> episodeShades = new ArrayList<>();
    private YValueIndicator compareThreshold;
    private List<Alarms.Episode> episodesShown;
    private FeatureTable episodesOf;
    private boolean timelinePressed;
    private boolean shadesPending;
    private FeatureTable timesOf;
    private double[] times;
    private Scores scoresShown;

    /** A timeline whose threshold line, when dragged, tells {@code dragged} its value. */
    ScoreTimeline(WorkbenchModel model, DoubleConsumer dragged) {
        timeline.getDatasets().add(scoreLine);
        ErrorDataSetRenderer marks = Charts.addRenderer(timeline, LineStyle.NONE, true);
        marks.getDatasets().addAll(flaggedPoints, sensorPoints);
        ErrorDataSetRenderer comparedScores = Charts.addRenderer(timeline, LineStyle.NORMAL, false);
        comparedScores.getDatasets().add(compareLine);
        timelineThreshold = new YValueIndicator(timeline.getYAxis(), 0, "threshold");
        timelineThreshold.setEditable(true);
        timeline.getPlugins().add(timelineThreshold);
        // dragging the line on the timeline moves the same threshold as the histogram's line
        timelineThreshold.valueProperty().addListener((o, a, v) -> dragged.accept(v.doubleValue()));
        timeline.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            timelinePressed = true;
            model.thresholdGestureProperty().set(true);
        });
        timeline.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            timelinePressed = false;
            model.thresholdGestureProperty().set(false);
            AnomalyAnalysis a = model.analysisProperty().get();
            if (shadesPending && a != null && a.table() == timesOf) {
                showShades(a, times, a.table().rowCount());
            }
        });
        timeline.getStyleClass().add("threshold-chart");
    }

    XYChart chart() {
        return timeline;
    }

    /** Moves the threshold line to {@code value} (the analysis changed, not the user's drag). */
    void threshold(double value) {
        timelineThreshold.setValue(value);
    }

    /** Nothing scored: an empty chart. */
    void clear() {
        scoreLine.clearData();
        scoresShown = null;
        timeline.getPlugins().removeAll(episodeShades);
        episodeShades.clear();
        episodesShown = null;
        flaggedPoints.clearData();
        sensorPoints.clearData();
        compareLine.clearData();
    }

    /** Shows the scores of {@code a}, its flagged and sensor-problem rows and its alarm episodes. */
    void show(AnomalyAnalysis a) {
        double[] score = a.scores().score();
        // a threshold change keeps the table and the scores: their times and the score line are reused
        if (a.table() != timesOf) {
            timesOf = a.table();
            times = new double[score.length];
            for (int i = 0; i < score.length; i++) {
                times[i] = Charts.seconds(a.table().timestamp(i));
            }
        }
        double[] x = times;
        if (a.scores() != scoresShown) {
            scoresShown = a.scores();
            scoreLine.set(x, score);
        }
        int nf = a.alarms().flaggedCount();
        double[] fx = new double[nf];
        double[] fy = new double[nf];
        int ns = 0;
        for (int i = 0; i < score.length; i++) {
            ns += !a.alarms().flagged()[i] && a.sensor().at(i) ? 1 : 0;
        }
        double[] sx = new double[ns];
        double[] sy = new double[ns];
        for (int i = 0, f = 0, k = 0; i < score.length; i++) {
            if (a.alarms().flagged()[i]) {
                fx[f] = x[i];
                fy[f++] = score[i];
            } else if (a.sensor().at(i)) {
                sx[k] = x[i];
                sy[k++] = score[i];
            }
        }
        flaggedPoints.set(fx, fy);
        sensorPoints.set(sx, sy);
        if (timelinePressed) {
            // a drag on the timeline is under way: changing the chart's plugins now would take the dragged line out
            // of the scene and end the drag after its first step; the shades follow on release
            shadesPending = true;
            return;
        }
        showShades(a, x, score.length);
    }

    private void showShades(AnomalyAnalysis a, double[] x, int rows) {
        shadesPending = false;
        if (!a.alarms().episodes().equals(episodesShown) || a.table() != episodesOf) {
            // shades only change when the episodes do (most drag steps keep them)
            episodesShown = a.alarms().episodes();
            episodesOf = a.table();
            timeline.getPlugins().removeAll(episodeShades);
            episodeShades.clear();
            for (Alarms.Episode e : episodesShown) {
                double half = rows > 1 ? (x[1] - x[0]) / 2 : 300;
                episodeShades.add(new XRangeIndicator(
                        timeline.getXAxis(),
                        x[e.start()] - half,
                        x[e.end()] + half,
                        episodeShades.isEmpty() ? "alarm" : ""));
            }
            timeline.getPlugins().addAll(episodeShades);
        }
    }

    /** The compared model's scores and threshold beside the active one's; nothing when {@code c} is null. */
    void showComparison(WorkbenchModel.Comparison c) {
        if (compareThreshold != null) {
            timeline.getPlugins().remove(compareThreshold);
            compareThreshold = null;
        }
        if (c == null) {
            compareLine.clearData();
            return;
        }
        AnomalyAnalysis b = c.analysis();
        double[] x = b.table() == timesOf ? times : new double[b.table().rowCount()];
        for (int i = 0; x != times && i < x.length; i++) {
            x[i] = Charts.seconds(b.table().timestamp(i));
        }
        compareLine.setName("#" + c.entry().number() + " " + c.entry().source());
        compareLine.set(x, b.scores().score());
        compareThreshold =
                new YValueIndicator(
                        timeline.getYAxis(),
                        b.threshold().value(),
                        "#" + c.entry().number() + " threshold") {
                    {
                        line.setStyle("-fx-stroke: " + Palette.COMPARE
                                + "; -fx-stroke-width: 2; -fx-stroke-dash-array: 6 4;");
                    }
                };
        compareThreshold.setLabelPosition(0.2);
        compareThreshold.setEditable(false);
        timeline.getPlugins().add(compareThreshold);
    }
}
