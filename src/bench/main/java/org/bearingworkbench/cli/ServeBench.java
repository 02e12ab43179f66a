package org.bearingworkbench.cli;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.serve.ScoringServer;
import org.bearingworkbench.serve.ScoringService;
import org.bearingworkbench.task.TaskContext;

/**
 * {@code bench serve}: the scoring service on a free local port, driven over HTTP by 1, 4 and 16 clients with bodies
 * of 1 and 1,000 rows (CSV, the model's columns); prints requests per second, rows per second and p50/p99 latency.
 * With {@code --peer URL}, the same bodies go to that endpoint too (e.g. the study's kind of service, a Flask +
 * PyTorch app: scripts/peers/serve_flask_torch.py), point by point in the same run, and the ratios are printed.
 */
final class ServeBench {
    private static final double SECONDS_PER_POINT = 4;
    private final Path data;
    private final Path model;
    private final URI peer;

    ServeBench(Path data, Path model, URI peer) {
        this.data = data;
        this.model = model;
        this.peer = peer;
    }

    /** One measured point: requests per second and latency percentiles in ms. */
    record Point(double requestsPerSecond, double p50, double p99) {}

    int run() throws Exception {
        if (model == null) {
            System.err.println("bench serve needs --model");
            return 2;
        }
        ModelBundle bundle = ModelBundle.load(model);
        FeatureTable table = DataSets.open(data, TaskContext.silent()).table();
        ScoringService service =
                new ScoringService(bundle, bundle.chosenThreshold().orElse(1.0), 1);
        try (ScoringServer server = new ScoringServer(service, 64L << 20, null).start("127.0.0.1", 0)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/score");
            // the study's service answers timestamp, score and flag per row: the same answer, measured too
            URI lean = URI.create(uri + "?fields=timestamp,score,flagged");
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %-6s %-8s %12s %12s %10s %10s%n",
                    "service",
                    "rows",
                    "clients",
                    "requests/s",
                    "rows/s",
                    "p50 ms",
                    "p99 ms");
            List<String> ratios = new ArrayList<>();
            for (int rows : new int[] {1, 1000}) {
                String body = csv(table, bundle.model().columns(), rows);
                for (int clients : new int[] {1, 4, 16}) {
                    point(uri, body, clients, 1.0); // warm-up
                    Point ours = point(uri, body, clients, SECONDS_PER_POINT);
                    print("workbench", rows, clients, ours);
                    point(lean, body, clients, 1.0);
                    Point oursLean = point(lean, body, clients, SECONDS_PER_POINT);
                    print("wb lean", rows, clients, oursLean);
                    if (peer != null) {
                        point(peer, body, clients, 1.0);
                        Point theirs = point(peer, body, clients, SECONDS_PER_POINT);
                        print("peer", rows, clients, theirs);
                        ratios.add(ratio("full", rows, clients, ours, theirs));
                        ratios.add(ratio("lean", rows, clients, oursLean, theirs));
                    }
                }
            }
            if (peer != null) {
                System.out.printf(
                        Locale.ROOT,
                        "%nthroughput ratio and p99 (ms), workbench vs %s (full: every field; lean: timestamp, score"
                                + " and flag, the peer's answer)%n%-6s %-6s %-8s %11s %14s %14s%n",
                        peer,
                        "answer",
                        "rows",
                        "clients",
                        "ratio",
                        "p99 ours",
                        "p99 peer");
                ratios.forEach(System.out::println);
            }
        }
        return 0;
    }

    private static String ratio(String answer, int rows, int clients, Point ours, Point theirs) {
        return String.format(
                Locale.ROOT,
                "%-6s %-6d %-8d %10.1fx %14.2f %14.2f",
                answer,
                rows,
                clients,
                ours.requestsPerSecond() / theirs.requestsPerSecond(),
                ours.p99(),
                theirs.p99());
    }

    private static void print(String service, int rows, int clients, Point p) {
        System.out.printf(
                Locale.ROOT,
                "%-10s %-6d %-8d %12.0f %12.0f %10.2f %10.2f%n",
                service,
                rows,
                clients,
                p.requestsPerSecond(),
                p.requestsPerSecond() * rows,
                p.p50(),
                p.p99());
    }

    private static Point point(URI uri, String body, int clients, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<double[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                double[] lat = new double[1 << 20];
                int n = 0;
                // one HTTP/1.1 client per simulated client: its connection is kept alive between requests
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build();
                while (System.nanoTime() < end && n < lat.length) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("status " + r.statusCode() + ": " + r.body());
                    }
                    lat[n++] = (System.nanoTime() - t) / 1e6;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<double[]> f : futures) {
            for (double v : f.get()) {
                all.add(v);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException(uri + ": no request finished within " + seconds + " s");
        }
        return new Point(sorted.length / elapsed, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)]);
    }

    /** A CSV of {@code rows} rows of the model's columns, cycling through the table with unique timestamps. */
    static String csv(FeatureTable table, List<String> columns, int rows) throws Exception {
        List<LocalDateTime> ts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String c : columns) {
            values.put(c, new double[rows]);
        }
        Map<String, double[]> source = new LinkedHashMap<>();
        for (String c : columns) {
            source.put(c, table.column(c));
        }
        for (int r = 0; r < rows; r++) {
            int from = r % table.rowCount();
            ts.add(table.timestamp(0).plusMinutes(10L * r));
            files.add("r" + r);
            for (String c : columns) {
                values.get(c)[r] = source.get(c)[from];
            }
        }
        StringWriter w = new StringWriter();
        FeatureCsv.write(FeatureTable.of("bench", null, ts, files, new int[rows], values), w);
        return w.toString();
    }
}
