package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.pipeline.DiagnosisOutput;
import org.bearingworkbench.pipeline.FileDiagnoses;
import org.bearingworkbench.signal.diagnosis.Diagnoser;
import org.bearingworkbench.signal.diagnosis.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diagnose}: every file of a folder (or one file) diagnosed, one row per file and channel. */
@Command(
        name = "diagnose",
        mixinStandardHelpOptions = true,
        description = "Diagnoses every file of a folder (each with its own length, sample rate and shaft speed): "
                + "file, channel, verdict (BPFO, BPFI, BSF, FTF, none, unknown), confidence, evidence.")
final class DiagnoseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<dir-or-file>", description = "a folder of recordings, or one file")
    Path source;

    @Option(
            names = "--channel",
            description = "a 1-based number, a name (X130_DE_time) or a role (DE); default: every channel")
    String channel;

    @Option(
            names = {"-o", "--output"},
            description = "also write the table as CSV (every column) to this file")
    Path output;

    @Option(names = "--json", description = "print a JSON array of the rows instead of the table")
    boolean json;

    @Mixin
    DiagnosisOptions options = new DiagnosisOptions();

    @Override
    public Integer call() throws Exception {
        List<SkippedFile> skipped = new ArrayList<>();
        List<FileDiagnoses.Row> rows = FileDiagnoses.of(source, options.request(channel), skipped);
        if (json) {
            System.out.println(DiagnosisOutput.json(rows.stream()
                    .map(r -> DiagnosisOutput.object(r, Diagnoser.THRESHOLD))
                    .toList()));
        } else {
            print(rows);
        }
        for (SkippedFile s : skipped) {
            System.err.println("skipped " + s);
        }
        if (output != null) {
            AtomicFiles.write(output, w -> DiagnosisOutput.csv(rows, w));
            System.err.println("wrote " + rows.size() + " rows to " + output);
        }
        return rows.isEmpty() ? 1 : 0;
    }

    /** " [stronger on ch1]" when the note says the same defect is stronger on another channel. */
    private static String elsewhere(String reason) {
        int at = reason.indexOf("is stronger on ch");
        if (at < 0) {
            return "";
        }
        String rest = reason.substring(at + "is stronger on ".length());
        return " [stronger on " + rest.substring(0, rest.indexOf(' ')) + "]";
    }

    private static void print(List<FileDiagnoses.Row> rows) {
        int width =
                Math.max(4, rows.stream().mapToInt(r -> r.file().length()).max().orElse(4));
        System.out.printf(
                Locale.ROOT,
                "%-" + width + "s  %-16s %-8s %10s  %s%n",
                "file",
                "channel",
                "verdict",
                "confidence",
                "evidence");
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (FileDiagnoses.Row r : rows) {
            var d = r.diagnosis();
            counts.merge(d.verdict(), 1, Integer::sum);
            String why = d.verdict().isDefect() && !d.evidence().isEmpty()
                    ? d.evidence().get(0).describe() + elsewhere(d.reason())
                    : d.reason();
            System.out.printf(
                    Locale.ROOT,
                    "%-" + width + "s  %-16s %-8s %10s  %s%n",
                    r.file(),
                    r.channel() == 0
                            ? "-"
                            : "ch" + r.channel()
                                    + (r.channelLabel().equals("ch" + r.channel()) ? "" : " " + r.channelLabel()),
                    d.verdict().label(),
                    d.verdict() == Verdict.UNKNOWN ? "" : String.format(Locale.ROOT, "%.2f", d.confidence()),
                    why);
        }
        List<String> summary = new ArrayList<>();
        counts.forEach((v, n) -> summary.add(n + " " + v.label()));
        System.out.println(rows.size() + " diagnosed: " + String.join(", ", summary));
    }
}
