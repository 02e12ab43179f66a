package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.io.formats.SnapshotRef;
import org.bearingworkbench.signal.Kurtogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** Usage errors exit with 2 and say what is wrong; the envelope and generate commands do what their help says. */
class CommandUsageTest {
    @TempDir
    Path dir;

    @Test
    void usageErrorsExitWithTwoAndNameTheProblem() {
        String[] missing = FeaturesCommandTest.runCapturing("score");
        assertEquals("2", missing[0]);
        assertTrue(
                missing[2].contains("Missing required options and parameters") && missing[2].contains("--output"),
                missing[2]);
        String[] unknown = FeaturesCommandTest.runCapturing("frobnicate");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].contains("Unmatched argument") && unknown[2].contains("frobnicate"), unknown[2]);
        String[] badNumber = FeaturesCommandTest.runCapturing(
                "train", "sample-data/ims-synthetic", "-o", dir.resolve("m.bwm").toString(), "--epochs", "many");
        assertEquals("2", badNumber[0]);
        assertTrue(badNumber[2].contains("--epochs") && badNumber[2].contains("many"), badNumber[2]);
        String[] serveNoModel = FeaturesCommandTest.runCapturing("serve");
        assertEquals("2", serveNoModel[0]);
        assertTrue(serveNoModel[2].contains("--model"), serveNoModel[2]);
    }

    @Test
    void eachSubcommandIsBuiltUnderItsOwnNameAndTheUsageListsThemAll() {
        for (var entry : BearingCli.COMMANDS.entrySet()) {
            var cl = BearingCli.commandLine(entry.getKey());
            assertEquals(1, cl.getSubcommands().size(), entry.getKey());
            Object command = cl.getSubcommands().get(entry.getKey()).getCommand();
            assertEquals(
                    entry.getKey(),
                    command.getClass().getAnnotation(Command.class).name());
        }
        assertEquals(
                BearingCli.COMMANDS.keySet(),
                BearingCli.commandLine(null).getSubcommands().keySet());
        String[] usage = FeaturesCommandTest.runCapturing("--help");
        assertEquals("0", usage[0]);
        for (String name : BearingCli.COMMANDS.keySet()) {
            assertTrue(usage[1].contains("  " + name + " "), name + " missing from the usage: " + usage[1]);
        }
    }

    @Test
    void theHelpNamesEveryFormatTheWorkbenchReads() {
        // the detected formats and those chosen by --format (delimited, recording): the list help and messages use
        List<String> detected = Formats.all().stream().map(SnapshotFormat::id).toList();
        assertTrue(Formats.IDS.containsAll(detected), detected + " not all in " + Formats.IDS);
        List<String> read = Formats.IDS;
        for (String command : List.of("features", "run", "score", "inspect")) {
            String[] help = FeaturesCommandTest.runCapturing(command, "--help");
            String text = help[1].replaceAll("\\s+", " ");
            for (String id : read) {
                assertTrue(text.contains(id), command + " --help does not name the format " + id + ": " + text);
            }
        }
    }

    @Test
    void envelopeNamesTheOuterRaceDefectOfALateSampleFile() {
        String[] r = FeaturesCommandTest.runCapturing(
                "envelope",
                Paths.get("sample-data", "ims-synthetic", "2025.03.02.10.20.00.gz")
                        .toString());
        assertEquals("0", r[0], r[2]);
        String all = r[1] + r[2];
        assertTrue(all.contains("verdict: BPFO (outer race)"), all);
    }

    @Test
    void envelopeInTheKurtogramsBandPrintsTheKurtogramAndDemodulatesThere() throws Exception {
        Path f = Paths.get("sample-data", "ims-synthetic", "2025.03.02.10.20.00.gz");
        String[] r = FeaturesCommandTest.runCapturing("envelope", f.toString(), "--band", "kurtogram");
        assertEquals("0", r[0], r[2]);
        var v = Formats.detect(f.getParent())
                .read(new SnapshotRef(f, f.getFileName().toString(), null, 0), new SnapshotReader());
        double[] x = Arrays.copyOf(v.channel(0), v.rows());
        var best = Kurtogram.of(x, x.length, 20000).best();
        assertTrue(r[1].contains("best: " + best), r[1]);
        assertTrue(
                r[1].contains(String.format(
                        Locale.ROOT, "band: %.0f-%.0f Hz (kurtogram)", Math.max(1, best.lowHz()), best.highHz())),
                r[1]);
        assertEquals(
                2 * Kurtogram.maxLevel(x.length),
                r[1].lines().filter(l -> l.startsWith("  level ")).count(),
                "levels 0, 1, 1.6, 2, ... the deepest");
        assertTrue(r[1].contains("verdict: BPFO") || r[1].contains("verdict: none"), r[1]);
    }

    @Test
    void envelopeOfAMissingFileSaysWhichAndFails() {
        String[] r = FeaturesCommandTest.runCapturing(
                "envelope", dir.resolve("nope.gz").toString());
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[2].contains("nope.gz"), r[2]);
    }

    @Test
    void generateWritesTheSampleRunThatImportsBack() throws Exception {
        Path out = dir.resolve("run");
        String[] r = FeaturesCommandTest.runCapturing("generate", out.toString());
        assertEquals("0", r[0], r[2]);
        try (var files = Files.list(out)) {
            assertEquals(
                    160,
                    files.filter(p -> !p.getFileName().toString().startsWith("."))
                            .count());
        }
        String[] f = FeaturesCommandTest.runCapturing(
                "features", out.toString(), "-o", dir.resolve("f.csv").toString(), "--json");
        assertEquals("0", f[0], f[2]);
        assertTrue(f[1].contains("\"files\":160") && f[1].contains("\"skipped\":0"), f[1]);
    }
}
