package org.bearingworkbench.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.DescriptionJson;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scoring service over real HTTP on a free port, with the checked-in bundle and the sample run. */
class ScoringServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ScoringServer server;
    private static ModelBundle bundle;
    private static String csv;
    private static AnomalyAnalysis batch;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        bundle = ModelBundle.load(Path.of("src/core/test/resources/bundles/v1-sample.bwm"));
        server = new ScoringServer(new ScoringService(bundle, null, 1), 1 << 20, null).start("127.0.0.1", 0);
        FeatureTable t = SampleData.table();
        StringWriter w = new StringWriter();
        FeatureCsv.write(t, w);
        csv = w.toString();
        batch = Workflows.analyze(t, bundle, null, PersistenceRule.parse("2/3"), 1, TaskContext.silent());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String type, String body, String query) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/score" + query))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAsItArrives() throws Exception {
        // no Content-Length (a stream of unknown length is sent chunked): 8 MB against a 1 MB limit
        byte[] big = "x".repeat(8 << 20).getBytes(StandardCharsets.US_ASCII);
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/score"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> r;
        try {
            r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            r = null; // the server may close the connection before the client has sent it all: refused too
        }
        if (r != null) {
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(r.body().contains("over the limit of 1048576 bytes"), r.body());
        }
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
    }

    @Test
    void aCsvOfTheRunScoresAsTheBatchScoreDoes() throws Exception {
        HttpResponse<String> r = post("text/csv", csv, "?persistence=2/3");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode rows = JSON.readTree(r.body()).get("rows");
        assertEquals(160, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            // the service scores through the plain-Java forward pass, the batch through DL4J: equal to 1e-6 (relative)
            assertEquals(
                    batch.scores().score()[i],
                    row.get("score").asDouble(),
                    1e-6 * Math.max(1, batch.scores().score()[i]),
                    "row " + i);
            boolean sensor = batch.sensor().at(i);
            if (!sensor) {
                assertEquals(batch.alarms().flagged()[i], row.get("flagged").asBoolean(), "row " + i);
                assertEquals(batch.alarms().inAlarm()[i], row.get("in_alarm").asBoolean(), "row " + i);
            }
            assertEquals(
                    batch.channels().channel(batch.attribution().topChannel(i)),
                    row.get("top_channel").asText());
            assertEquals(
                    batch.scores().errors()[i][0],
                    row.get("errors").get("ch1_mean_abs").asDouble(),
                    1e-6);
        }
        assertEquals(
                0.9897350615741685, JSON.readTree(r.body()).get("threshold").asDouble());
    }

    @Test
    void aRowThatCannotBeScoredIsSaidToBeSoNeverNotFlaggedAndEndsNoAlarm() throws Exception {
        // the sample run's last rows are in alarm; a row of 1e300 after them, then one of -1e300
        String[] lines = csv.split("\n");
        StringBuilder body = new StringBuilder("timestamp,ch1_mean_abs,ch2_mean_abs,ch3_mean_abs,ch4_mean_abs\n");
        for (int i = 150; i < 160; i++) {
            body.append(meanAbsRow(lines[1 + i])).append('\n');
        }
        String badAt = "2025-03-02 10:31:00";
        body.append(badAt).append(",1e300,0.06,0.05,0.05\n");
        body.append("2025-03-02 10:32:00,-1e300,0.06,0.05,0.05\n");
        HttpResponse<String> r = post("text/csv", body.toString(), "?persistence=2/3");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(2, answer.get("unscorable_rows").asInt(), r.body());
        JsonNode rows = answer.get("rows");
        JsonNode bad = rows.get(rows.size() - 2);
        assertEquals(badAt, bad.get("timestamp").asText());
        assertTrue(bad.get("unscorable").asText().contains("ch1_mean_abs = 1.0E300 lies beyond the range"), bad + "");
        assertTrue(bad.get("score").isNull() && bad.get("flagged").isNull(), bad.toString());
        assertTrue(rows.get(rows.size() - 3).get("in_alarm").asBoolean(), "the run is in alarm before the bad rows");
        assertTrue(
                bad.get("in_alarm").asBoolean()
                        && rows.get(rows.size() - 1).get("in_alarm").asBoolean(),
                "a row that cannot be scored does not end the alarm");
    }

    /** A feature-table CSV line cut to timestamp and the four mean |x| columns the model reads. */
    private static String meanAbsRow(String featureLine) {
        String[] header = csv.substring(0, csv.indexOf('\n')).split(",");
        String[] cells = featureLine.split(",");
        StringBuilder b = new StringBuilder(cells[0]);
        for (int ch = 1; ch <= 4; ch++) {
            b.append(',').append(cells[List.of(header).indexOf("ch" + ch + "_mean_abs")]);
        }
        return b.toString();
    }

    @Test
    void fieldsNarrowTheAnswerToTheStudysServiceAndKeepItsValues() throws Exception {
        JsonNode full = JSON.readTree(post("text/csv", csv, "").body()).get("rows");
        HttpResponse<String> r = post("text/csv", csv, "?fields=timestamp,score,flagged");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode rows = JSON.readTree(r.body()).get("rows");
        assertEquals(full.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            List<String> names = new ArrayList<>();
            row.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("timestamp", "score", "flagged"), names, "row " + i);
            assertEquals(full.get(i).get("timestamp"), row.get("timestamp"));
            assertEquals(full.get(i).get("score"), row.get("score"));
            assertEquals(full.get(i).get("flagged"), row.get("flagged"));
        }
        JsonNode errorsOnly = JSON.readTree(
                        post("text/csv", csv, "?fields=errors&persistence=2/3").body())
                .get("rows")
                .get(5);
        List<String> names = new ArrayList<>();
        errorsOnly.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("errors"), names, "in_alarm only when asked for");
        assertEquals(full.get(5).get("errors"), errorsOnly.get("errors"));
    }

    @Test
    void jsonRowsScoreTheSame() throws Exception {
        FeatureTable t = SampleData.table();
        StringBuilder body = new StringBuilder("{\"rows\": [");
        for (int i = 150; i < 153; i++) {
            body.append(i > 150 ? "," : "")
                    .append("{\"timestamp\": \"")
                    .append(FeatureCsv.ISO.format(t.timestamp(i)))
                    .append('"');
            for (String c : bundle.model().columns()) {
                body.append(", \"").append(c).append("\": ").append(t.column(c)[i]);
            }
            body.append('}');
        }
        HttpResponse<String> r = post("application/json", body.append("]}").toString(), "");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode rows = JSON.readTree(r.body()).get("rows");
        assertEquals(3, rows.size());
        // one row alone scores as in the whole run (time steps 1)
        // another batch of the float network: equal to ~1e-9 relative (the issue asks 1e-6)
        assertEquals(
                batch.scores().score()[151],
                rows.get(1).get("score").asDouble(),
                1e-6 * batch.scores().score()[151]);
        assertTrue(rows.get(1).get("in_alarm") == null, "no persistence asked, no alarm state");
    }

    @Test
    void badRequestsGetTheirStatusAndAMessageAndTheServerKeepsServing() throws Exception {
        record Case(String type, String body, String query, int status, String says) {}
        String header = csv.substring(0, csv.indexOf('\n'));
        List<Case> cases = List.of(
                new Case("application/xml", "<rows/>", "", 415, "Content-Type"),
                new Case(null, "x", "", 415, "Content-Type missing"),
                new Case("application/json", "{\"rows\": [", "", 400, "not valid JSON"),
                new Case("application/json", "{\"rows\": []}", "", 422, "no rows"),
                new Case(
                        "application/json",
                        "{\"rows\": [{\"timestamp\": \"2025-03-01 08:00:00\", \"ch1_mean_abs\": 0.1}]}",
                        "",
                        422,
                        "row 0, column ch2_mean_abs: missing"),
                new Case(
                        "application/json",
                        "{\"rows\": [{\"timestamp\": \"yesterday\"}]}",
                        "",
                        422,
                        "'yesterday' is not a timestamp"),
                new Case(
                        "application/json",
                        "[{\"timestamp\": \"2025-03-01 08:00:00\", \"ch1_mean_abs\": \"a\", "
                                + "\"ch2_mean_abs\": 1, \"ch3_mean_abs\": 1, \"ch4_mean_abs\": 1}]",
                        "",
                        422,
                        "'\"a\"' is not a finite number"),
                new Case("text/csv", "timestamp,ch9\n2025-03-01 08:00:00,1\n", "", 422, "no column ch1_mean_abs"),
                new Case("text/csv", header + "\n2025-03-01 08:00:00,1,2\n", "", 422, "line 2"),
                new Case("text/csv", csv, "?persistence=4/3", 400, "persistence"),
                new Case("text/csv", csv, "?fields=score,grade", 400, "unknown field 'grade'"),
                new Case("text/csv", csv, "?fields=", 400, "unknown field ''"),
                new Case("text/csv", "x".repeat(2 << 20), "", 413, "over the limit"));
        for (Case c : cases) {
            HttpResponse<String> r = post(c.type(), c.body(), c.query());
            assertEquals(c.status(), r.statusCode(), c + " -> " + r.body());
            String error = JSON.readTree(r.body()).get("error").asText();
            assertTrue(error.contains(c.says()), c.says() + " in: " + error);
        }
        assertEquals(200, post("text/csv", csv, "").statusCode(), "still serving");
        var model = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/model"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, model.statusCode());
        JsonNode served = JSON.readTree(model.body());
        assertEquals("robust:3", served.get("threshold_method").asText());
        // the data the model was trained on, as objects (the bundle's own JSON), not '|'-joined text
        JsonNode trainedOn = served.get("trained_on");
        assertEquals(bundle.trainedOn(), DescriptionJson.read(trainedOn));
        assertEquals(4, trainedOn.get("channels").size(), trainedOn.toString());
        var missing = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v2/x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void sixteenConcurrentClientsGetNoErrorsAndTheSameScores() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 40; i++) {
                        HttpResponse<String> r = post("text/csv", csv, "");
                        JsonNode rows = JSON.readTree(r.body()).get("rows");
                        if (r.statusCode() == 200
                                && Math.abs(rows.get(159).get("score").asDouble()
                                                - batch.scores().score()[159])
                                        < 1e-6 * batch.scores().score()[159]) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> f : results) {
                ok += f.get();
            }
            assertEquals(16 * 40, ok, "every request answered with the batch's scores");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aTokenIsRequiredWhenOneIsSet() throws Exception {
        try (ScoringServer guarded =
                new ScoringServer(new ScoringService(bundle, 0.5, 1), 1 << 20, "s3cret").start("127.0.0.1", 0)) {
            URI uri = URI.create("http://127.0.0.1:" + guarded.port() + "/v1/score");
            var without = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofString(csv))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, without.statusCode(), without.body());
            var with = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "text/csv")
                            .header("Authorization", "Bearer s3cret")
                            .POST(HttpRequest.BodyPublishers.ofString(csv))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, with.statusCode(), with.body());
            assertEquals(0.5, JSON.readTree(with.body()).get("threshold").asDouble());
            var health = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + guarded.port() + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "health needs no token");
        }
    }

    @Test
    void aBundleWithoutAThresholdIsRefusedWithAReason() throws Exception {
        var trained = ModelBundle.load(Path.of("src/core/test/resources/bundles/v1-sample.bwm"))
                .withThreshold(null, null);
        var e = Assertions.assertThrows(IllegalArgumentException.class, () -> new ScoringService(trained, null, 1));
        assertTrue(e.getMessage().contains("no saved threshold"), e.getMessage());
    }
}
