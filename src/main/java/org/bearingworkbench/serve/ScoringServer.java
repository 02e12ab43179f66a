package org.bearingworkbench.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.bearingworkbench.dataset.DescriptionCodec;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.InputFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring service over HTTP (Javalin, docs/decisions/0010): {@code POST /v1/score} (CSV or JSON rows; optional
 * {@code ?persistence=N/M}), {@code GET /v1/model}, {@code GET /health}, {@code GET /ready}. Every error is a JSON body
 * {@code {"error": "..."}} naming the row and column where it can: 400 (unreadable JSON or query), 401 (token), 413
 * (body over the limit), 415 (neither CSV nor JSON), 422 (rows that do not fit the model). A bad request never stops
 * the server.
 */
public final class ScoringServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScoringService service;
    private final String token;
    private final Javalin app;

    /**
     * @param maxBodyBytes largest request body accepted (413 beyond)
     * @param token the bearer token every /v1 request must carry, or null for none
     */
    public ScoringServer(ScoringService service, long maxBodyBytes, String token) {
        this.service = service;
        this.token = token == null || token.isBlank() ? null : token;
        app = Javalin.create(config -> {
            config.http.maxRequestSize = maxBodyBytes;
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
        });
        app.before("/v1/*", this::authorise);
        app.get("/health", ctx -> ctx.json(JSON.createObjectNode().put("status", "ok")));
        app.get("/ready", ctx -> ctx.json(JSON.createObjectNode().put("status", "ready")
                .put("model_columns", service.columns().size())));
        app.get("/v1/model", this::model);
        app.post("/v1/score", this::score);
        app.exception(InputFormatException.class, (e, ctx) -> error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
        app.exception(JsonProcessingException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                "request body: not valid JSON (" + e.getOriginalMessage() + ")"));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error serving {} {}", ctx.method(), ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error: " + e);
        });
        app.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> {
            if (!"application/json".equals(ctx.res().getContentType())) {
                error(ctx, HttpStatus.CONTENT_TOO_LARGE, "request body over the limit of " + maxBodyBytes + " bytes");
            }
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> error(ctx, HttpStatus.NOT_FOUND, "no such endpoint: " + ctx.method() + " "
                + ctx.path() + " (POST /v1/score, GET /v1/model, GET /health, GET /ready)"));
    }

    /** Starts listening; {@code port} 0 picks a free port ({@link #port()} tells which). */
    public ScoringServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void authorise(Context ctx) {
        if (token != null && !("Bearer " + token).equals(ctx.header("Authorization"))) {
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
        m.put("train_start", b.trainStart().toString()).put("train_end", b.trainEnd().toString());
        m.put("created_at", b.createdAt());
        m.put("config_hash", b.model().config().hash());
        if (b.trainedOn() != null) {
            ObjectNode d = m.putObject("trained_on");
            DescriptionCodec.encode(b.trainedOn()).forEach(d::put);
        }
        if (b.provenance() != null) {
            ObjectNode p = m.putObject("provenance");
            b.provenance().toMap().forEach(p::put);
        }
        ctx.json(m);
    }

    private void score(Context ctx) throws Exception {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        FeatureTable rows;
        if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
            rows = RequestRows.fromCsv(ctx.body(), service.columns());
        } else if (type.startsWith("application/json")) {
            rows = RequestRows.fromJson(JSON.readTree(ctx.body()), service.columns());
        } else {
            error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + (type.isEmpty() ? "missing" : "'" + type + "'")
                    + ": send text/csv (timestamp + the model's feature columns) or application/json ({\"rows\": [...]})");
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
        List<ScoringService.RowResult> results = service.score(rows, rule);
        ObjectNode out = JSON.createObjectNode();
        out.put("threshold", service.threshold());
        if (rule != null) {
            out.put("persistence", rule.toString());
        }
        ArrayNode arr = out.putArray("rows");
        for (ScoringService.RowResult r : results) {
            ObjectNode o = arr.addObject();
            o.put("timestamp", ScoringService.format(r.timestamp())).put("score", r.score()).put("flagged", r.flagged());
            if (r.inAlarm() != null) {
                o.put("in_alarm", r.inAlarm());
            }
            o.put("top_channel", r.topChannel()).put("top_bearing", r.topBearing());
            ObjectNode e = o.putObject("errors");
            r.errors().forEach(e::put);
        }
        ctx.json(out);
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(JSON.createObjectNode().put("error", message).put("status", status.getCode()));
    }
}
