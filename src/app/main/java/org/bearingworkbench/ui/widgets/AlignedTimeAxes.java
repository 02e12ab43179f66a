package org.bearingworkbench.ui.widgets;

import io.fair_acc.chartfx.XYChart;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Keeps the time axes of charts stacked one above the other at the same horizontal place, so that a moment is at one
 * x in all of them (a spectrogram's colour bar, or wider tick labels, would otherwise shift one plot against the
 * other). After every layout pass each chart is padded on the left and right by what its x axis lacks to reach the
 * innermost edges among them.
 */
public final class AlignedTimeAxes {
    /** Differences under this many pixels are left alone (no layout pass for rounding). */
    private static final double TOLERANCE = 0.5;

    private final List<XYChart> charts;
    private final Runnable pass = this::pass;

    private AlignedTimeAxes(List<XYChart> charts) {
        this.charts = charts;
    }

    /** Aligns {@code charts}' x axes from now on (once they are in a scene). */
    public static void align(XYChart... charts) {
        AlignedTimeAxes a = new AlignedTimeAxes(List.of(charts));
        charts[0].sceneProperty().addListener((o, before, scene) -> {
            if (before != null) {
                before.removePostLayoutPulseListener(a.pass);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(a.pass);
            }
        });
        Scene now = charts[0].getScene();
        if (now != null) {
            now.addPostLayoutPulseListener(a.pass);
        }
    }

    /** The x axis's left and right edges in the scene; null while it is not laid out or not shown. */
    public static Bounds axisBounds(XYChart chart) {
        Node axis = (Node) chart.getXAxis();
        if (!chart.isVisible()
                || chart.getScene() == null
                || axis.getLayoutBounds().getWidth() <= 0) {
            return null;
        }
        return axis.localToScene(axis.getLayoutBounds());
    }

    private void pass() {
        double left = Double.NEGATIVE_INFINITY;
        double right = Double.POSITIVE_INFINITY;
        for (XYChart c : charts) {
            Bounds b = axisBounds(c);
            if (b == null || !c.isVisible()) {
                return;
            }
            left = Math.max(left, b.getMinX());
            right = Math.min(right, b.getMaxX());
        }
        for (XYChart c : charts) {
            Bounds b = axisBounds(c);
            Insets p = c.getPadding();
            double l = Math.max(0, p.getLeft() + left - b.getMinX());
            double r = Math.max(0, p.getRight() + b.getMaxX() - right);
            if (Math.abs(l - p.getLeft()) > TOLERANCE || Math.abs(r - p.getRight()) > TOLERANCE) {
                c.setPadding(new Insets(p.getTop(), r, p.getBottom(), l));
            }
        }
    }
}
