package org.bearingworkbench.cli;

import static org.bearingworkbench.cli.FeaturesCommandTest.runCapturing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bearingworkbench.signal.BearingDesign;
import org.bearingworkbench.signal.BearingGeometry;
import org.bearingworkbench.signal.diagnosis.MatFixtures;
import org.bearingworkbench.signal.diagnosis.SyntheticBearingSignal;
import org.bearingworkbench.signal.diagnosis.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagnose} and {@code envelope --json} on files in a public benchmark's MATLAB layouts. */
class DiagnoseCommandTest {
    static final String B6205 = "9,0.3126,1.537,0";

    @TempDir
    Path dir;

    Path rigFile(String name, int id, Verdict defect, double rpm, int samples) throws Exception {
        BearingGeometry g = new BearingDesign("6205", 9, 0.3126, 1.537, 0).at(rpm);
        double[] de = new SyntheticBearingSignal(defect, g, 12_000, samples / 12_000.0, 2, id).samples();
        double[] other = new SyntheticBearingSignal(Verdict.NONE, g, 12_000, samples / 12_000.0, 0, id + 1).samples();
        return MatFixtures.rigFile(dir.resolve(name), id, de, other, other, rpm);
    }

    @Test
    void diagnoseReadsAFolderOfUnequalFilesOnTheDriveEndAndWritesTheTable() throws Exception {
        rigFile("97.mat", 97, Verdict.NONE, 1797, 24_000);
        rigFile("105.mat", 105, Verdict.BPFI, 1797, 24_253);
        rigFile("130.mat", 130, Verdict.BPFO, 1750, 24_500);
        Path out = dir.resolve("out dir").resolve("out.csv");
        Files.createDirectories(out.getParent());
        String[] r = runCapturing(
                "diagnose",
                dir.toString(),
                "--sample-rate",
                "12000",
                "--bearing",
                B6205,
                "--channel",
                "DE",
                "-o",
                out.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("3 diagnosed: 1 BPFO, 1 BPFI, 1 none"), r[1]);
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(out))
                .getRecords();
        assertEquals(3, rows.size());
        for (CSVRecord row : rows) {
            String expected = switch (row.get("file")) {
                case "97.mat" -> "none";
                case "105.mat" -> "BPFI";
                default -> "BPFO";
            };
            assertEquals(expected, row.get("verdict"), row.toString());
            assertTrue(row.get("channel_label").endsWith("_DE_time"), row.toString());
            assertTrue(row.get("rpm_source").startsWith("the file's X"), row.toString());
        }
    }

    @Test
    void envelopeJsonIsOneObjectWithTheVerdictAndItsEvidence() throws Exception {
        Path f = rigFile("130.mat", 130, Verdict.BPFO, 1750, 36_000);
        String[] r = runCapturing(
                "envelope",
                f.toString(),
                "--sample-rate",
                "12000",
                "--bearing",
                B6205,
                "--channel",
                "X130_DE_time",
                "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals("BPFO", j.get("verdict").asText());
        assertEquals(1, j.get("channel").asInt());
        assertTrue(j.get("confidence").asDouble() > 0.9, r[1]);
        assertEquals(2, j.get("band_hz").size());
        assertTrue(j.get("evidence").get(0).get("line").asText().startsWith("BPFO "), r[1]);
        assertTrue(j.get("evidence").get(0).get("over_floor").asDouble() > 3, r[1]);
        assertEquals(1750, j.get("rpm").asDouble());
    }

    @Test
    void envelopeOnAMatStructNeedsOnlyTheBearing() throws Exception {
        BearingGeometry g = new BearingDesign("nice", 8, 0.235, 1.245, 0).at(1500);
        double[] x = new SyntheticBearingSignal(Verdict.BPFO, g, 48_828, 1, 2, 3).samples();
        Path f = MatFixtures.structFile(dir.resolve("OuterRaceFault_1.mat"), x, 48_828, 25);
        String[] r = runCapturing("envelope", f.toString(), "--bearing", "8,0.235,1.245,0");
        assertEquals("0", r[0], r[2]);
        assertTrue(
                r[1].contains("48828.0 Hz (the file's bearing.sr), shaft 1500.0 rpm (the file's bearing.rate (Hz))"),
                r[1]);
        assertTrue(r[1].contains("verdict: BPFO (outer race)"), r[1]);
        String[] wrong =
                runCapturing("envelope", f.toString(), "--bearing", "8,0.235,1.245,0", "--sample-rate", "25600");
        assertEquals("1", wrong[0]);
        assertTrue(
                wrong[2].contains("--sample-rate 25600 Hz contradicts the file's own sample rate of 48828 Hz"),
                wrong[2]);
    }

    @Test
    void envelopeOfAFolderPointsToDiagnose() {
        String[] r = runCapturing("envelope", dir.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("is a folder: envelope reads one file (diagnose reads a folder)"), r[2]);
    }
}
