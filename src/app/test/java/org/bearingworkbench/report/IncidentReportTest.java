package org.bearingworkbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.cli.CliRunner;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.pipeline.prognosis.SyntheticRuns;
import org.bearingworkbench.task.TaskContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * The incident report from the command line on the sample run with the stored model bundle: a valid HTML5 document
 * (an HTML5 parser that reports errors finds none), self-contained (no script, no external resource), and carrying
 * the analysis' own numbers, computed here independently.
 */
class IncidentReportTest {
    private static final Path BUNDLE = Path.of("src/core/test/resources/bundles/v1-sample.bwm");

    @TempDir
    Path dir;

    static Document parseStrict(String html) {
        Parser parser = Parser.htmlParser().setTrackErrors(100);
        Document d = Jsoup.parse(html, "", parser);
        assertEquals(
                List.of(), parser.getErrors().stream().map(Object::toString).toList(), "HTML parse errors");
        assertTrue(d.select("script, iframe, object, embed, link, img").isEmpty(), "no script or external resource");
        for (Element e : d.select("[src], [href]")) {
            assertTrue(e.attr("href").startsWith("#"), "only in-page links: " + e);
        }
        return d;
    }

    private static String run(String... args) {
        String[] r = CliRunner.run(args);
        assertEquals("0", r[0], r[2]);
        return r[2];
    }

