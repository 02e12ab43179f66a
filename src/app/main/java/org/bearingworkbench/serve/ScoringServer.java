package org.bearingworkbench.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bearingworkbench.dataset.DescriptionJson;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.monitor.SnapshotStreams;
import org.bearingworkbench.monitor.StreamEvent;
import org.bearingworkbench.monitor.StreamScorer;
import org.bearingworkbench.monitor.StreamState;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring service over HTTP (Javalin, docs/decisions/0010): {@code POST /v1/score} (CSV or JSON rows; optional
 * {@code ?persistence=N/M} and {@code ?fields=...}), {@code POST /v1/streams/{id}/snapshots} (one raw snapshot file
 * of a named stream), {@code GET /v1/streams/{id}}, {@code GET /v1/model}, {@code GET /health}, {@code GET /ready},
 * {@code GET /metrics} (Prometheus text, Micrometer) and {@code GET /openapi.json} (the API described,
 * {@code serve/openapi.json}). Every error is a JSON body {@code {"error": "..."}} naming the row and column where it
 * can: 400 (unreadable JSON or query), 401 (token), 409 (a snapshot not after the stream's last), 413 (body over the
 * limit), 415 (neither CSV nor JSON), 422 (rows or a snapshot that do not fit the model). A bad request never stops
 * the server.
 */
