package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.prognosis.LifeForecast;
import org.bearingworkbench.pipeline.prognosis.LifeForecaster;
import org.bearingworkbench.pipeline.prognosis.LifeModel;
import org.bearingworkbench.pipeline.prognosis.SyntheticRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rul learn} then {@code rul predict}: the model file, JSON and CSV carry the engine's numbers. */
class RulLearnPredictTest {
    @TempDir
    Path dir;

    private Path csv(String name, int n, long seed) throws Exception {
        Path p = dir.resolve(name + ".csv");
        FeatureCsv.write(SyntheticRuns.run(name, n, seed), p);
        return p;
    }

    @Test
    void learnsThenPredictsWithTheEnginesNumbers() throws Exception {
        Path a = csv("a", 600, 1);
        Path b = csv("b", 900, 2);
        Path c = csv("c", 1200, 3);
        Path run = csv("d", 1000, 4);
        Path model = dir.resolve("life.bwr");
        String[] learned =
                CliRunner.run("rul", "learn", a.toString(), b.toString(), c.toString(), "-o", model.toString());
        assertEquals("0", learned[0], learned[2]);
        assertTrue(learned[1].contains("rms") && learned[1].contains("<- used"), learned[1]);
        Path out = dir.resolve("f.csv");
        String[] predicted = CliRunner.run(
                "rul", "predict", run.toString(), "--model", model.toString(), "--json", "-o", out.toString());
        assertEquals("0", predicted[0], predicted[2]);
        JsonNode json = new ObjectMapper().readTree(predicted[1]);
        JsonNode forecasts = json.get("forecasts");
        FeatureTable t = FeatureCsv.read(run);
        List<LifeForecast> engine =
                LifeForecaster.every(LifeModel.read(model), t, LifeForecaster.defaultEverySeconds(t));
        assertEquals(engine.size(), forecasts.size());
        LifeForecast last = engine.get(engine.size() - 1);
        JsonNode lastJson = forecasts.get(forecasts.size() - 1);
        assertEquals(Math.round(last.rulSeconds()), lastJson.get("rul_seconds").asLong());
        assertEquals(Math.round(last.lowSeconds()), lastJson.get("rul_low").asLong());
        assertEquals(Math.round(last.highSeconds()), lastJson.get("rul_high").asLong());
        assertEquals("acc_01000.csv", lastJson.get("file").asText());
        assertTrue(lastJson.get("method").asText().startsWith("exponential degradation"), lastJson.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(engine.size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("time,file,age_seconds,rul_seconds"), lines.get(0));
    }

    @Test
    void withoutAFailureLevelTheExplorationForecastsNothing() throws Exception {
        Path run = csv("d", 1000, 4);
        String[] r = CliRunner.run("rul", run.toString(), "--train-fraction", "0.5");
        assertEquals("0", r[0], r[2]);
        assertTrue(!r[1].contains("RUL median"), r[1]);
        String[] none = CliRunner.run("rul");
        assertEquals("1", none[0]);
        assertTrue(none[2].contains("rul learn"), none[2]);
    }
}
