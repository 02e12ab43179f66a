package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.serve.ScoringServer;
import org.bearingworkbench.serve.ScoringService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: a tuned model as an HTTP scoring service (the study's follow-up), until stopped (Ctrl+C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a model bundle over HTTP: POST /v1/score (text/csv: timestamp + the model's feature "
                + "columns, or application/json {\"rows\": [...]}; ?persistence=N/M), GET /v1/model, GET /health, GET /ready.",
                "Binds to 127.0.0.1 unless --bind says otherwise. With the environment variable named by --token-env "
                        + "set, every /v1 request needs 'Authorization: Bearer <token>'."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model bundle (.bwm) with its tuned threshold")
    Path model;

    @Option(names = "--port", defaultValue = "8080", description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE}; "
            + "0.0.0.0 for every interface)")
    String bind;

    @Option(names = "--threshold", description = "threshold to flag rows (default: the one saved with the model)")
    Double threshold;

    @Option(names = "--channels-per-bearing", defaultValue = "1", description = "channels per bearing (default ${DEFAULT-VALUE})")
    int channelsPerBearing;

    @Option(names = "--max-body-mb", defaultValue = "16", description = "largest request body in MB (default ${DEFAULT-VALUE})")
    double maxBodyMb;

    @Option(names = "--token-env", defaultValue = "BW_SERVE_TOKEN",
            description = "environment variable holding the bearer token (default ${DEFAULT-VALUE}; unset: no token)")
    String tokenEnv;

    @Override
    public Integer call() throws Exception {
        if (!(maxBodyMb > 0)) {
            throw new IllegalArgumentException("--max-body-mb: a positive size (got " + maxBodyMb + ")");
        }
        ScoringService service = new ScoringService(ModelBundle.load(model), threshold, channelsPerBearing);
        String token = System.getenv(tokenEnv);
        ScoringServer server = new ScoringServer(service, (long) (maxBodyMb * 1024 * 1024), token).start(bind, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "bw-serve-stop"));
        System.err.printf(Locale.ROOT, "serving %s (%d columns, threshold %.4g %s) on http://%s:%d%s%n", model.getFileName(),
                service.columns().size(), service.threshold(), service.thresholdSource(), bind, server.port(),
                token == null ? "" : " (bearer token from $" + tokenEnv + ")");
        System.err.println("POST /v1/score, GET /v1/model, GET /health, GET /ready; Ctrl+C stops");
        stopped.await();
        return 0;
    }
}