public final class ScoringServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every route, as {@code METHOD path}: what the OpenAPI document must describe (a test holds them equal). */
    public static final List<String> ROUTES = List.of(
            "GET /health",
            "GET /ready",
            "GET /metrics",
            "GET /openapi.json",
            "GET /v1/model",
            "POST /v1/score",
            "POST /v1/streams/{id}/snapshots",
            "GET /v1/streams/{id}");

    private final ScoringService service;
    private final SnapshotStreams streams;
    private final String token;
    private final Javalin app;
    private final ServeMetrics metrics;
    private final ServeLimits limits;
    private final RequestLimits requests;

    /**
     * @param maxBodyBytes largest request body accepted (413 beyond)
     * @param token the bearer token every /v1 request must carry, or null for none
     */
    public ScoringServer(ScoringService service, long maxBodyBytes, String token) {
        this(service, new SnapshotStreams(service.scoringModel(), UserSettings.NONE, null, true), maxBodyBytes, token);
    }

    /**
     * @param streams the raw-snapshot streams ({@code POST /v1/streams/{id}/snapshots}), scored with the same model
     */
    public ScoringServer(ScoringService service, SnapshotStreams streams, long maxBodyBytes, String token) {
        this(service, streams, ServeLimits.of(maxBodyBytes), token);
    }

    /** @param limits body size, requests at once, timeouts ({@link ServeLimits}) */
    public ScoringServer(ScoringService service, SnapshotStreams streams, ServeLimits limits, String token) {
        this.service = service;
        this.streams = streams;
        this.metrics = new ServeMetrics(streams);
        this.limits = limits;
        this.requests = new RequestLimits(limits);
        this.token = token == null || token.isBlank() ? null : token;
        app = Javalin.create(config -> {
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 4, 60_000);
            threads.setName("serve");
            config.jetty.threadPool = threads;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
        });
        app.before(metrics::start);
        app.after(metrics::finish);
        app.before("/v1/*", this::authorise);
        app.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
        app.get("/health", this::health);
        app.get(
                "/ready",
                ctx -> ctx.json(JSON.createObjectNode()
                        .put("status", "ready")
                        .put("model_columns", service.columns().size())));
        app.get("/v1/model", this::model);
        app.post("/v1/score", requests.limited(this::score));
        app.post("/v1/streams/{id}/snapshots", requests.limited(this::snapshot));
        app.get("/v1/streams/{id}", this::streamState);
        app.exception(
                InputFormatException.class, (e, ctx) -> error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
        app.exception(
                IllegalArgumentException.class,
                (e, ctx) -> error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
        app.exception(
                JsonProcessingException.class,
                (e, ctx) -> error(
                        ctx, HttpStatus.BAD_REQUEST, "request body: not valid JSON (" + e.getOriginalMessage() + ")"));
        app.exception(
                RequestLimits.BodyTooLarge.class, (e, ctx) -> error(ctx, HttpStatus.CONTENT_TOO_LARGE, e.getMessage()));
        app.exception(
                RequestLimits.BodyTooSlow.class, (e, ctx) -> error(ctx, HttpStatus.REQUEST_TIMEOUT, e.getMessage()));
        app.exception(RequestLimits.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            // the cause goes to the log only: an exception's text can name files or system details
            String ref = Long.toString(System.currentTimeMillis(), 36);
            LOG.error("unexpected error {} serving {} {}", ref, ctx.method(), ctx.path(), e);
            error(
                    ctx,
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "unexpected error (reference " + ref + " in the service's"
                            + " log); the request was not processed");
        });
        app.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> {
            if (!"application/json".equals(ctx.res().getContentType())) {
                error(
                        ctx,
                        HttpStatus.CONTENT_TOO_LARGE,
                        "request body over the limit of " + limits.maxBodyBytes() + " bytes");
            }
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if ("application/json".equals(ctx.res().getContentType())) {
                return; // a route's own 404 (an unknown stream) says what it did not find
            }
            error(
                    ctx,
                    HttpStatus.NOT_FOUND,
                    "no such endpoint: " + ctx.method() + " " + ctx.path() + " (" + String.join(", ", ROUTES) + ")");
        });
    }

    /** Compares a secret in time that does not depend on where the strings differ (no timing side channel). */
    static boolean sameSecret(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts listening; {@code port} 0 picks a free port ({@link #port()} tells which). */
    public ScoringServer start(String host, int port) {
        app.start(host, port);
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setIdleTimeout(limits.idleTimeout().toMillis()); // a silent client lets its thread go
            }
        }
        return this;
    }

    /** 200 while the server can serve; 503 with the reason when it is out of memory or wedged (a liveness probe). */
    private void health(Context ctx) {
        String problem = requests.problem();
        ObjectNode out = JSON.createObjectNode()
                .put("status", problem == null ? "ok" : "unhealthy")
                .put("in_flight", requests.inFlight())
                .put("max_in_flight", limits.maxInFlight());
        if (problem != null) {
            out.put("reason", problem);
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
        ctx.json(out);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void authorise(Context ctx) {
        if (token != null && !sameSecret("Bearer " + token, ctx.header("Authorization"))) {
            error(ctx, HttpStatus.UNAUTHORIZED, "missing or wrong bearer token (Authorization: Bearer <token>)");
            ctx.skipRemainingHandlers();
        }
    }

    private void model(Context ctx) {
        var b = service.bundle();
        ObjectNode m = JSON.createObjectNode();
        ArrayNode cols = m.putArray("columns");
        service.columns().forEach(cols::add);
        m.put("threshold", service.threshold()).put("threshold_source", service.thresholdSource());
        m.put("threshold_method", b.thresholdMethod()).put("persistence", b.persistence());
        m.put("train_start", b.trainStart().toString())
                .put("train_end", b.trainEnd().toString());
        m.put("created_at", b.createdAt());
        m.put("config_hash", b.model().config().hash());
        if (b.trainedOn() != null) {
            m.set("trained_on", DescriptionJson.write(b.trainedOn())); // as the bundle keeps it
        }
        if (b.provenance() != null) {
            ObjectNode p = m.putObject("provenance");
            b.provenance().toMap().forEach((k, v) -> {
                // a client learns what the model was trained on, not where it lay on the trainer's disk nor the
                // trainer's kernel version
                if (k.equals("source")) {
                    p.put(k, v == null ? null : lastName(v));
                } else if (!k.equals("os")) {
                    p.put(k, v);
                }
            });
        }
        ctx.json(m);
    }

    private void score(Context ctx) throws Exception {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        RequestRows rows;
        if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
            rows = RequestRows.fromCsv(new String(requests.body(ctx), StandardCharsets.UTF_8), service.columns());
        } else if (type.startsWith("application/json")) {
            rows = RequestRows.fromJson(JSON.readTree(requests.body(ctx)), service.columns());
        } else {
            error(
                    ctx,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type " + (type.isEmpty() ? "missing" : "'" + type + "'")
                            + ": send text/csv (timestamp + the model's feature columns) or "
                            + "application/json ({\"rows\": [...]})");
            return;
        }
        PersistenceRule rule = null;
        String p = ctx.queryParam("persistence");
        if (p != null) {
            try {
                rule = PersistenceRule.parse(p);
            } catch (IllegalArgumentException e) {
                error(ctx, HttpStatus.BAD_REQUEST, "persistence: " + e.getMessage());
                return;
            }
        }
        Set<ResponseJson.Field> fields = ResponseJson.ALL;
        String f = ctx.queryParam("fields");
        if (f != null) {
            try {
                fields = ResponseJson.Field.parse(f);
            } catch (IllegalArgumentException e) {
                error(ctx, HttpStatus.BAD_REQUEST, "fields: " + e.getMessage());
                return;
            }
        }
        ScoringService.Result result = service.score(rows, rule);
        metrics.rowsScored(result.rows());
        ctx.contentType("application/json");
        ResponseJson.write(result, service, rule, fields, ctx.outputStream());
    }

    private void snapshot(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        String name = ctx.queryParam("name");
        String timeParam = ctx.queryParam("time");
        LocalDateTime time = null;
        if (timeParam != null) {
            try {
                time = LocalDateTime.parse(timeParam.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                error(
                        ctx,
                        HttpStatus.BAD_REQUEST,
                        "time: an ISO date and time such as 2004-02-12T10:32:39 (got '" + timeParam + "')");
                return;
            }
        }
        if (name == null && time == null) {
            error(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    "give the snapshot's file name (?name=2004.02.12.10.32.39, its time for "
                            + "layouts that name files by time) or its time (?time=2004-02-12T10:32:39)");
            return;
        }
        byte[] body = requests.body(ctx);
        if (body.length == 0) {
            error(ctx, HttpStatus.BAD_REQUEST, "empty body: send the snapshot file's bytes");
            return;
        }
        SnapshotStreams.Taken t;
        try {
            t = streams.take(id, name != null ? name : "snapshot", body, time, ctx.queryParam("format"));
        } catch (SnapshotStreams.Refused e) {
            HttpStatus status = switch (e.kind()) {
                case CONFLICT -> HttpStatus.CONFLICT;
                case FULL -> HttpStatus.SERVICE_UNAVAILABLE;
                case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            };
            if (status == HttpStatus.SERVICE_UNAVAILABLE) {
                ctx.header("Retry-After", "60");
            }
            error(ctx, status, e.getMessage());
            return;
        }
        metrics.snapshotTaken(t.events());
        ObjectNode out = JSON.createObjectNode();
        out.put("stream", id)
                .put("file", t.row().file())
                .put("timestamp", ScoringService.format(t.row().time()))
                .put("samples", t.row().samples());
        ObjectNode features = out.putObject("features");
        t.row().values().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> features.put(e.getKey(), e.getValue()));
        ArrayNode scored = out.putArray("scored");
        List<String> cols = service.columns();
        for (StreamEvent e : t.events()) {
            if (e.kind() != StreamEvent.Kind.SNAPSHOT) {
                continue;
            }
            ObjectNode o = scored.addObject();
            o.put("file", e.file())
                    .put("timestamp", ScoringService.format(e.time()))
                    .put("score", e.score())
                    .put("threshold", e.threshold())
                    .put("flagged", e.flagged())
                    .put("in_alarm", e.inAlarm())
                    .put("top_channel", e.topChannel())
                    .put("top_bearing", e.topBearing());
            ObjectNode err = o.putObject("errors");
            for (int i = 0; i < cols.size(); i++) {
                err.put(cols.get(i), e.errors()[i]);
            }
            if (e.note().startsWith(StreamScorer.UNSCORABLE)) {
                o.put("unscorable", e.note().substring(StreamScorer.UNSCORABLE.length()));
                o.putNull("score");
                o.putNull("flagged");
            } else if (!e.note().isEmpty()) {
                o.put("sensor_problem", e.note());
            }
        }
        ArrayNode alarms = out.putArray("alarm_events");
        t.events().stream().filter(StreamEvent::isAlarm).forEach(e -> {
            ObjectNode a = alarms.addObject()
                    .put("event", e.kind().id())
                    .put("timestamp", ScoringService.format(e.time()))
                    .put("file", e.file());
            if (!e.note().isEmpty()) {
                a.put("note", e.note()); // an alarm's start: the diagnosis of its top channel
            }
        });
        stream(out.putObject("state"), t.scorer());
        ctx.json(out);
    }

    private void streamState(Context ctx) throws Exception {
        StreamScorer s;
        try {
            s = streams.stream(ctx.pathParam("id"));
        } catch (SnapshotStreams.Refused e) {
            error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        if (s == null) {
            error(ctx, HttpStatus.NOT_FOUND, "no stream " + ctx.pathParam("id") + " (it has received no snapshot)");
            return;
        }
        ObjectNode out = JSON.createObjectNode().put("stream", ctx.pathParam("id"));
        stream(out.putObject("state"), s);
        ctx.json(out);
    }

    /** The last element of a path as written on any system ({@code /a/b/run}, {@code C:\\a\\run}: run). */
    static String lastName(String path) {
        String p = path.replaceAll("[/\\\\]+$", "");
        int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return cut < 0 ? p : p.substring(cut + 1);
    }

    private static void stream(ObjectNode o, StreamScorer s) {
        StreamState st = s.state();
        o.put("scored", st.scored())
                .put("in_alarm", st.inAlarm())
                .put("alarm_episodes", st.alarmEpisodes())
                .put("persistence", s.rule().toString())
                .put("last", st.lastTime());
        if (st.firstAlarm() != null) {
            o.put("first_alarm", ScoringService.format(LocalDateTime.parse(st.firstAlarm())))
                    .put("first_alarm_file", st.firstAlarmFile())
                    .put("first_alarm_top_channel", st.firstAlarmTopChannel());
        }
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(JSON.createObjectNode().put("error", message).put("status", status.getCode()));
    }
}
