package org.bearingworkbench.report;

import java.util.Locale;

/** Lead times and remaining lives as people read them: hours for long spans, minutes for short runs. */
public final class Durations {
    private Durations() {}

    /** "74.7 h", "12 min", "45 s", "beyond" for infinity, "-" for NaN. */
    public static String hours(double h) {
        if (Double.isNaN(h)) {
            return "-";
        }
        if (Double.isInfinite(h)) {
            return "beyond";
        }
        double a = Math.abs(h);
        if (a == 0) {
            return "0 h";
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, a >= 100 ? "%,.0f h" : "%.1f h", h);
        }
        if (a * 60 >= 1) {
            return String.format(Locale.ROOT, "%.0f min", h * 60);
        }
        return String.format(Locale.ROOT, "%.0f s", h * 3600);
    }
}
