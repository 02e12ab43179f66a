package org.bearingworkbench.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.monitor.SnapshotStreams;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Slow and many clients cannot take the service's threads; Jetty's own errors are JSON; liveness sees a wedge. */
class ServeLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ROW = "timestamp,ch1_mean_abs,ch2_mean_abs,ch3_mean_abs,ch4_mean_abs\n"
            + "2025-03-01 08:00:00,0.06,0.06,0.05,0.05\n";

    private static ScoringServer server(ServeLimits limits) throws Exception {
        ModelBundle bundle = ModelBundle.load(Path.of("src/core/test/resources/bundles/v1-sample.bwm"));
        ScoringService service = new ScoringService(bundle, null, 1);
        return new ScoringServer(
                        service,
                        new SnapshotStreams(service.scoringModel(), UserSettings.NONE, null, false),
                        limits,
                        null)
                .start("127.0.0.1", 0);
    }

    private static HttpResponse<String> get(ScoringServer s, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> score(ScoringServer s) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/score"))
                        .header("Content-Type", "text/csv")
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(ROW))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int inFlight(ScoringServer s) throws Exception {
        return JSON.readTree(get(s, "/health").body()).path("in_flight").asInt();
    }

    @Test
    void clientsThatSendNoBodyHoldNoMoreThanTheirSlotsAndHealthStillAnswers() throws Exception {
        ServeLimits limits =
                ServeLimits.of(1 << 20).withMaxInFlight(2).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4));
        List<Socket> slow = new ArrayList<>();
        try (ScoringServer s = server(limits)) {
            for (int i = 0; i < 6; i++) {
                Socket c = new Socket("127.0.0.1", s.port());
                c.getOutputStream()
                        .write(("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                                        + "Content-Length: 60000\r\n\r\n" + ROW)
                                .getBytes(StandardCharsets.US_ASCII));
                slow.add(c);
            }
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inFlight(s) == 2);
            HttpResponse<String> health = get(s, "/health");
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("ok", JSON.readTree(health.body()).path("status").asText());
            HttpResponse<String> busy = score(s);
            assertEquals(503, busy.statusCode(), busy.body());
            assertTrue(busy.body().contains("busy: 2 requests are being served"), busy.body());
            assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));

            // the silent bodies time out (408) and let their slots go: a good request is served again
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> inFlight(s) == 0);
            List<String> statuses = new ArrayList<>();
            for (Socket c : slow) {
                String answer = firstAnswer(c);
                statuses.add(answer.substring(0, 12));
                assertTrue(
                        answer.contains("request body not received in time") || answer.contains("busy: 2 requests"),
                        answer);
            }
            assertEquals(2, statuses.stream().filter("HTTP/1.1 408"::equals).count(), statuses.toString());
            assertEquals(4, statuses.stream().filter("HTTP/1.1 503"::equals).count(), statuses.toString());
            HttpResponse<String> ok = score(s);
            assertEquals(200, ok.statusCode(), ok.body());
        } finally {
            for (Socket c : slow) {
                c.close();
            }
        }
    }

    /** The first response on a raw connection, up to the end of its JSON body. */
    private static String firstAnswer(Socket c) throws Exception {
        c.setSoTimeout(10_000);
        InputStream in = c.getInputStream();
        StringBuilder b = new StringBuilder();
        int ch;
        while ((ch = in.read()) >= 0) {
            b.append((char) ch);
            int head = b.indexOf("\r\n\r\n");
            if (head >= 0 && b.charAt(b.length() - 1) == '}') {
                return b.toString();
            }
        }
        return b.toString();
    }

    @Test
    void aRequestJettyCannotParseGetsAJsonError() throws Exception {
        try (ScoringServer s = server(ServeLimits.of(1 << 20));
                Socket c = new Socket("127.0.0.1", s.port())) {
            OutputStream out = c.getOutputStream();
            out.write(
                    "GET /v1/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = c.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
            JsonNode body = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals(400, body.path("status").asInt());
            assertTrue(body.path("error").asText().startsWith("bad request"), answer);
            assertTrue(!answer.contains("<html"), answer);
        }
    }

    @Test
    void everySlotHeldWithNoneFinishingIsAWedgedServer() throws Exception {
        RequestLimits limits = new RequestLimits(
                ServeLimits.of(1 << 20).withMaxInFlight(1).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(5)));
        assertNull(limits.problem());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread stuck = new Thread(() -> {
            try {
                limits.limited(ctx -> {
                            held.countDown();
                            release.await();
                        })
                        .handle(null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stuck.start();
        held.await();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> limits.problem() != null);
        assertTrue(limits.problem().startsWith("wedged: all 1 request slots held"), limits.problem());
        release.countDown();
        stuck.join();
        assertNull(limits.problem(), "a request finished: not wedged");
    }
}
