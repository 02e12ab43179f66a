package org.bearingworkbench.cli;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.monitor.SnapshotStreams;
import org.bearingworkbench.serve.ScoringServer;
import org.bearingworkbench.serve.ScoringService;
import org.bearingworkbench.serve.ServeLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: a tuned model as an HTTP scoring service (the study's follow-up), until stopped (Ctrl+C). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a model bundle over HTTP: POST /v1/score (text/csv: timestamp + the model's feature "
                    + "columns, or application/json {\"rows\": [...]}; ?persistence=N/M), POST "
                    + "/v1/streams/{id}/snapshots "
                    + "(one raw snapshot file; ?name=FILE or ?time=ISO), GET /v1/streams/{id}, GET "
                    + "/v1/model, GET /health, "
                    + "GET /ready, GET /metrics (Prometheus), GET /openapi.json.",
            "Binds to 127.0.0.1 unless --bind says otherwise. With the environment variable named by --token-env "
                    + "set, every /v1 request needs 'Authorization: Bearer <token>'."
        })
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model bundle (.bwm) with its tuned threshold")
    Path model;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}; " + "0.0.0.0 for every interface)")
    String bind;

    @Option(names = "--threshold", description = "threshold to flag rows (default: the one saved with the model)")
    Double threshold;

    @Option(
            names = "--channels-per-bearing",
            defaultValue = "1",
            description = "channels per bearing (default ${DEFAULT-VALUE})")
    int channelsPerBearing;

    @Option(
            names = "--max-body-mb",
            defaultValue = "16",
            description = "largest request body in MB (default ${DEFAULT-VALUE})")
    double maxBodyMb;

    @Option(
            names = "--streams-state",
            description = "folder to keep each stream's state in (<id>.json), so that a "
                    + "restarted service goes on where it stopped (default: in memory only)")
    Path streamsState;

    @Option(
            names = "--insecure",
            description = "serve beyond this machine (a --bind other than loopback) without a token")
    boolean insecure;

    @Option(
            names = "--max-streams",
            defaultValue = "128",
            description = "streams kept at once (default ${DEFAULT-VALUE}; each holds about 1-2 MB of heap)")
    int maxStreams;

    @Option(
            names = "--stream-idle-minutes",
            defaultValue = "60",
            description = "a stream that has taken no snapshot for this long is let go from memory (its state stays"
                    + " in --streams-state; default ${DEFAULT-VALUE})")
    long streamIdleMinutes;

    @Option(
            names = "--max-in-flight",
            description = "/v1 requests worked on at once; beyond them 503 at once, so that /health always answers"
                    + " (default: 32; each may hold a body of up to --max-body-mb)")
    Integer maxInFlight;

    @Option(names = "--no-physics", description = "no defect indicators for stream snapshots")
    boolean noPhysics;

    @Option(
            names = "--token-env",
            defaultValue = "BW_SERVE_TOKEN",
            description = "environment variable holding the bearer token (default ${DEFAULT-VALUE}; unset: no token)")
    String tokenEnv;

    /**
     * Refuses to serve beyond this machine without a token: a --bind other than a loopback address, with no token in
     * the environment variable, needs --insecure said out loud (a missing Secret must not mean an open service).
     */
    static void checkExposure(String bind, String token, String tokenEnv, boolean insecure) {
        boolean local;
        try {
            local = InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            local = false;
        }
        if (!local && (token == null || token.isBlank()) && !insecure) {
            throw new IllegalArgumentException("--bind " + bind + " serves beyond this machine, and " + tokenEnv
                    + " holds no token: set a token in " + tokenEnv + " (clients send Authorization: Bearer <token>),"
                    + " or give --insecure to serve without one");
        }
    }

    /** Refuses a --bind that is not an address of this machine, before Javalin reports it as a port in use. */
    static void checkBindAddress(String bind) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + ": not an address or a host name this machine can"
                    + " resolve (give e.g. 127.0.0.1, 0.0.0.0 or one of this machine's addresses)");
        }
        try {
            if (!address.isAnyLocalAddress()
                    && !address.isLoopbackAddress()
                    && NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalArgumentException("--bind " + bind + ": " + address.getHostAddress() + " is not an"
                        + " address of this machine (give 127.0.0.1, 0.0.0.0 or one of its interfaces' addresses)");
            }
        } catch (SocketException e) {
            throw new IllegalArgumentException("--bind " + bind + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!(maxBodyMb > 0)) {
            throw new IllegalArgumentException("--max-body-mb: a positive size (got " + maxBodyMb + ")");
        }
        checkBindAddress(bind);
        ScoringService service = new ScoringService(ModelBundle.load(model), threshold, channelsPerBearing);
        String token = System.getenv(tokenEnv);
        checkExposure(bind, token, tokenEnv, insecure);
        if (streamsState != null && !Files.isDirectory(streamsState)) {
            throw new IllegalArgumentException("--streams-state " + streamsState + ": not a folder (create it first)");
        }
        var streams = new SnapshotStreams(service.scoringModel(), UserSettings.NONE, streamsState, !noPhysics)
                .maxStreams(maxStreams)
                .idleTimeout(Duration.ofMinutes(streamIdleMinutes));
        ServeLimits limits = ServeLimits.of((long) (maxBodyMb * 1024 * 1024));
        if (maxInFlight != null) {
            limits = limits.withMaxInFlight(maxInFlight);
        }
        ScoringServer server = new ScoringServer(service, streams, limits, token).start(bind, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "bw-serve-stop"));
        System.err.printf(
                Locale.ROOT,
                "serving %s (%d columns, threshold %.4g %s) on http://%s:%d%s%n",
                model.getFileName(),
                service.columns().size(),
                service.threshold(),
                service.thresholdSource(),
                bind,
                server.port(),
                token == null ? "" : " (bearer token from $" + tokenEnv + ")");
        System.err.println(String.join(", ", ScoringServer.ROUTES) + "; Ctrl+C stops");
        stopped.await();
        return 0;
    }
}
