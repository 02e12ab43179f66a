package org.bearingworkbench.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bearingworkbench.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One snapshot the model cannot score is set apart and listed; the machine's other snapshots are scored. */
class BadSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void aSample1e308InAScoredFileSetsThatSnapshotApartNotTheMachine() throws Exception {
        Path machine = Files.createDirectories(dir.resolve("m1"));
        try (var files = Files.list(SampleData.DIR)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, machine.resolve(f.getFileName()));
            }
        }
        Path file = machine.resolve("2025.03.02.06.00.00.gz"); // after the model's training range
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("1e308" + text.substring(text.indexOf('\t'))).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bundle = Files.readAllBytes(Path.of(FleetJobTest.BUNDLE));
        FleetSettings settings =
                FleetSettings.of(dir.toString(), dir.resolve("out").toString()).build();
        MachineResult r = MachineScoring.run(
                new Machine("m1", machine.toString(), FleetJobTest.BUNDLE),
                Map.of(FleetJobTest.BUNDLE, bundle),
                settings);
        assertEquals(MachineSummary.SCORED, r.summary().status(), r.summary().message());
        assertEquals(159, r.scores().size(), "the other 159 snapshots are scored");
        List<String> skipped = r.summary().skippedFiles();
        assertTrue(
                skipped.stream().anyMatch(s -> s.startsWith("2025.03.02.06.00.00.gz: not scored: its score is")),
                skipped.toString());
    }
}
