package org.bearingworkbench.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.TaskContext;

/**
 * {@code bench load}: {@code serve} in a child JVM with the container image's flags (-XX:MaxRAMPercentage=60
 * -XX:+ExitOnOutOfMemoryError -XX:G1PeriodicGCInterval=30000, over a heap of {@code --heap-mb}), 10,000 requests
 * from 32 clients: 35% valid 1-row and 35% valid 1,000-row CSV bodies, 30% malformed ones (unparsable numbers,
 * missing columns, bad JSON, a wrong content type, an over-range value); prints p50/p99 per kind, the statuses, and
 * the server's RSS before, at the end and a minute after the load.
 */
final class ServeLoad {
    private static final int CLIENTS = 32;
    private static final int REQUESTS = 10_000;

    enum Kind {
        ONE_ROW,
        THOUSAND_ROWS,
        MALFORMED
    }

    record Sample(Kind kind, int status, double ms) {}

    private final Path data;
    private final Path model;
    private final int heapMb;

    ServeLoad(Path data, Path model, int heapMb) {
        this.data = data;
        this.model = model;
        this.heapMb = heapMb;
    }

    int run() throws Exception {
        if (model == null) {
            System.err.println("bench load needs --model");
            return 2;
        }
        ModelBundle bundle = ModelBundle.load(model);
        FeatureTable table = DataSets.open(data, TaskContext.silent()).table();
        List<String> cols = bundle.model().columns();
        byte[] one = ServeBench.csv(table, cols, 1).getBytes(StandardCharsets.UTF_8);
        byte[] thousand = ServeBench.csv(table, cols, 1000).getBytes(StandardCharsets.UTF_8);
        List<byte[]> bad = malformed(new String(one, StandardCharsets.UTF_8));
        int port = freePort();
        Process server = startServer(port);
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            waitReady(base, server);
            long rssStart = rssKb(server.pid());
            long t0 = System.nanoTime();
            List<Sample> samples = load(base, one, thousand, bad);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rssEnd = rssKb(server.pid());
            System.out.printf(
                    Locale.ROOT,
                    "%d requests from %d clients in %.1f s (%.0f per second)%n",
                    samples.size(),
                    CLIENTS,
                    seconds,
                    samples.size() / seconds);
            for (Kind k : Kind.values()) {
                print(k, samples.stream().filter(s -> s.kind() == k).toList());
            }
            TimeUnit.SECONDS.sleep(60);
            long rssAfter = rssKb(server.pid());
            System.out.printf(
                    Locale.ROOT,
                    "server RSS: %.0f MB at the start, %.0f MB at the end of the load, %.0f MB a minute after"
                            + " (%.2fx the start); heap -Xmx%dm, container flags%n",
                    rssStart / 1024.0,
                    rssEnd / 1024.0,
                    rssAfter / 1024.0,
                    rssAfter / (double) rssStart,
                    heapMb);
            System.out.println("server alive: " + server.isAlive());
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        return 0;
    }

    private Process startServer(int port) throws IOException {
        Path jar = Path.of("target", "bearing-workbench.jar");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m",
                "-XX:MaxRAMPercentage=60",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:G1PeriodicGCInterval=30000",
                "-Dbw.cli=true",
                "-jar",
                jar.toString(),
                "serve",
                "--model",
                model.toString(),
                "--port",
                Integer.toString(port)));
        Path log = Files.createTempFile("bw-serve-load-", ".log");
        System.out.println("server: " + String.join(" ", cmd) + " (log " + log + ")");
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void waitReady(URI base, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue());
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(base.resolve("/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("the server was not ready within 60 s");
    }

    private static List<Sample> load(URI base, byte[] one, byte[] thousand, List<byte[]> bad) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        ConcurrentLinkedQueue<Sample> out = new ConcurrentLinkedQueue<>();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                Random random = new Random(client);
                for (int i = client; i < REQUESTS; i += CLIENTS) {
                    double r = random.nextDouble();
                    Kind kind = r < 0.35 ? Kind.ONE_ROW : r < 0.70 ? Kind.THOUSAND_ROWS : Kind.MALFORMED;
                    byte[] body = kind == Kind.ONE_ROW
                            ? one
                            : kind == Kind.THOUSAND_ROWS ? thousand : bad.get(random.nextInt(bad.size()));
                    String type = kind == Kind.MALFORMED && body.length > 0 && body[0] == '{'
                            ? "application/json"
                            : kind == Kind.MALFORMED && body.length > 0 && body[0] == 'x' ? "image/png" : "text/csv";
                    long t = System.nanoTime();
                    int status;
                    try {
                        status = http.send(
                                        HttpRequest.newBuilder(base.resolve("/v1/score"))
                                                .header("Content-Type", type)
                                                .timeout(Duration.ofSeconds(30))
                                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (IOException e) {
                        status = -1;
                    }
                    out.add(new Sample(kind, status, (System.nanoTime() - t) / 1e6));
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        return new ArrayList<>(out);
    }

    private static List<byte[]> malformed(String oneRow) {
        String[] lines = oneRow.split("\n");
        String header = lines[0];
        String row = lines[1];
        List<String> bodies = List.of(
                header + "\n" + row.replaceFirst(",[^,]+$", ",abc") + "\n",
                header.replaceFirst(",[^,]+$", "") + "\n" + row + "\n",
                header + "\n" + row.replaceFirst(",[^,]+$", ",1e309") + "\n",
                "{\"rows\": [{\"timestamp\": ",
                "x not a table",
                header + "\n",
                "");
        return bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static void print(Kind kind, List<Sample> s) {
        double[] ms = s.stream().mapToDouble(Sample::ms).sorted().toArray();
        Map<Integer, Integer> statuses = new TreeMap<>();
        s.forEach(x -> statuses.merge(x.status(), 1, Integer::sum));
        System.out.printf(
                Locale.ROOT,
                "%-14s %5d requests  p50 %7.2f ms  p99 %7.2f ms  statuses %s%n",
                kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                ms.length,
                ms.length == 0 ? Double.NaN : ms[ms.length / 2],
                ms.length == 0 ? Double.NaN : ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)],
                statuses);
    }

    private static long rssKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
