package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.serve.ScoringServer;
import org.bearingworkbench.serve.ScoringService;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;

/**
 * Load: 16 concurrent clients x 10,000 requests against the service, zero errors, and every
 * answer the batch's score for its row (each request posts one row of the sample run, cycling through all 160).
 */
class ServeLoadTest {
    @Test
    void sixteenClientsTimesTenThousandRequestsGetNoErrorAndTheBatchScores() throws Exception {
        ModelBundle bundle = ModelBundle.load(Path.of("src/core/test/resources/bundles/v1-sample.bwm"));
        FeatureTable t = SampleData.table();
        AnomalyAnalysis batch =
                Workflows.analyze(t, bundle, null, PersistenceRule.parse("2/3"), 1, TaskContext.silent());
        List<String> cols = bundle.model().columns();
        byte[][] bodies = new byte[t.rowCount()][];
        for (int r = 0; r < bodies.length; r++) {
            StringBuilder b = new StringBuilder("timestamp," + String.join(",", cols) + "\n");
            b.append(FeatureCsv.ISO.format(t.timestamp(r)));
            for (String c : cols) {
                b.append(',').append(t.column(c)[r]);
            }
            bodies[r] = b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }
        try (ScoringServer server =
                new ScoringServer(new ScoringService(bundle, null, 1), 1 << 20, null).start("127.0.0.1", 0)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/score");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> clients = new ArrayList<>();
                for (int c = 0; c < 16; c++) {
                    int client = c;
                    clients.add(pool.submit(() -> {
                        int ok = 0;
                        String firstProblem = "";
                        HttpClient http = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .build();
                        for (int i = 0; i < 10_000; i++) {
                            int row = (client * 10_000 + i) % bodies.length;
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(uri)
                                            .header("Content-Type", "text/csv")
                                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[row]))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            String want = "\"score\":";
                            int at = r.body().indexOf(want);
                            double score = at < 0
                                    ? Double.NaN
                                    : Double.parseDouble(r.body()
                                            .substring(
                                                    at + want.length(), r.body().indexOf(',', at)));
                            double expected = batch.scores().score()[row];
                            if (r.statusCode() == 200 && Math.abs(score - expected) <= 1e-6 * Math.max(1, expected)) {
                                ok++;
                            } else if (firstProblem.isEmpty()) {
                                firstProblem = "row " + row + ": " + r.statusCode() + " " + r.body();
                            }
                        }
                        return ok + " " + firstProblem;
                    }));
                }
                int ok = 0;
                List<String> problems = new ArrayList<>();
                for (Future<String> f : clients) {
                    String[] v = f.get().split(" ", 2);
                    ok += Integer.parseInt(v[0]);
                    if (!v[1].isEmpty()) {
                        problems.add(v[1]);
                    }
                }
                assertEquals(160_000, ok, "answers that were not 200 with the batch score: " + problems);
            } finally {
                pool.shutdown();
            }
        }
    }
}
