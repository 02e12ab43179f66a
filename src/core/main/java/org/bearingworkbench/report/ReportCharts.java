package org.bearingworkbench.report;

import java.util.Arrays;
import java.util.Locale;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.DetectorComparison;
import org.bearingworkbench.pipeline.prognosis.RemainingLife;
import org.bearingworkbench.signal.DefectMatch;
import org.bearingworkbench.signal.DefectType;
import org.bearingworkbench.signal.FileEnvelope;
import org.bearingworkbench.signal.Spectrum;

/**
 * The incident report's charts, as SVG: timeline, histogram, envelope spectrum, detectors, health and remaining
 * life.
 */
final class ReportCharts {
    static final String SCORE = "#4a6fa5";
    static final String ALARM = "#d62728";
    static final String THRESHOLD = "#e07b00";
    static final String TRAIN = "#1f77b4";
    private static final String[] DETECTOR_COLORS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
    private static final int WIDTH = 900;

    private ReportCharts() {}

    private static double[] times(FeatureTable t) {
        double[] x = new double[t.rowCount()];
        for (int r = 0; r < x.length; r++) {
            x[r] = SvgChart.seconds(t.timestamp(r));
        }
        return x;
    }

    /** Score per snapshot (log), the rows in alarm in red, the threshold, the training range and the first alarm. */
    static String timeline(AnomalyAnalysis a) {
        FeatureTable t = a.table();
        double[] x = times(t);
        double[] s = a.scores().score();
        double[] alarm = new double[s.length];
        for (int r = 0; r < s.length; r++) {
            alarm[r] = a.alarms().inAlarm()[r] ? s[r] : Double.NaN;
        }
        SvgChart c = new SvgChart(WIDTH, 300, "time", "anomaly score (log)")
                .timeX()
                .logY()
                .shadeX(x[0], x[Math.max(0, a.trainRows() - 1)], "training")
                .line(x, s, SCORE, 1.2, "score")
                .line(x, alarm, ALARM, 2, "in sustained alarm (" + a.alarms().rule() + ")")
                .hLine(
                        a.threshold().value(),
                        THRESHOLD,
                        String.format(
                                Locale.ROOT, "threshold %.4g", a.threshold().value()));
        a.firstAlarmTime()
                .ifPresent(f -> c.vLine(SvgChart.seconds(f), ALARM, "first alarm " + FeatureCsv.ISO.format(f), true));
        return c.toSvg();
    }

    /** Histogram of the scores (log-spaced bins), training and test rows apart, with the threshold. */
    static String histogram(AnomalyAnalysis a) {
        double[] s = a.scores().score();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : s) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        int bins = 60;
        if (!(hi > lo)) {
            lo = hi > 0 ? hi / 2 : 1e-3;
            hi = Math.max(hi, lo * 2);
        }
        double l0 = Math.log10(lo);
        double step = (Math.log10(hi) - l0) / bins;
        double[] train = new double[bins];
        double[] test = new double[bins];
        for (int r = 0; r < s.length; r++) {
            if (!(s[r] > 0) || !Double.isFinite(s[r]) || a.sensor().at(r)) {
                continue;
            }
            int b = Math.min(bins - 1, (int) ((Math.log10(s[r]) - l0) / step));
            (a.isTrain(r) ? train : test)[b]++;
        }
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = l0 + (b + 0.5) * step;
        }
        return new SvgChart(WIDTH, 240, "anomaly score (log scale)", "snapshots")
                .powersOfTenX()
                .yFrom(0)
                .bars(x, test, "#f2a3a3", "test rows")
                .bars(x, train, "#8fb3de", "training rows")
                .vLine(
                        Math.log10(a.threshold().value()),
                        THRESHOLD,
                        String.format(
                                Locale.ROOT, "threshold %.4g", a.threshold().value()),
                        true)
                .toSvg();
    }

    /** The envelope spectrum up to a few harmonics of the highest defect frequency, with each defect's lines. */
    static String envelope(FileEnvelope e) {
        Spectrum s = e.spectrum();
        double top = 0;
        for (DefectType t : DefectType.values()) {
            top = Math.max(top, e.settings().geometry().frequency(t));
        }
        double maxHz = Math.min(e.settings().sampleRate() / 2, 3.3 * top);
        int end = s.endAtOrBelow(maxHz);
        SvgChart c = new SvgChart(WIDTH, 280, "frequency (Hz)", "envelope amplitude")
                .yFrom(0)
                .line(Arrays.copyOf(s.frequency(), end), Arrays.copyOf(s.amplitude(), end), SCORE, 1, "");
        DefectMatch lead = e.matches().get(0);
        boolean verdict = e.diagnosis().verdict().isDefect();
        String[] colors = {"#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};
        for (DefectType t : DefectType.values()) {
            double f = e.settings().geometry().frequency(t);
            String color = colors[t.ordinal() % colors.length];
            for (int h = 1; h <= 3 && f * h <= maxHz; h++) {
                boolean named = verdict && t == lead.type();
                c.vLine(f * h, color, h == 1 || named ? t.label() + (h > 1 ? " x" + h : "") : "", !named);
            }
        }
        return c.toSvg();
    }

    /** Every detector's score divided by its threshold over time (1 = at its threshold), log scale. */
    static String detectors(DetectorComparison c) {
        double[] x = times(c.table());
        SvgChart chart = new SvgChart(WIDTH, 300, "time", "score / its threshold (log)")
                .timeX()
                .logY()
                .yFrom(0.01);
        int k = 0;
        for (DetectorComparison.Entry e : c.entries()) {
            double t = e.analysis().threshold().value();
            double[] y =
                    Arrays.stream(e.analysis().scores().score()).map(v -> v / t).toArray();
            chart.line(x, y, DETECTOR_COLORS[k++ % DETECTOR_COLORS.length], e.id().equals("lstm") ? 1.8 : 1, e.label());
        }
        return chart.hLine(1, THRESHOLD, "threshold (1)").toSvg();
    }

    /** The health indicator with its onset threshold, failure level and onset. */
    static String health(RemainingLife life, FeatureTable t) {
        double[] x = times(t);
        SvgChart c = new SvgChart(WIDTH, 260, "time", "health indicator")
                .timeX()
                .line(x, life.indicator().values(), "#2ca02c", 1.3, "")
                .hLine(life.onsetThreshold(), THRESHOLD, "onset threshold")
                .hLine(life.failureThreshold(), ALARM, "failure level");
        if (life.onset() >= 0) {
            c.vLine(x[life.onset()], ALARM, "onset " + FeatureCsv.ISO.format(t.timestamp(life.onset())), true);
        }
        return c.toSvg();
    }

    /** Predicted remaining life (median, 90% band) against the actual one, at each forecast time. */
    static String remainingLife(RemainingLife life) {
        int n = life.estimates().size();
        double[] x = new double[n];
        double[] med = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        double[] actual = new double[n];
        for (int i = 0; i < n; i++) {
            RemainingLife.Estimate e = life.estimates().get(i);
            x[i] = SvgChart.seconds(e.time());
            med[i] = finite(e.forecast().median());
            low[i] = finite(e.forecast().low());
            high[i] = finite(e.forecast().high());
            actual[i] = e.actualHours();
        }
        return new SvgChart(WIDTH, 260, "time of the forecast", "remaining life (h)")
                .timeX()
                .yFrom(0)
                .line(x, actual, "#333", 1.5, "actual")
                .line(x, med, ALARM, 1.8, "predicted (median)")
                .dashedLine(x, low, "#e69a9a", 1, "90% band")
                .dashedLine(x, high, "#e69a9a", 1, "")
                .toSvg();
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
