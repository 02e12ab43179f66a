package org.bearingworkbench.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.cli.BearingCli;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.monitor.SnapshotStreams;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/streams/{id}/snapshots} with the sample run's raw files, {@code GET /metrics} and
 * {@code GET /openapi.json}.
 */
class StreamsAndMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ModelBundle bundle;
    private static AnomalyAnalysis batch;
    private static List<Path> files;

    @TempDir
    Path tmp;

    @BeforeAll
    static void batchScore() throws Exception {
        bundle = ModelBundle.load(Path.of("src/core/test/resources/bundles/v1-sample.bwm"));
        batch = Workflows.analyze(
                SampleData.table(), bundle, null, PersistenceRule.parse("2/3"), 1, TaskContext.silent());
        try (Stream<Path> s = Files.list(SampleData.DIR)) {
            files = s.sorted().toList();
        }
    }

    private ScoringServer server(Path stateDir) {
        ScoringService service = new ScoringService(bundle, null, 1);
        return new ScoringServer(
                        service,
                        new SnapshotStreams(service.scoringModel(), UserSettings.NONE, stateDir, true),
                        4 << 20,
                        null)
                .start("127.0.0.1", 0);
    }

    private static HttpResponse<String> snapshot(ScoringServer s, String stream, Path file, String query)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + s.port() + "/v1/streams/" + stream + "/snapshots?" + query))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ScoringServer s, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void streamsBeyondTheCapAreRefusedUntilOneIsIdleAndTheOthersGoOn() throws Exception {
        ScoringService service = new ScoringService(bundle, null, 1);
        AtomicLong clock = new AtomicLong();
        Path state = tmp.resolve("state");
        Files.createDirectories(state);
        SnapshotStreams streams = new SnapshotStreams(service.scoringModel(), UserSettings.NONE, state, false)
                .maxStreams(2)
                .idleTimeout(Duration.ofMinutes(10))
                .nanoClock(clock::get);
        try (ScoringServer s = new ScoringServer(service, streams, 4 << 20, null).start("127.0.0.1", 0)) {
            String name = "name=" + files.get(0).getFileName();
            assertEquals(200, snapshot(s, "a", files.get(0), name).statusCode());
            assertEquals(200, snapshot(s, "b", files.get(0), name).statusCode());
            HttpResponse<String> third = snapshot(s, "c", files.get(0), name);
            assertEquals(503, third.statusCode(), third.body());
            assertEquals("60", third.headers().firstValue("Retry-After").orElse(""));
            assertTrue(third.body().contains("too many streams: 2 are open, at most 2"), third.body());
            clock.addAndGet(Duration.ofMinutes(6).toNanos());
            HttpResponse<String> next =
                    snapshot(s, "a", files.get(1), "name=" + files.get(1).getFileName());
            assertEquals(200, next.statusCode(), "an open stream goes on: " + next.body());

            // b idle for 11 minutes, a for 5: c takes b's place; b's state stays in the folder
            clock.addAndGet(Duration.ofMinutes(5).toNanos());
            HttpResponse<String> later = snapshot(s, "c", files.get(0), name);
            assertEquals(200, later.statusCode(), later.body());
            assertEquals(1, streams.evicted());
            assertEquals(404, get(s, "/v1/streams/b").statusCode(), "b let go from memory");
            assertEquals(200, get(s, "/v1/streams/a").statusCode());
            assertTrue(get(s, "/metrics").body().contains("bw_streams_evicted_total 1.0"));

            // b comes back (a idle for 11 minutes now) and goes on from its saved state: one scored before
            clock.addAndGet(Duration.ofMinutes(6).toNanos());
            HttpResponse<String> back =
                    snapshot(s, "b", files.get(1), "name=" + files.get(1).getFileName());
            assertEquals(200, back.statusCode(), back.body());
            assertEquals(
                    2, JSON.readTree(back.body()).path("state").path("scored").asInt(), back.body());
        }
    }

    @Test
    void rawSnapshotsOfTwoStreamsScoreAsTheBatchAndKeepTheirOwnAlarmState() throws Exception {
        int starts = 0;
        try (ScoringServer s = server(null)) {
            for (int i = 0; i < 160; i++) {
                HttpResponse<String> r = snapshot(
                        s, "rig-1", files.get(i), "name=" + files.get(i).getFileName());
                assertEquals(200, r.statusCode(), r.body());
                JsonNode row = JSON.readTree(r.body()).get("scored").get(0);
                JsonNode alarm = JSON.readTree(r.body()).get("alarm_events");
                if (alarm.size() > 0 && alarm.get(0).get("event").asText().equals("alarm_start")) {
                    // the alarm's start carries the diagnosis of its top channel, as watch's event does
                    assertTrue(
                            alarm.get(0).get("note").asText().contains("diagnosis ch1: BPFO (outer race)"),
                            alarm.toString());
                    starts++;
                }
                assertEquals(batch.scores().score()[i], row.get("score").asDouble(), 1e-7, "row " + i);
                assertEquals(batch.alarms().flagged()[i], row.get("flagged").asBoolean(), "row " + i);
                assertEquals(batch.alarms().inAlarm()[i], row.get("in_alarm").asBoolean(), "row " + i);
                if (i < 30) { // a second stream, healthy so far, is not touched by the first one's alarm
                    assertEquals(
                            200,
                            snapshot(
                                            s,
                                            "rig-2",
                                            files.get(i),
                                            "name=" + files.get(i).getFileName())
                                    .statusCode());
                }
            }
            JsonNode one = JSON.readTree(get(s, "/v1/streams/rig-1").body()).get("state");
            assertEquals(160, one.get("scored").asInt());
            assertEquals("2025-03-02 05:10:00", one.get("first_alarm").asText());
            assertEquals("ch1", one.get("first_alarm_top_channel").asText());
            assertTrue(one.get("in_alarm").asBoolean());
            JsonNode two = JSON.readTree(get(s, "/v1/streams/rig-2").body()).get("state");
            assertEquals(30, two.get("scored").asInt());
            assertTrue(!two.get("in_alarm").asBoolean() && two.get("first_alarm") == null, two.toString());
            JsonNode last = JSON.readTree(
                    snapshot(s, "rig-3", files.get(0), "name=" + files.get(0).getFileName())
                            .body());
            assertTrue(last.get("features").get("ch1_rms").asDouble() > 0, last.toString());
            assertTrue(last.get("features").has("ch4_bpfo"), "defect indicators of the sample run's stated bearing");

            String metrics = get(s, "/metrics").body();
            assertTrue(metrics.contains("bw_snapshots_scored_total 191.0"), metrics);
            assertTrue(metrics.contains("bw_alarm_starts_total 1.0"), metrics);
            assertEquals(1, starts, "the alarm's start was answered with its diagnosis");
            assertTrue(metrics.contains("bw_streams 3.0") && metrics.contains("bw_streams_in_alarm 1.0"), metrics);
            assertTrue(
                    metrics.contains("bw_http_requests_seconds_count{method=\"POST\","
                            + "route=\"/v1/streams/{id}/snapshots\",status=\"200\"} 191"),
                    metrics);
            assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics);
        }
    }

    @Test
    void theModelRouteTellsWhatNotWhereAndAnUnknownStreamIsNamed() throws Exception {
        Path trained = tmp.resolve("trained.bwm");
        int code = BearingCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                "train",
                SampleData.DIR.toAbsolutePath().toString(),
                "--epochs",
                "2",
                "-o",
                trained.toString());
        assertEquals(0, code);
        ModelBundle b = ModelBundle.load(trained);
        assertTrue(b.provenance().toMap().get("source").startsWith("/"), "the bundle keeps where it was trained");
        ScoringService service = new ScoringService(b, 0.5, 1);
        try (ScoringServer s = new ScoringServer(
                        service,
                        new SnapshotStreams(service.scoringModel(), UserSettings.NONE, null, false),
                        4 << 20,
                        null)
                .start("127.0.0.1", 0)) {
            JsonNode p = JSON.readTree(get(s, "/v1/model").body()).path("provenance");
            assertEquals(
                    SampleData.DIR.getFileName().toString(), p.path("source").asText(), p.toString());
            assertTrue(p.path("os").isMissingNode(), "no kernel version: " + p);
            HttpResponse<String> unknown = get(s, "/v1/streams/nosuch");
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().contains("no stream nosuch (it has received no snapshot)"), unknown.body());
        }
    }

    @Test
    void aGzipBombIsRefusedAtTheLiveSnapshotLimitNotReadIntoMemory() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                gz.write(zeros); // 200 MB of zero bytes: ~200 KB compressed
            }
        }
        Path file = tmp.resolve("2025.03.01.08.00.00.gz");
        Files.write(file, bomb.toByteArray());
        try (ScoringServer s = server(null)) {
            HttpResponse<String> r = snapshot(s, "bomb", file, "name=" + file.getFileName());
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.body().contains("more than the limit for a live snapshot (128 MB uncompressed)"), r.body());
            assertEquals(200, get(s, "/health").statusCode());
        }
    }

    @Test
    void badSnapshotsGetTheirStatusAndReasonAndTheStreamGoesOn() throws Exception {
        try (ScoringServer s = server(null)) {
            assertEquals(
                    200,
                    snapshot(s, "r", files.get(5), "name=" + files.get(5).getFileName())
                            .statusCode());
            HttpResponse<String> again =
                    snapshot(s, "r", files.get(5), "name=" + files.get(5).getFileName());
            assertEquals(409, again.statusCode());
            assertTrue(again.body().contains("already has a snapshot at or after"), again.body());
            HttpResponse<String> earlier =
                    snapshot(s, "r", files.get(2), "name=" + files.get(2).getFileName());
            assertEquals(409, earlier.statusCode());
            HttpResponse<String> noName = snapshot(s, "r", files.get(6), "");
            assertEquals(400, noName.statusCode());
            assertTrue(noName.body().contains("give the snapshot's file name"), noName.body());
            HttpResponse<String> badTime = snapshot(s, "r", files.get(6), "time=yesterday");
            assertEquals(400, badTime.statusCode());
            HttpResponse<String> badId =
                    snapshot(s, "a%20b", files.get(6), "name=" + files.get(6).getFileName());
            assertEquals(422, badId.statusCode());
            assertTrue(badId.body().contains("stream id"), badId.body());
            Path garbage = Files.writeString(tmp.resolve("2025.03.01.09.10.00"), "not,numbers\nat,all\n");
            HttpResponse<String> junk = snapshot(s, "r", garbage, "name=2025.03.01.09.10.00");
            assertEquals(422, junk.statusCode(), junk.body());
            assertTrue(junk.body().contains("2025.03.01.09.10.00"), junk.body());
            HttpResponse<String> badName = snapshot(s, "r", files.get(6), "name=notatime.txt");
            assertEquals(422, badName.statusCode());
            assertTrue(badName.body().contains("not a snapshot name"), badName.body());
            HttpResponse<String> ok =
                    snapshot(s, "r", files.get(6), "name=" + files.get(6).getFileName());
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(
                    batch.scores().score()[6],
                    JSON.readTree(ok.body()).get("scored").get(0).get("score").asDouble(),
                    1e-7);
            assertEquals(404, get(s, "/v1/streams/nobody").statusCode());
        }
    }

    @Test
    void withAStateFolderARestartedServiceGoesOnWhereTheStreamStopped() throws Exception {
        Path states = Files.createDirectory(tmp.resolve("streams"));
        try (ScoringServer s = server(states)) {
            for (int i = 0; i < 110; i++) {
                assertEquals(
                        200,
                        snapshot(s, "rig", files.get(i), "name=" + files.get(i).getFileName())
                                .statusCode());
            }
        }
        assertTrue(Files.exists(states.resolve("rig.json")));
        try (ScoringServer s = server(states)) {
            assertEquals(
                    409,
                    snapshot(s, "rig", files.get(109), "name=" + files.get(109).getFileName())
                            .statusCode());
            for (int i = 110; i < 160; i++) {
                HttpResponse<String> r =
                        snapshot(s, "rig", files.get(i), "name=" + files.get(i).getFileName());
                assertEquals(
                        batch.alarms().inAlarm()[i],
                        JSON.readTree(r.body())
                                .get("scored")
                                .get(0)
                                .get("in_alarm")
                                .asBoolean());
            }
            JsonNode st = JSON.readTree(get(s, "/v1/streams/rig").body()).get("state");
            assertEquals(160, st.get("scored").asInt());
            assertEquals("2025-03-02 05:10:00", st.get("first_alarm").asText());
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndNoOther() throws Exception {
        try (ScoringServer s = server(null)) {
            HttpResponse<String> r = get(s, "/openapi.json");
            assertEquals(200, r.statusCode());
            JsonNode doc = JSON.readTree(r.body());
            assertEquals("3.0.3", doc.get("openapi").asText());
            TreeSet<String> described = new TreeSet<>();
            for (Iterator<String> p = doc.get("paths").fieldNames(); p.hasNext(); ) {
                String path = p.next();
                doc.get("paths")
                        .get(path)
                        .fieldNames()
                        .forEachRemaining(m -> described.add(m.toUpperCase() + " " + path));
            }
            assertEquals(new TreeSet<>(ScoringServer.ROUTES), described);
            List<String> served = new ArrayList<>();
            for (String route : ScoringServer.ROUTES) {
                if (route.startsWith("GET ") && !route.contains("{")) {
                    served.add(route + " " + get(s, route.substring(4)).statusCode());
                }
            }
            assertEquals(
                    List.of(
                            "GET /health 200",
                            "GET /ready 200",
                            "GET /metrics 200",
                            "GET /openapi.json 200",
                            "GET /v1/model 200"),
                    served);
        }
    }
}