    @Test
    void theReportIsValidSelfContainedHtmlWithTheAnalysisNumbers() throws Exception {
        Path out = dir.resolve("incident.html");
        run(
                "report",
                SampleData.DIR.toString(),
                "--model",
                BUNDLE.toString(),
                "--train-until",
                "2025-03-01 19:50:00",
                "-o",
                out.toString());
        Document d = parseStrict(Files.readString(out));
        // well-formed as XML too (every element closed, attributes quoted): what an XHTML-to-PDF renderer needs
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(out).replace("<!DOCTYPE html>", ""))));

        ModelBundle b = ModelBundle.load(BUNDLE);
        FeatureTable t = SampleData.table();
        AnomalyAnalysis a =
                Workflows.analyze(t, b, null, PersistenceRule.parse(b.persistence()), 1, TaskContext.silent());
        String first = FeatureCsv.ISO.format(a.firstAlarmTime().orElseThrow());
        assertEquals("2025-03-02 05:10:00", first);

        String verdict = d.getElementById("verdict").text();
        assertTrue(verdict.contains("First sustained alarm: " + first), verdict);
        assertTrue(verdict.contains(Durations.hours(a.leadTimeHours()) + " before the last file"), verdict);
        assertTrue(verdict.contains("ch1 (bearing 1) has the largest reconstruction error"), verdict);
        assertTrue(
                verdict.contains("Physics: 2025.03.02.05.10.00.gz: ch1: BPFO (outer race)"),
                "the synthetic run's outer-race defect on bearing 1 is named: " + verdict);
        assertTrue(d.title().contains("ims-synthetic"));

        String threshold = d.getElementById("threshold").nextElementSibling().text();
        assertTrue(
                threshold.contains(
                        String.format(Locale.ROOT, "%.4g", a.threshold().value()) + " (robust:3)"),
                threshold);
        assertTrue(threshold.contains(a.alarms().flaggedCount() + " of 160 snapshots"), threshold);
        assertTrue(threshold.contains(a.threshold().explanation()), threshold);

        for (String section :
                new String[] {"data", "model", "threshold", "bearing", "physics", "detectors", "life", "episodes"}) {
            assertTrue(d.getElementById(section) != null, "section " + section);
        }
        // the feature ranking shows all three criteria; prognosability needs several runs: not defined here
        Element ranking = d.select("h3:containsOwn(Feature ranking)").first().nextElementSibling();
        assertEquals(
                List.of("feature", "monotonicity", "trendability", "prognosability", "fitness"),
                ranking.select("tr").get(0).children().eachText());
        assertEquals("n/a", ranking.select("tr").get(1).child(3).text());
        // the comparison table: the model and the four baselines, the model's row with the same first alarm
        Element compare = d.getElementById("detectors").nextElementSibling();
        List<Element> rows =
                compare.select("tr").subList(1, compare.select("tr").size());
        assertEquals(5, rows.size());
        assertEquals("LSTM autoencoder", rows.get(0).child(0).text());
        assertEquals(first, rows.get(0).child(3).text());
        assertEquals(
                5,
                d.select("svg.chart").size(),
                "timeline, histogram, envelope, detectors, health (one forecast: no life chart)");
        for (Element svg : d.select("svg.chart")) {
            long drawn = svg.select("path").stream()
                            .filter(p ->
                                    p.attr("d").chars().filter(c -> c == 'L').count() > 20)
                            .count()
                    + svg.select("g > rect").size();
            assertTrue(drawn > 0, "a chart with its data drawn: " + svg.attr("aria-label"));
        }
    }

    @Test
    void fromAFeatureCsvTheReportSaysWhatIsLeftOutAndStaysValid() throws Exception {
        Path csv = dir.resolve("features.csv");
        run("features", SampleData.DIR.toString(), "-o", csv.toString());
        Path out = dir.resolve("r.html");
        String err = run(
                "report",
                csv.toString(),
                "--model",
                BUNDLE.toString(),
                "--train-until",
                "2025-03-01 19:50:00",
                "--no-compare",
                "-o",
                out.toString());
        Document d = parseStrict(Files.readString(out));
        assertEquals(null, d.getElementById("physics"));
        assertEquals(null, d.getElementById("detectors"));
        String notes = d.getElementById("notes").nextElementSibling().text();
        assertTrue(notes.contains("feature CSV"), notes);
        assertTrue(err.contains("note: No envelope analysis"), err);
    }

    @Test
    void aLifeModelsForecastsAreRulPredicts() throws Exception {
        Path life = dir.resolve("life.bwr");
        SyntheticRuns.lifeModel().write(life);
        Path out = dir.resolve("r.html");
        run(
                "report",
                SampleData.DIR.toString(),
                "--model",
                BUNDLE.toString(),
                "--train-until",
                "2025-03-01 19:50:00",
                "--no-compare",
                "--life-model",
                life.toString(),
                "-o",
                out.toString());
        String[] predicted = CliRunner.run(
                "rul",
                "predict",
                SampleData.DIR.toString(),
                "--model",
                life.toString(),
                "-o",
                dir.resolve("f.csv").toString());
        assertEquals("0", predicted[0], predicted[2]);
        List<String> csv = Files.readAllLines(dir.resolve("f.csv"));
        Document d = parseStrict(Files.readString(out));
        var rows = d.getElementById("life-model")
                .nextElementSiblings()
                .select("table")
                .first()
                .select("tr");
        assertEquals(csv.size(), rows.size(), "one row per forecast, and the header");
        String[] last = csv.get(csv.size() - 1).split(",");
        var cells = rows.last().select("td");
        assertEquals(last[0], cells.get(0).text());
        assertEquals(last[3], cells.get(2).text(), "rul_seconds");
        assertEquals(last[4], cells.get(3).text(), "median");
    }

    @Test
    void namesFromTheFileSystemAreEscaped() throws Exception {
        Path hostile = dir.resolve("rig <b>7 & \"east\"");
        Files.createDirectories(hostile);
        try (Stream<Path> files = Files.list(SampleData.DIR)) {
            for (Path f : files.toList()) {
                Files.copy(f, hostile.resolve(f.getFileName()));
            }
        }
        Path out = dir.resolve("r.html");
        run(
                "report",
                hostile.toString(),
                "--model",
                BUNDLE.toString(),
                "--train-until",
                "2025-03-01 19:50:00",
                "--no-compare",
                "--no-rul",
                "-o",
                out.toString());
        Document d = parseStrict(Files.readString(out));
        assertTrue(d.select("main b").isEmpty(), "a directory name is text, not markup");
        assertEquals("Incident report: rig <b>7 & \"east\"", d.selectFirst("h1").text());
    }

    @Test
    void anUnwritableTargetIsRefusedBeforeAnyWork() throws Exception {
        String[] r = CliRunner.run(
                "report",
                SampleData.DIR.toString(),
                "--model",
                BUNDLE.toString(),
                "-o",
                dir.resolve("no/such/dir/r.html").toString());
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("no/such/dir"), r[2]);
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("74.7 h", Durations.hours(74.7));
        assertEquals("1,076 h", Durations.hours(1076.4));
        assertEquals("12 min", Durations.hours(0.2));
        assertEquals("30 s", Durations.hours(30 / 3600.0));
        assertEquals("beyond", Durations.hours(Double.POSITIVE_INFINITY));
        assertEquals("-", Durations.hours(Double.NaN));
    }
}
