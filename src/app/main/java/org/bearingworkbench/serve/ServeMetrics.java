package org.bearingworkbench.serve;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bearingworkbench.monitor.SnapshotStreams;
import org.bearingworkbench.monitor.StreamEvent;

/**
 * What {@code GET /metrics} tells a Prometheus scraper: requests per route and status with their latency
 * ({@code bw_http_requests_seconds}, labelled by the route's template so that stream ids do not multiply series),
 * rows and snapshots scored, alarms started, streams and streams in alarm, and the JVM's memory, threads, CPU and
 * uptime.
 */
final class ServeMetrics {
    private static final String START = "bw.start";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter rows;
    private final Counter snapshots;
    private final Counter alarms;

    ServeMetrics(SnapshotStreams streams) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        rows = Counter.builder("bw.rows.scored")
                .description("feature rows scored by POST /v1/score")
                .register(registry);
        snapshots = Counter.builder("bw.snapshots.scored")
                .description("raw snapshots scored by the streams endpoint")
                .register(registry);
        alarms = Counter.builder("bw.alarm.starts")
                .description("alarms started on streams")
                .register(registry);
        Gauge.builder("bw.streams", streams, SnapshotStreams::count)
                .description("streams with at least one snapshot")
                .register(registry);
        FunctionCounter.builder("bw.streams.evicted", streams, SnapshotStreams::evicted)
                .description("streams let go after being idle (serve --stream-idle-minutes)")
                .register(registry);
        Gauge.builder("bw.streams.in.alarm", streams, SnapshotStreams::inAlarm)
                .description("streams now in alarm")
                .register(registry);
    }

    void start(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    void finish(Context ctx) {
        Long t0 = ctx.attribute(START);
        if (t0 == null) {
            return;
        }
        String route = ctx.endpointHandlerPath();
        Timer.builder("bw.http.requests")
                .description("HTTP requests by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route == null || route.isEmpty() ? "unmatched" : route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram(false)
                .register(registry)
                .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }

    void rowsScored(int n) {
        rows.increment(n);
    }

    void snapshotTaken(List<StreamEvent> events) {
        snapshots.increment(events.stream()
                .filter(e -> e.kind() == StreamEvent.Kind.SNAPSHOT)
                .count());
        alarms.increment(events.stream()
                .filter(e -> e.kind() == StreamEvent.Kind.ALARM_START)
                .count());
    }

    String scrape() {
        return registry.scrape();
    }
}
