package org.bearingworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.io.formats.SnapshotRef;
import org.bearingworkbench.pipeline.DiagnosisOutput;
import org.bearingworkbench.pipeline.FileDiagnoses;
import org.bearingworkbench.signal.Kurtogram;
import org.bearingworkbench.signal.diagnosis.DefectEvidence;
import org.bearingworkbench.signal.diagnosis.Diagnoser;
import org.bearingworkbench.signal.diagnosis.Diagnosis;
import org.bearingworkbench.signal.diagnosis.EvidenceLine;
import org.bearingworkbench.signal.diagnosis.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code envelope}: one file's channel diagnosed from its squared-envelope spectrum, with the evidence. */
@Command(
        name = "envelope",
        mixinStandardHelpOptions = true,
        description = "Envelope analysis of one file: the defect it shows (BPFO, BPFI, BSF, FTF), none, or unknown "
                + "with the reason, with the confidence and the evidence lines. Exit code 1 when unknown.")
final class EnvelopeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<file>", description = "one file of any format the workbench reads (plain or .gz)")
    Path file;

    @Option(
            names = "--channel",
            defaultValue = "1",
            description = "a 1-based number, a name (X130_DE_time) or a role (DE); default ${DEFAULT-VALUE}")
    String channel;

    @Option(names = "--kurtogram", description = "also print the file's kurtogram: each level's most impulsive band")
    boolean printKurtogram;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Mixin
    DiagnosisOptions options = new DiagnosisOptions();

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(
                    file + " is a folder: envelope reads one file (diagnose reads a folder)");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        List<SkippedFile> skipped = new ArrayList<>();
        FileDiagnoses.Row row =
                FileDiagnoses.of(file, options.request(channel), skipped).get(0);
        Diagnosis d = row.diagnosis();
        if (json) {
            System.out.println(DiagnosisOutput.json(DiagnosisOutput.object(row, Diagnoser.THRESHOLD)));
        } else {
            if (printKurtogram || "kurtogram".equalsIgnoreCase(options.band)) {
                printKurtogram(row);
            }
            print(row);
        }
        if (d.verdict() == Verdict.UNKNOWN) {
            System.err.println("error: " + row.file() + " ch" + row.channel() + ": " + d.reason());
            return 1;
        }
        return 0;
    }

    private static void print(FileDiagnoses.Row r) {
        Diagnosis d = r.diagnosis();
        System.out.printf(
                Locale.ROOT,
                "%s ch%d%s: %d samples at %.6g Hz (%s), shaft %s%n",
                r.file(),
                r.channel(),
                r.channelLabel().equals("ch" + r.channel()) ? "" : " " + r.channelLabel(),
                r.samples(),
                r.sampleRate(),
                r.sampleRateSource(),
                Double.isNaN(r.rpm())
                        ? "speed unknown"
                        : String.format(Locale.ROOT, "%.1f rpm (%s)", r.rpm(), r.rpmSource()));
        System.out.printf(
                Locale.ROOT,
                "verdict: %s (%s)%s%n",
                d.verdict().label(),
                d.verdict().meaning(),
                d.verdict() == Verdict.UNKNOWN ? "" : String.format(Locale.ROOT, ", confidence %.2f", d.confidence()));
        if (d.band() != null) {
            System.out.println("band: " + d.band());
        }
        if (!d.evidence().isEmpty()) {
            System.out.println(d.verdict().isDefect() ? "evidence:" : "strongest candidate's lines:");
            for (EvidenceLine l : d.evidence().stream().limit(8).toList()) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-22s %8.2f Hz (comb %8.2f Hz) %6.1fx local floor%s%n",
                        l.label(),
                        l.frequencyHz(),
                        l.expectedHz(),
                        l.overFloor(),
                        l.sharedWith().isEmpty() ? "" : "  shared with " + l.sharedWith());
            }
        }
        if (!d.shaftLines().isEmpty()) {
            System.out.println("shaft orders (never credited to a defect): "
                    + String.join(
                            ", ",
                            d.shaftLines().stream()
                                    .map(l -> String.format(
                                            Locale.ROOT, "%s %.1f Hz %.1fx", l.label(), l.frequencyHz(), l.overFloor()))
                                    .toList()));
        }
        if (!d.defects().isEmpty()) {
            System.out.println("significance (-log10 p; " + Diagnoser.THRESHOLD + " needed): "
                    + String.join(
                            ", ",
                            d.defects().stream().map(EnvelopeCommand::score).toList()));
        }
        if (!d.reason().isEmpty() && d.verdict() != Verdict.UNKNOWN) {
            System.out.println("note: " + d.reason());
        }
    }

    private static String score(DefectEvidence e) {
        return e.judged()
                ? String.format(Locale.ROOT, "%s %.1f", e.defect().name(), e.score())
                : e.defect().name() + " not judged (" + e.note() + ")";
    }

    private void printKurtogram(FileDiagnoses.Row row) throws Exception {
        Path dir = file.toAbsolutePath().getParent();
        var settings = options.dataSet.settings();
        var format = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mat")
                ? Formats.require("mat", settings.layout(), null)
                : Formats.choose(dir, settings);
        SignalView view =
                format.read(new SnapshotRef(file, file.getFileName().toString(), null, 0), new SnapshotReader());
        Kurtogram k = Kurtogram.of(view.channel(row.channel() - 1), view.rows(), row.sampleRate());
        System.out.printf(
                Locale.ROOT,
                "kurtogram (%d samples at %.6g Hz): most impulsive band per level%n",
                k.samples(),
                k.sampleRate());
        for (Kurtogram.Level level : k.levels()) {
            double[] sk = level.kurtosis();
            int best = 0;
            for (int b = 1; b < sk.length; b++) {
                if (sk[b] > sk[best]) {
                    best = b;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "  level %.1f  %3d bands of %7.1f Hz  best %7.0f-%7.0f Hz  SK %6.2f%n",
                    level.level(),
                    sk.length,
                    level.bandwidthHz(),
                    level.lowHz(best),
                    level.lowHz(best) + level.bandwidthHz(),
                    sk[best]);
        }
        System.out.println("best: " + k.best());
    }
}
