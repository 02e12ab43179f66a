package org.bearingworkbench.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bearingworkbench.detect.Alarms;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.DetectorComparison;
import org.bearingworkbench.pipeline.prognosis.FeatureRanking;
import org.bearingworkbench.pipeline.prognosis.LifeForecast;
import org.bearingworkbench.pipeline.prognosis.LifeModel;
import org.bearingworkbench.pipeline.prognosis.RemainingLife;
import org.bearingworkbench.signal.diagnosis.Diagnoser;
import org.bearingworkbench.signal.diagnosis.Diagnosis;
import org.bearingworkbench.signal.diagnosis.EvidenceLine;

/**
 * Writes an {@link IncidentReport} as one self-contained HTML file: styles inline, charts as inline SVG, no script
 * and no external resource, so it opens in any browser, mails as one attachment and prints (to PDF too) as it shows.
 */
public final class IncidentReportHtml {
    private static final String VERSION = "Bearing Workbench 0.1.0";
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0;
            color:#1d2330;background:#f4f6f9;line-height:1.45}
            main{max-width:960px;margin:0 auto;padding:24px 28px 48px;background:#fff}
            h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:28px 0 8px;border-bottom:1px solid #dde3ea;
            padding-bottom:4px}h3{font-size:1em;margin:16px 0 6px}
            .sub{color:#5b6574;font-size:.9em}
            .verdict{border-left:5px solid #d62728;background:#fdf1f1;padding:10px 14px;margin:16px 0}
            .verdict.calm{border-color:#2ca02c;background:#f0f8f0}
            .verdict p{margin:4px 0}
            table{border-collapse:collapse;font-size:.88em;margin:6px 0 10px}
            th,td{border:1px solid #dde3ea;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f0f3f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
            dl{display:grid;grid-template-columns:max-content auto;gap:2px 14px;font-size:.9em;margin:6px 0}
            dt{color:#5b6574}dd{margin:0}
            svg.chart{display:block;max-width:100%;height:auto;margin:6px 0}
            .note{color:#5b6574;font-size:.88em}
            @media print{body{background:#fff}main{padding:0;max-width:none}h2{break-after:avoid}
            svg.chart,table{break-inside:avoid}}
            """;

    private final IncidentReport r;
    private final StringBuilder b = new StringBuilder(256 * 1024);

    private IncidentReportHtml(IncidentReport r) {
        this.r = r;
    }

    /** Writes the report to {@code target} atomically (a reader never sees half a file). */
    public static void write(IncidentReport r, Path target) throws IOException {
        AtomicFiles.write(target, w -> write(r, w));
    }

    public static void write(IncidentReport r, Writer out) throws IOException {
        out.write(render(r));
    }

    /** The whole document. */
    public static String render(IncidentReport r) {
        return new IncidentReportHtml(r).document();
    }

    private String document() {
        FeatureTable t = r.analysis().table();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"")
                .append(VERSION)
                .append("\"/>\n")
                .append("<title>Incident report: ")
                .append(esc(t.name()))
                .append("</title>\n")
                .append("<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        b.append("<h1>Incident report: ").append(esc(t.name())).append("</h1>\n");
        b.append("<p class=\"sub\">")
                .append(esc(r.dataSource()))
                .append(" &#183; written ")
                .append(esc(FeatureCsv.ISO.format(r.created())))
                .append(" by ")
                .append(VERSION)
                .append("</p>\n");
        verdict();
        dataSet();
        model();
        threshold();
        whichBearing();
        physics();
        comparison();
        lifeModelForecasts();
        remainingLife();
        episodes();
        notes();
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private void verdict() {
        AnomalyAnalysis a = r.analysis();
        FeatureTable t = a.table();
        boolean alarm = a.alarms().firstAlarm() >= 0;
        b.append("<section class=\"verdict").append(alarm ? "" : " calm").append("\" id=\"verdict\">\n");
        if (alarm) {
            int row = a.alarms().firstAlarm();
            Attribution attr = a.attribution();
            int top = attr.topChannel(row);
            p(String.format(
                    Locale.ROOT,
                    "<strong>First sustained alarm: %s</strong> (%s), %s before the last file " + "(%s).",
                    esc(FeatureCsv.ISO.format(t.timestamp(row))),
                    esc(t.file(row)),
                    esc(Durations.hours(a.leadTimeHours())),
                    esc(FeatureCsv.ISO.format(t.timestamp(t.rowCount() - 1)))));
            p(String.format(
                    Locale.ROOT,
                    "Which bearing: %s%s has the largest reconstruction error at that file " + "(%.0f%% of it)%s.",
                    esc(a.channels().channel(top)),
                    bearing(a, top),
                    100 * attr.share(row, top),
                    a.dominantTopChannel()
                            .map(c -> "; over all flagged rows: " + esc(c))
                            .orElse("")));
            int first = attr.firstToLeave();
            if (first >= 0) {
                p(String.format(
                        Locale.ROOT,
                        "First to leave its training range for good: %s%s at %s.",
                        esc(a.channels().channel(first)),
                        bearing(a, first),
                        esc(FeatureCsv.ISO.format(t.timestamp(attr.leftForGoodAt(first))))));
            }
        } else {
            p("<strong>No sustained alarm</strong> over " + t.rowCount() + " snapshots with the threshold "
                    + num(a.threshold().value()) + " and persistence "
                    + a.alarms().rule() + ".");
        }
        if (!r.physics().isEmpty()) {
            p("Physics: " + esc(r.physics().get(0).sentence(t)));
        }
        RemainingLife life = r.life();
        if (!r.lifeForecasts().isEmpty()) {
            LifeForecast f = r.lifeForecasts().get(r.lifeForecasts().size() - 1);
            p(esc(String.format(
                    Locale.ROOT,
                    "Remaining life (life model, at %s): %.0f s, 90%% band %.0f to %.0f s.",
                    FeatureCsv.ISO.format(f.time()),
                    f.rulSeconds(),
                    f.lowSeconds(),
                    f.highSeconds())));
        } else if (life != null && !life.estimates().isEmpty()) {
            RemainingLife.Estimate e = life.estimates().get(life.estimates().size() - 1);
            p(String.format(
                    Locale.ROOT,
                    "Remaining life (exponential degradation model, last forecast at %s): "
                            + "%s, 90%% band %s to %s%s.",
                    esc(FeatureCsv.ISO.format(e.time())),
                    esc(Durations.hours(e.forecast().median())),
                    esc(Durations.hours(e.forecast().low())),
                    esc(Durations.hours(e.forecast().high())),
                    Double.isNaN(e.actualHours()) ? "" : "; actual " + esc(Durations.hours(e.actualHours()))));
        }
        b.append("</section>\n");
    }

    private static String bearing(AnomalyAnalysis a, int c) {
        int bearing = a.channels().bearing(c);
        return bearing > 0 ? " (bearing " + bearing + ")" : "";
    }

    private void dataSet() {
        FeatureTable t = r.analysis().table();
        h2("data", "Data set");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"source", r.dataSource()});
        rows.add(new String[] {
            "snapshots",
            t.rowCount() + " (" + FeatureCsv.ISO.format(t.timestamp(0)) + " to "
                    + FeatureCsv.ISO.format(t.timestamp(t.rowCount() - 1)) + ")"
        });
        rows.add(new String[] {
            "skipped files", Integer.toString(r.data().skipped().size())
        });
        for (String line : r.data().description().lines()) {
            int colon = line.indexOf(": ");
            rows.add(
                    colon > 0
                            ? new String[] {line.substring(0, colon), line.substring(colon + 2)}
                            : new String[] {"", line});
        }
        definitions(rows);
        List<SkippedFile> skipped = r.data().skipped();
        if (!skipped.isEmpty()) {
            b.append("<h3>Skipped files</h3>\n<table><tr><th>file</th><th>reason</th></tr>\n");
            for (SkippedFile f : skipped.subList(0, Math.min(30, skipped.size()))) {
                b.append("<tr><td>")
                        .append(esc(f.file()))
                        .append("</td><td>")
                        .append(esc(f.reason()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
            if (skipped.size() > 30) {
                p("<span class=\"note\">" + (skipped.size() - 30) + " more in the CSV report.</span>");
            }
        }
    }

    private void model() {
        ModelBundle m = r.bundle();
        h2("model", "Model");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", r.modelSource()});
        rows.add(new String[] {"kind", "LSTM autoencoder, " + m.model().parameterCount() + " parameters"});
        rows.add(new String[] {"features", String.join(", ", m.model().columns())});
        for (Map.Entry<String, String> e : m.model().config().toMap().entrySet()) {
            rows.add(new String[] {e.getKey(), e.getValue()});
        }
        rows.add(new String[] {
            "trained on",
            FeatureCsv.ISO.format(m.trainStart()) + " to " + FeatureCsv.ISO.format(m.trainEnd()) + " ("
                    + r.analysis().trainRows() + " rows of this data up to the split)"
        });
        if (!m.history().isEmpty()) {
            var last = m.history().get(m.history().size() - 1);
            rows.add(new String[] {
                "final loss",
                String.format(
                        Locale.ROOT,
                        "%.5g (validation %.5g) after %d epochs",
                        last.loss(),
                        last.validationLoss(),
                        m.history().size())
            });
        }
        if (m.provenance() != null) {
            rows.add(new String[] {"provenance", m.provenance().describe()});
        }
        rows.add(new String[] {"created", m.createdAt()});
        definitions(rows);
    }

    private void threshold() {
        AnomalyAnalysis a = r.analysis();
        Alarms al = a.alarms();
        h2("threshold", "Threshold and timeline");
        definitions(List.of(
                new String[] {
                    "threshold",
                    num(a.threshold().value()) + " (" + a.threshold().method() + ")"
                },
                new String[] {"why this value", a.threshold().explanation()},
                new String[] {
                    "training rows above it",
                    String.format(Locale.ROOT, "%.1f%%", 100 * a.threshold().trainFlaggedShare())
                },
                new String[] {
                    "persistence",
                    al.rule() + ": an alarm needs " + al.rule().n() + " flagged of "
                            + al.rule().m() + " consecutive snapshots"
                },
                new String[] {
                    "flagged",
                    al.flaggedCount() + " of " + a.table().rowCount() + " snapshots; "
                            + al.episodes().size() + " alarm episode(s); " + al.trainingAlarmRows()
                            + " alarm rows in training"
                },
                new String[] {"sensor problems", a.sensor().count() + " snapshot(s), not counted as anomalies"}));
        b.append(ReportCharts.timeline(a)).append('\n');
        b.append("<h3>Distribution of the scores</h3>\n")
                .append(ReportCharts.histogram(a))
                .append('\n');
    }

    private void whichBearing() {
        AnomalyAnalysis a = r.analysis();
        int row = r.alarmRow();
        if (row < 0) {
            return;
        }
        Attribution attr = a.attribution();
        h2("bearing", "Which bearing");
        p("At " + esc(a.table().file(row)) + " ("
                + esc(FeatureCsv.ISO.format(a.table().timestamp(row))) + "), "
                + (a.alarms().firstAlarm() == row ? "the first sustained alarm" : "the highest test score (no alarm)")
                + ":");
        b.append("<table><tr><th>channel</th><th>bearing</th><th>share of the error</th><th>departure from training "
                + "range</th><th>left it for good at</th></tr>\n");
        for (int c = 0; c < a.channels().size(); c++) {
            int left = attr.leftForGoodAt(c);
            b.append("<tr><td>")
                    .append(esc(a.channels().channel(c)))
                    .append("</td><td class=\"n\">")
                    .append(a.channels().bearing(c) > 0 ? a.channels().bearing(c) : "-")
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * attr.share(row, c)))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.3g", attr.departure(row, c)))
                    .append("</td><td>")
                    .append(left >= 0 ? esc(FeatureCsv.ISO.format(a.table().timestamp(left))) : "-")
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private void physics() {
        if (r.physics().isEmpty()) {
            return;
        }
        FeatureTable t = r.analysis().table();
        h2("physics", "Diagnosis of the alarm file, channel by channel");
        for (IncidentReport.AlarmPhysics ph : r.physics()) {
            b.append("<h3>")
                    .append(esc(ph.channel()))
                    .append(": ")
                    .append(esc(ph.why()))
                    .append("</h3>\n");
            p(esc(ph.sentence(t)));
            Diagnosis d = ph.envelope().diagnosis();
            if (ph != r.physics().get(0) && !d.verdict().isDefect()) {
                continue; // a channel with no defect: its sentence says so; the chart is the lead channel's
            }
            b.append(ReportCharts.envelope(ph.envelope())).append('\n');
            b.append("<table><tr><th>line</th><th>found at</th><th>comb at</th><th>over local floor</th>"
                    + "<th>note</th></tr>\n");
            for (EvidenceLine l : d.evidence().stream().limit(8).toList()) {
                b.append("<tr><td>")
                        .append(esc(l.label()))
                        .append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.1f Hz", l.frequencyHz()))
                        .append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.1f Hz", l.expectedHz()))
                        .append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.1f", l.overFloor()))
                        .append("</td><td>")
                        .append(esc(l.sharedWith().isEmpty() ? "" : "shared with " + l.sharedWith()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        var s = r.physics().get(0).envelope().settings();
        p("<span class=\"note\">"
                + esc(String.format(
                        Locale.ROOT,
                        "Bearing %s (shaft %.0f rpm), sample rate %.0f Hz. Each channel's squared-envelope "
                                + "spectrum is judged by harmonic series over a local noise floor, shaft orders "
                                + "never credited to a defect; a series is evident at a significance of %.1f "
                                + "(-log10 p) or more (docs/diagnosis.md).",
                        s.geometry().name().replaceFirst(" at [0-9.]+ rpm$", ""),
                        s.geometry().rpm(),
                        s.sampleRate(),
                        Diagnoser.THRESHOLD))
                + "</span>");
    }

    private void comparison() {
        DetectorComparison c = r.comparison();
        if (c == null) {
            return;
        }
        h2("detectors", "Does it beat the simple thing? Detectors side by side");
        b.append("<table><tr><th>detector</th><th>threshold</th><th>flagged</th><th>first sustained alarm</th>"
                + "<th>lead time</th><th>alarms in training</th><th>top channel</th><th>fitted</th></tr>\n");
        for (DetectorComparison.Entry e : c.entries()) {
            AnomalyAnalysis a = e.analysis();
            b.append("<tr><td>")
                    .append(esc(e.label()))
                    .append("</td><td class=\"n\">")
                    .append(num(a.threshold().value()))
                    .append("</td><td class=\"n\">")
                    .append(a.alarms().flaggedCount())
                    .append("</td><td>")
                    .append(e.firstAlarm().isEmpty() ? "none" : esc(e.firstAlarm()))
                    .append("</td><td class=\"n\">")
                    .append(esc(Durations.hours(a.leadTimeHours())))
                    .append("</td><td class=\"n\">")
                    .append(a.alarms().trainingAlarmRows())
                    .append("</td><td>")
                    .append(esc(a.dominantTopChannel().orElse("-")))
                    .append("</td><td>")
                    .append(esc(e.fitted()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n").append(ReportCharts.detectors(c)).append('\n');
        p("<span class=\"note\">Each detector's threshold comes from the same method on its own training scores, and "
                + "the same persistence rule decides its alarms.</span>");
    }

    private void lifeModelForecasts() {
        if (r.lifeForecasts().isEmpty()) {
            return;
        }
        h2("life-model", "Remaining life from the life model");
        LifeForecast last = r.lifeForecasts().get(r.lifeForecasts().size() - 1);
        p(esc(String.format(
                Locale.ROOT,
                "At %s (%s): %.0f s to failure (median %.0f s, 90%% band %.0f to %.0f s); %s. Health indicator: %s over"
                        + " its healthy start; failure level %s; learned from %s.",
                FeatureCsv.ISO.format(last.time()),
                last.file(),
                last.rulSeconds(),
                last.medianSeconds(),
                last.lowSeconds(),
                last.highSeconds(),
                last.method(),
                r.lifeModel().feature(),
                r.lifeModel().failureSource(),
                String.join(
                        ", ",
                        r.lifeModel().histories().stream()
                                .map(LifeModel.History::name)
                                .toList()))));
        b.append("<table><tr><th>forecast at</th><th>indicator</th><th>remaining life (s)</th><th>median (s)</th>"
                + "<th>90% band (s)</th><th>method</th></tr>\n");
        for (LifeForecast f : r.lifeForecasts()) {
            b.append("<tr><td>")
                    .append(esc(FeatureCsv.ISO.format(f.time())))
                    .append("</td><td class=\"n\">")
                    .append(num(f.level()))
                    .append("</td><td class=\"n\">")
                    .append(Math.round(f.rulSeconds()))
                    .append("</td><td class=\"n\">")
                    .append(Math.round(f.medianSeconds()))
                    .append("</td><td class=\"n\">")
                    .append(Math.round(f.lowSeconds()))
                    .append(" to ")
                    .append(Math.round(f.highSeconds()))
                    .append("</td><td>")
                    .append(esc(f.method()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        p("<span class=\"note\">The same forecasts as <code>rul predict</code> with this model (docs/prognosis.md):"
                + " each from the snapshots up to its time; the remaining life is the value with the best expected"
                + " PHM 2012 score, the band the forecast's 5th to 95th percentile.</span>");
    }

    private void remainingLife() {
        RemainingLife life = r.life();
        if (life == null) {
            return;
        }
        FeatureTable t = r.analysis().table();
        h2("life", "Health indicator and remaining life");
        p(esc(String.format(
                Locale.ROOT,
                "Health indicator: the first principal component of %s on the training rows, "
                        + "smoothed causally over %d rows. Onset threshold %.4g; failure level %.4g (%s).",
                String.join(", ", life.indicator().columns()),
                life.indicator().smoothing(),
                life.onsetThreshold(),
                life.failureThreshold(),
                life.failureSource())));
        b.append(ReportCharts.health(life, t)).append('\n');
        if (life.onset() < 0) {
            p("The indicator never leaves its healthy range for good: no degradation onset, no forecast.");
        } else if (life.estimates().isEmpty()) {
            p(esc("Onset " + FeatureCsv.ISO.format(t.timestamp(life.onset())) + "; no forecast: " + life.failureSource()
                    + "."));
        } else {
            b.append("<table><tr><th>forecast at</th><th>indicator</th><th>predicted remaining life (median)</th>"
                    + "<th>90% band</th></tr>\n");
            for (RemainingLife.Estimate e : life.estimates()) {
                b.append("<tr><td>")
                        .append(esc(FeatureCsv.ISO.format(e.time())))
                        .append("</td><td class=\"n\">")
                        .append(num(e.indicator()))
                        .append("</td><td class=\"n\">")
                        .append(esc(Durations.hours(e.forecast().median())))
                        .append("</td><td class=\"n\">")
                        .append(esc(Durations.hours(e.forecast().low()) + " to "
                                + Durations.hours(e.forecast().high())))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
            if (life.estimates().size() > 1) {
                b.append(ReportCharts.remainingLife(life)).append('\n');
            }
            p("<span class=\"note\">Exponential degradation model (Gebraeel et al. 2005), updated "
                    + "with each row since the "
                    + "onset; every forecast uses only the rows up to its time. The band is the "
                    + "model's parameter "
                    + "uncertainty, not a calibrated interval: one run to failure cannot calibrate it.</span>");
        }
        b.append("<h3>Feature ranking</h3>\n<table><tr><th>feature</th><th>monotonicity</th><th>trendability</th>"
                + "<th>prognosability</th><th>fitness</th></tr>\n");
        List<FeatureRanking.Rank> ranks = life.ranking().ranks();
        for (FeatureRanking.Rank k : ranks.subList(0, Math.min(10, ranks.size()))) {
            b.append("<tr><td>")
                    .append(esc(k.column()))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.3f", k.monotonicity()))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.3f", k.trendability()))
                    .append("</td><td class=\"n\">")
                    .append(
                            Double.isNaN(k.prognosability())
                                    ? "n/a"
                                    : String.format(Locale.ROOT, "%.3f", k.prognosability()))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.3f", k.fitness()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        p("<span class=\"note\">Monotonicity, trendability and prognosability as Coble and Hines "
                + "(2009) define them; prognosability compares the final values of several runs to failure and "
                + "is not defined for one.</span>");
    }

    private void episodes() {
        AnomalyAnalysis a = r.analysis();
        List<Alarms.Episode> eps = a.alarms().episodes();
        if (eps.isEmpty()) {
            return;
        }
        FeatureTable t = a.table();
        h2("episodes", "Alarm episodes");
        b.append("<table><tr><th>start</th><th>end</th><th>snapshots</th><th>highest score</th><th>top channel "
                + "there</th></tr>\n");
        Attribution attr = a.attribution();
        for (Alarms.Episode e : eps.subList(0, Math.min(50, eps.size()))) {
            int max = e.start();
            for (int row = e.start(); row <= e.end(); row++) {
                if (a.scores().score()[row] > a.scores().score()[max]) {
                    max = row;
                }
            }
            b.append("<tr><td>")
                    .append(esc(FeatureCsv.ISO.format(t.timestamp(e.start()))))
                    .append("</td><td>")
                    .append(esc(FeatureCsv.ISO.format(t.timestamp(e.end()))))
                    .append("</td><td class=\"n\">")
                    .append(e.end() - e.start() + 1)
                    .append("</td><td class=\"n\">")
                    .append(num(a.scores().score()[max]))
                    .append("</td><td>")
                    .append(esc(a.channels().channel(attr.topChannel(max))))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (eps.size() > 50) {
            p("<span class=\"note\">" + (eps.size() - 50) + " more episodes in the CSV report.</span>");
        }
    }

    private void notes() {
        if (r.notes().isEmpty()) {
            return;
        }
        h2("notes", "Left out");
        b.append("<ul>\n");
        for (String n : r.notes()) {
            b.append("<li>").append(esc(n)).append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private void h2(String id, String title) {
        b.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n");
    }

    private void p(String html) {
        b.append("<p>").append(html).append("</p>\n");
    }

    private void definitions(List<String[]> rows) {
        b.append("<dl>\n");
        for (String[] row : rows) {
            b.append("<dt>")
                    .append(esc(row[0]))
                    .append("</dt><dd>")
                    .append(esc(row[1]))
                    .append("</dd>\n");
        }
        b.append("</dl>\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String esc(String s) {
        return Html.escape(s);
    }
}
