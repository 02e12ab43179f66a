package org.bearingworkbench.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small chart written as inline SVG (no script, no external file): lines, bars, horizontal and vertical markers
 * with labels, a shaded x range, linear or logarithmic y, numeric or date-time x. Enough for a report that must open
 * in any browser and print; the window draws its own charts with chart-fx.
 */
public final class SvgChart {
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private record Series(
            double[] x, double[] y, String color, double width, boolean dashed, boolean bars, String label) {}

    private record Marker(boolean vertical, double at, String color, String label, boolean dashed) {}

    private final int width;
    private final int height;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private double shadeFrom = Double.NaN;
    private double shadeTo = Double.NaN;
    private String shadeLabel = "";
    private boolean logY;
    private boolean timeX;
    private boolean powersX;
    private double yMinFixed = Double.NaN;

    public SvgChart(int width, int height, String xLabel, String yLabel) {
        this.width = width;
        this.height = height;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Seconds since the epoch of a local time (the x value of a date-time axis). */
    public static double seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    public SvgChart logY() {
        logY = true;
        return this;
    }

    /** x values are log10 of the quantity: ticks at whole powers, labelled with the quantity (0.1, 1, 10). */
    public SvgChart powersOfTenX() {
        powersX = true;
        return this;
    }

    /** x values are {@link #seconds} and the ticks show dates. */
    public SvgChart timeX() {
        timeX = true;
        return this;
    }

    /** The y axis starts at this value (e.g. 0) instead of the data's minimum. */
    public SvgChart yFrom(double v) {
        yMinFixed = v;
        return this;
    }

    public SvgChart line(double[] x, double[] y, String color, double strokeWidth, String label) {
        series.add(new Series(x, y, color, strokeWidth, false, false, label));
        return this;
    }

    public SvgChart dashedLine(double[] x, double[] y, String color, double strokeWidth, String label) {
        series.add(new Series(x, y, color, strokeWidth, true, false, label));
        return this;
    }

    /** Bars from y = 0 (or the axis bottom) centred at x with the given x-width each (the first gap). */
    public SvgChart bars(double[] x, double[] y, String color, String label) {
        series.add(new Series(x, y, color, 0, false, true, label));
        return this;
    }

    public SvgChart hLine(double y, String color, String label) {
        markers.add(new Marker(false, y, color, label, true));
        return this;
    }

    public SvgChart vLine(double x, String color, String label, boolean dashed) {
        markers.add(new Marker(true, x, color, label, dashed));
        return this;
    }

    public SvgChart shadeX(double from, double to, String label) {
        shadeFrom = from;
        shadeTo = to;
        shadeLabel = label;
        return this;
    }

    /** The chart as an {@code <svg>} element. */
    public String toSvg() {
        double[] xr = range(true);
        double[] yr = range(false);
        int pw = width - LEFT - RIGHT;
        int ph = height - TOP - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" class=\"chart\">",
                width,
                height,
                width,
                height,
                Html.escape(yLabel + " against " + xLabel)));
        b.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#ccc\"/>",
                LEFT,
                TOP,
                pw,
                ph));
        if (!Double.isNaN(shadeFrom)) {
            double a = px(shadeFrom, xr, pw);
            double c = px(shadeTo, xr, pw);
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#e8f0fb\"/>",
                    LEFT + a,
                    TOP,
                    Math.max(0, c - a),
                    ph));
            b.append(text(LEFT + a + 4, TOP + 12, shadeLabel, "start", "#557"));
        }
        axes(b, xr, yr, pw, ph);
        for (Series s : series) {
            b.append(s.bars ? bars(s, xr, yr, pw, ph) : path(s, xr, yr, pw, ph));
        }
        int labelRow = 0;
        for (Marker m : markers) {
            if (m.vertical) {
                double x = LEFT + px(m.at, xr, pw);
                if (x < LEFT - 0.5 || x > LEFT + pw + 0.5) {
                    continue;
                }
                b.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" " + "stroke-width=\"1.2\"%s/>",
                        x,
                        TOP,
                        x,
                        TOP + ph,
                        m.color,
                        m.dashed ? " stroke-dasharray=\"4 3\"" : ""));
                boolean right = x > LEFT + pw * 0.75;
                b.append(text(
                        x + (right ? -3 : 3),
                        TOP + 12 + 12 * (labelRow++ % 4),
                        m.label,
                        right ? "end" : "start",
                        m.color));
            } else {
                double y = TOP + ph - py(m.at, yr, ph);
                if (y < TOP - 0.5 || y > TOP + ph + 0.5) {
                    continue;
                }
                b.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                                + "stroke-width=\"1.4\" stroke-dasharray=\"6 3\"/>",
                        LEFT,
                        y,
                        LEFT + pw,
                        y,
                        m.color));
                b.append(text(LEFT + pw - 4, y - 4, m.label, "end", m.color));
            }
        }
        legend(b, pw);
        return b.append("</svg>").toString();
    }

    private void legend(StringBuilder b, int pw) {
        double x = LEFT + 8;
        double y = TOP + ph() - 8;
        List<Series> named = series.stream()
                .filter(s -> s.label != null && !s.label.isEmpty())
                .toList();
        if (named.size() < 2) {
            return;
        }
        for (int i = named.size() - 1; i >= 0; i--) {
            Series s = named.get(i);
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"3\" fill=\"%s\"/>",
                    x,
                    y - 4,
                    s.color));
            b.append(text(x + 16, y, s.label, "start", "#333"));
            y -= 14;
        }
    }

    private int ph() {
        return height - TOP - BOTTOM;
    }

    private double[] range(boolean isX) {
        double[] span = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : series) {
            for (double d : isX ? s.x : s.y) {
                widen(span, d, isX);
            }
        }
        for (Marker m : markers) {
            if (m.vertical == isX) {
                widen(span, m.at, isX);
            }
        }
        double lo = !isX && !Double.isNaN(yMinFixed) ? yMinFixed : span[0];
        double hi = span[1];
        if (!(hi >= lo)) {
            return new double[] {0, 1};
        }
        if (hi == lo) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo) * 0.1);
        }
        if (!isX) {
            hi = logY ? hi * 1.3 : hi + (hi - lo) * 0.06;
        }
        return logY && !isX ? new double[] {Math.log10(lo), Math.log10(hi)} : new double[] {lo, hi};
    }

    /** Widens {@code span} (low, high) to hold {@code d} when it can be drawn (finite; positive on a log y axis). */
    private void widen(double[] span, double d, boolean isX) {
        if (Double.isFinite(d) && (isX || !logY || d > 0)) {
            span[0] = Math.min(span[0], d);
            span[1] = Math.max(span[1], d);
        }
    }

    private double px(double x, double[] r, int pw) {
        return (x - r[0]) / (r[1] - r[0]) * pw;
    }

    private double py(double y, double[] r, int ph) {
        double v = logY ? Math.log10(y) : y;
        return (v - r[0]) / (r[1] - r[0]) * ph;
    }

    private String path(Series s, double[] xr, double[] yr, int pw, int ph) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < s.x.length; i++) {
            double y = s.y[i];
            if (!Double.isFinite(y) || (logY && y <= 0)) {
                pen = false;
                continue;
            }
            double cy = Math.max(TOP, Math.min(TOP + ph, TOP + ph - py(y, yr, ph)));
            d.append(pen ? 'L' : 'M').append(String.format(Locale.ROOT, "%.1f %.1f", LEFT + px(s.x[i], xr, pw), cy));
            pen = true;
        }
        return String.format(
                Locale.ROOT,
                "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s>%s</path>",
                d,
                s.color,
                s.width,
                s.dashed ? " stroke-dasharray=\"6 3\"" : "",
                s.label == null || s.label.isEmpty() ? "" : "<title>" + Html.escape(s.label) + "</title>");
    }

    private String bars(Series s, double[] xr, double[] yr, int pw, int ph) {
        StringBuilder b = new StringBuilder("<g fill=\"" + s.color + "\" fill-opacity=\"0.8\">");
        double w = s.x.length > 1 ? Math.abs(px(s.x[1], xr, pw) - px(s.x[0], xr, pw)) : pw / 20.0;
        double base = logY ? 0 : py(Math.max(yr[0], Math.min(yr[1], 0)), yr, ph);
        for (int i = 0; i < s.x.length; i++) {
            if (!(s.y[i] > 0)) {
                continue;
            }
            double h = py(s.y[i], yr, ph) - base;
            double x = LEFT + px(s.x[i], xr, pw) - w / 2;
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                    x,
                    TOP + ph - base - h,
                    Math.max(0.5, w - 0.6),
                    Math.max(0, h)));
        }
        return b.append("</g>").toString();
    }

    private void axes(StringBuilder b, double[] xr, double[] yr, int pw, int ph) {
        List<Double> xt = powersX ? logTicks(xr) : ticks(xr[0], xr[1], timeX ? 6 : 8, timeX);
        for (double t : xt) {
            double x = LEFT + px(powersX ? Math.log10(t) : t, xr, pw);
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>",
                    x,
                    TOP,
                    x,
                    TOP + ph));
            b.append(text(
                    x,
                    TOP + ph + 14,
                    timeX
                            ? DAY.format(LocalDateTime.ofInstant(Instant.ofEpochSecond((long) t), ZoneOffset.UTC))
                            : number(t),
                    "middle",
                    "#444"));
        }
        List<Double> yt = logY ? logTicks(yr) : ticks(yr[0], yr[1], 6, false);
        for (double t : yt) {
            double y = TOP + ph - (logY ? (Math.log10(t) - yr[0]) / (yr[1] - yr[0]) * ph : py(t, yr, ph));
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    LEFT,
                    y,
                    LEFT + pw,
                    y));
            b.append(text(LEFT - 4, y + 4, number(t), "end", "#444"));
        }
        b.append(text(LEFT + pw / 2.0, height - 6, xLabel, "middle", "#222"));
        b.append(String.format(
                Locale.ROOT,
                "<text x=\"12\" y=\"%.1f\" transform=\"rotate(-90 12 %.1f)\" text-anchor=\"middle\" "
                        + "font-size=\"11\" fill=\"#222\">%s</text>",
                TOP + ph / 2.0,
                TOP + ph / 2.0,
                Html.escape(yLabel)));
    }

    private static List<Double> logTicks(double[] yr) {
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.floor(yr[0]); e <= Math.ceil(yr[1]); e++) {
            double v = Math.pow(10, e);
            if (Math.log10(v) >= yr[0] - 1e-9 && Math.log10(v) <= yr[1] + 1e-9) {
                out.add(v);
            }
        }
        return out;
    }

    /** Round tick values between lo and hi; for time, whole hours or days. */
    static List<Double> ticks(double lo, double hi, int target, boolean time) {
        double span = hi - lo;
        double step;
        if (time) {
            double[] steps = {
                60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 30 * 86400
            };
            step = steps[steps.length - 1];
            for (double s : steps) {
                if (span / s <= target) {
                    step = s;
                    break;
                }
            }
        } else {
            double raw = span / target;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double n = raw / mag;
            step = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
        }
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out;
    }

    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        String s = String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String text(double x, double y, String s, String anchor, String color) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"%s\">%s</text>",
                x,
                y,
                anchor,
                color,
                Html.escape(s));
    }
}
