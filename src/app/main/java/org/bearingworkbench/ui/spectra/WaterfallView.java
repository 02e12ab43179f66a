package org.bearingworkbench.ui.spectra;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.IntPredicate;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.bearingworkbench.pipeline.EnvelopeWaterfall;
import org.bearingworkbench.signal.DefectType;
import org.bearingworkbench.ui.widgets.CanvasView;

/**
 * A cascade of envelope spectra: the first file in front at the bottom, each later one a step up and to the right,
 * drawn back to front with the area under each line filled so nearer lines hide farther ones; the defect frequencies
 * as dashed lines running into the depth; lines of files in a sustained alarm in red.
 */
public final class WaterfallView extends CanvasView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
    private static final Color[] DEFECT = {
        Color.web("#d62728"), Color.web("#2ca02c"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2")
    };
    private EnvelopeWaterfall waterfall;
    private IntPredicate inAlarm = r -> false;

    WaterfallView() {
        super(300, 220, 900, 520);
    }

    void show(EnvelopeWaterfall w, IntPredicate alarmRows) {
        waterfall = w;
        inAlarm = alarmRows;
        redraw();
    }

    public EnvelopeWaterfall waterfall() {
        return waterfall;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (waterfall == null || w < 50 || h < 50) {
            return;
        }
        g.setFont(Font.font(11));
        int n = waterfall.lines().size();
        double left = 90;
        double bottom = h - 36;
        double depthX = Math.min(160, w * 0.18);
        double depthY = Math.min(h * 0.55, 26.0 * n);
        double plotW = w - left - depthX - 16;
        // room above the back line for the defect labels (three staggered rows)
        double lineH = Math.max(30, (bottom - depthY - 56) * 0.9);
        double[] f = waterfall.frequency();
        double fMax = f[f.length - 1];
        double peak = Math.max(waterfall.peak(), 1e-12);
        double dx = n > 1 ? depthX / (n - 1) : 0;
        double dy = n > 1 ? depthY / (n - 1) : 0;
        g.setLineDashes();
        for (int i = n - 1; i >= 0; i--) {
            EnvelopeWaterfall.Line line = waterfall.lines().get(i);
            double ox = left + i * dx;
            double oy = bottom - i * dy;
            double[] r = line.ratio();
            g.beginPath();
            g.moveTo(ox, oy);
            for (int k = 0; k < r.length; k++) {
                g.lineTo(ox + f[k] / fMax * plotW, oy - Math.min(1, r[k] / peak) * lineH);
            }
            g.lineTo(ox + plotW, oy);
            g.closePath();
            g.setFill(Color.rgb(255, 255, 255, 0.92));
            g.fill();
            g.setStroke(inAlarm.test(line.row()) ? Color.web("#d62728") : Color.web("#1f3f6e"));
            g.setLineWidth(1);
            g.beginPath();
            for (int k = 0; k < r.length; k++) {
                double x = ox + f[k] / fMax * plotW;
                double y = oy - Math.min(1, r[k] / peak) * lineH;
                if (k == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            if (i == 0 || i == n - 1 || i % Math.max(1, n / 6) == 0) {
                g.setFill(Color.web("#444"));
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(TIME.format(line.time()), ox - 6, oy);
                g.setTextBaseline(VPos.BASELINE);
            }
        }
        // defect lines into the depth, over the spectra so that a ridge on one is seen to follow it
        for (DefectType t : DefectType.values()) {
            double fd = waterfall.settings().geometry().frequency(t);
            for (int k = 1; k <= 3 && fd * k <= fMax; k++) {
                double x = left + fd * k / fMax * plotW;
                g.setStroke(DEFECT[t.ordinal()].deriveColor(0, 1, 1, 0.75));
                g.setLineWidth(1);
                g.setLineDashes(5, 4);
                g.strokeLine(x, bottom, x + depthX, bottom - depthY);
                if (k == 1) {
                    // above the back line's highest ridge, on a white halo: never hidden by a spectrum
                    double y = defectLabelBaseline(bottom, depthY, lineH, t.ordinal());
                    g.strokeLine(x + depthX, bottom - depthY, x + depthX, y + 2);
                    g.setLineDashes();
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setStroke(Color.WHITE);
                    g.setLineWidth(3);
                    g.strokeText(t.label(), x + depthX, y);
                    g.setFill(DEFECT[t.ordinal()]);
                    g.fillText(t.label(), x + depthX, y);
                    g.setLineWidth(1);
                }
            }
        }
        g.setLineDashes();
        // frequency axis along the front line
        g.setStroke(Color.web("#888"));
        g.strokeLine(left, bottom, left + plotW, bottom);
        g.setFill(Color.web("#333"));
        g.setTextAlign(TextAlignment.CENTER);
        double step = niceStep(fMax / 8);
        for (double v = 0; v <= fMax + 1e-9; v += step) {
            double x = left + v / fMax * plotW;
            g.strokeLine(x, bottom, x, bottom + 4);
            g.fillText(String.format(Locale.ROOT, "%.0f", v), x, bottom + 16);
        }
        drawHeightScale(g, lineH, peak);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(Color.web("#333"));
        g.fillText(
                "frequency (Hz); height: envelope amplitude / noise floor (peak "
                        + String.format(Locale.ROOT, "%.1f", peak) + "); depth: time",
                left + plotW / 2,
                h - 6);
    }

    /** Where a defect's label sits: above the back line's tallest possible ridge, the three kinds staggered. */
    static double defectLabelBaseline(double bottom, double depthY, double lineH, int ordinal) {
        return bottom - depthY - lineH - 6 - 12 * (ordinal % 3);
    }

    /** The height scale's ticks: 0, half the peak and the peak (a ridge as tall as a line is the peak). */
    static double[] heightTicks(double peak) {
        return new double[] {0, peak / 2, peak};
    }

    /** A vertical scale at the top left, as tall as a full ridge, in multiples of the noise floor. */
    private static void drawHeightScale(GraphicsContext g, double lineH, double peak) {
        double x = 30;
        double top = 18;
        g.setStroke(Color.web("#888"));
        g.setLineWidth(1);
        g.strokeLine(x, top, x, top + lineH);
        g.setFill(Color.web("#333"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : heightTicks(peak)) {
            double y = top + lineH - v / peak * lineH;
            g.strokeLine(x - 3, y, x + 3, y);
            g.fillText(String.format(Locale.ROOT, "%.1fx", v), x + 6, y);
        }
        g.setTextBaseline(VPos.BASELINE);
        g.fillText("height", x - 12, top - 8);
    }

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
    }
}
