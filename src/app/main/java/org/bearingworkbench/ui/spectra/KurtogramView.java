package org.bearingworkbench.ui.spectra;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.bearingworkbench.signal.Kurtogram;
import org.bearingworkbench.ui.widgets.CanvasView;

/**
 * A kurtogram as a map: one row per level (0 at the top, the 1/3 levels between), each band a cell coloured by its
 * spectral kurtosis (dark: Gaussian, bright: impulsive), the chosen band outlined, a colour bar on the right.
 */
public final class KurtogramView extends CanvasView {
    private Kurtogram kurtogram;

    KurtogramView() {
        super(300, 200, 900, 420);
    }

    void show(Kurtogram k) {
        kurtogram = k;
        redraw();
    }

    public Kurtogram kurtogram() {
        return kurtogram;
    }

    /** A perceptually ordered map from dark blue through teal to yellow (close to viridis). */
    static Color color(double t) {
        double[][] stops = {
            {0.267, 0.005, 0.329},
            {0.229, 0.322, 0.546},
            {0.128, 0.567, 0.551},
            {0.369, 0.789, 0.383},
            {0.993, 0.906, 0.144}
        };
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        double u = x - i;
        return Color.color(
                stops[i][0] + u * (stops[i + 1][0] - stops[i][0]),
                stops[i][1] + u * (stops[i + 1][1] - stops[i][1]),
                stops[i][2] + u * (stops[i + 1][2] - stops[i][2]));
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (kurtogram == null || w < 100 || h < 60) {
            return;
        }
        g.setFont(Font.font(11));
        double left = 50;
        double right = 80;
        double top = 10;
        double bottom = 40;
        double pw = w - left - right;
        double ph = h - top - bottom;
        int rows = kurtogram.levels().size();
        double rowH = ph / rows;
        double nyquist = kurtogram.sampleRate() / 2;
        double max = Math.max(kurtogram.best().kurtosis(), 1e-9);
        for (int i = 0; i < rows; i++) {
            Kurtogram.Level level = kurtogram.levels().get(i);
            double y = top + i * rowH;
            for (int b = 0; b < level.kurtosis().length; b++) {
                double x0 = left + level.lowHz(b) / nyquist * pw;
                double x1 = left + (level.lowHz(b) + level.bandwidthHz()) / nyquist * pw;
                g.setFill(color(Math.max(0, level.kurtosis()[b]) / max));
                g.fillRect(x0, y, x1 - x0 + 0.5, rowH + 0.5);
            }
            g.setFill(Color.web("#333"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(String.format(Locale.ROOT, "%.1f", level.level()), left - 6, y + rowH / 2);
        }
        Kurtogram.Band best = kurtogram.best();
        int bestRow = 0;
        for (int i = 0; i < rows; i++) {
            if (Math.abs(kurtogram.levels().get(i).level() - best.level()) < 1e-9) {
                bestRow = i;
            }
        }
        g.setStroke(Color.WHITE);
        g.setLineWidth(2.5);
        g.strokeRect(
                left + best.lowHz() / nyquist * pw,
                top + bestRow * rowH,
                (best.highHz() - best.lowHz()) / nyquist * pw,
                rowH);
        g.setStroke(Color.web("#d62728"));
        g.setLineWidth(1.2);
        g.strokeRect(
                left + best.lowHz() / nyquist * pw,
                top + bestRow * rowH,
                (best.highHz() - best.lowHz()) / nyquist * pw,
                rowH);
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(Color.web("#333"));
        g.setStroke(Color.web("#888"));
        g.setLineWidth(1);
        double step = WaterfallView.niceStep(nyquist / 8);
        for (double v = 0; v <= nyquist + 1e-9; v += step) {
            double x = left + v / nyquist * pw;
            g.strokeLine(x, top + ph, x, top + ph + 4);
            g.fillText(String.format(Locale.ROOT, "%.0f", v), x, top + ph + 16);
        }
        g.fillText("frequency (Hz)", left + pw / 2, h - 6);
        g.save();
        g.translate(14, top + ph / 2);
        g.rotate(-90);
        g.fillText("level", 0, 0);
        g.restore();
        double cx = w - right + 18;
        for (int i = 0; i < 100; i++) {
            g.setFill(color(1 - i / 99.0));
            g.fillRect(cx, top + i * ph / 100, 14, ph / 100 + 0.6);
        }
        g.setFill(Color.web("#333"));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(String.format(Locale.ROOT, "%.2f", max), cx + 18, top + 10);
        g.fillText("0", cx + 18, top + ph);
        g.save();
        g.translate(w - 8, top + ph / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("spectral kurtosis", 0, 0);
        g.restore();
    }
}
