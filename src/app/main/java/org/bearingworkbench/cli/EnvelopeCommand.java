package org.bearingworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.io.formats.SnapshotRef;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.signal.DefectMatch;
import org.bearingworkbench.signal.EnvelopeSpectrum;
import org.bearingworkbench.signal.Kurtogram;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.signal.SpectralKurtosis;
import org.bearingworkbench.signal.Spectrum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code envelope}: the envelope spectrum of one file's channel matched against the bearing's defect frequencies. */
@Command(
        name = "envelope",
        mixinStandardHelpOptions = true,
        description = "Envelope analysis of one snapshot file: which defect frequency (BPFO, BPFI, BSF, 2xBSF, "
                + "FTF) shows, and how strongly.")
final class EnvelopeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<file>", description = "one snapshot file (IMS format, plain or .gz)")
    Path file;

    @Option(names = "--channel", defaultValue = "1", description = "1-based channel (default ${DEFAULT-VALUE})")
    int channel;

    @Option(
            names = "--band",
            defaultValue = "2000-8000",
            description = "demodulation band in Hz, 'auto' (spectral "
                    + "kurtosis over half-overlapping dyadic bands above 500 Hz) or 'kurtogram' (the "
                    + "kurtogram's most impulsive "
                    + "band); default ${DEFAULT-VALUE}")
    String band;

    @Option(names = "--kurtogram", description = "also print the file's kurtogram: each level's most impulsive band")
    boolean printKurtogram;

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        UserSettings given = dataSet.settings();
        Path dir = file.toAbsolutePath().getParent();
        UserSettings settings = DataSets.withRemembered(dir, given);
        // one file: a recording's snapshots are not files of their own, so its folder's format is read
        SnapshotFormat format =
                "recording".equals(settings.format()) ? Formats.detect(dir) : Formats.choose(dir, settings);
        SnapshotReader reader = new SnapshotReader();
        SnapshotRef ref = new SnapshotRef(file, file.getFileName().toString(), null, 0);
        SignalView view = format.read(ref, reader);
        DataSetDescription description = settings.applyTo(format.describe(dir, List.of(ref), view));
        if (channel < 1 || channel > view.channels()) {
            throw new IllegalArgumentException("--channel: the file has channels 1 to " + view.channels());
        }
        String name = file.getFileName().toString();
        int rows = view.rows();
        double[] x = Arrays.copyOf(view.channel(channel - 1), rows);
        PhysicsSettings physics = description.physics(PhysicsSettings.ims());
        double sampleRate = physics.sampleRate();
        String problem = EnvelopeSpectrum.unusable(x, rows, sampleRate);
        if (problem != null) {
            throw new IllegalArgumentException(name + " ch" + channel + ": " + problem);
        }
        double lo;
        double hi;
        Kurtogram kurtogram =
                printKurtogram || "kurtogram".equalsIgnoreCase(band) ? Kurtogram.of(x, rows, sampleRate) : null;
        if (kurtogram != null) {
            printKurtogram(kurtogram);
        }
        if ("kurtogram".equalsIgnoreCase(band)) {
            lo = Math.max(1, kurtogram.best().lowHz());
            hi = kurtogram.best().highHz();
        } else if ("auto".equalsIgnoreCase(band)) {
            var b = SpectralKurtosis.best(x, rows, sampleRate, 500);
            lo = b.lowHz();
            hi = b.highHz();
        } else {
            double[] b = CommandChecks.parseBand(band);
            lo = b[0];
            hi = b[1];
            if (!(lo >= 0 && hi > lo && hi <= sampleRate / 2)) {
                throw new IllegalArgumentException("--band: " + band + " Hz must lie inside 0-" + sampleRate / 2
                        + " Hz (half the sample rate) with LOW below HIGH");
            }
        }
        PhysicsSettings band = new PhysicsSettings(
                physics.geometry(),
                lo,
                hi,
                sampleRate,
                physics.harmonics(),
                physics.tolerance(),
                physics.spectrogramBins());
        Spectrum env = EnvelopeSpectrum.of(x, rows, sampleRate, lo, hi);
        List<DefectMatch> matches = band.analysis().matches(env);
        int peak = env.peakIndex(5);
        System.out.printf(
                Locale.ROOT,
                "%s ch%d (%s, %.6g Hz, %s), band %.0f-%.0f Hz, largest envelope peak at %.1f Hz%n",
                name,
                channel,
                format.id(),
                sampleRate,
                physics.geometry().name(),
                lo,
                hi,
                env.frequency()[peak]);
        DefectMatch top = matches.get(0);
        System.out.println("strongest defect match: " + top.describe("ch" + channel) + top.weakness());
        for (DefectMatch m : matches) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-6s %6.1f Hz  x%.1f (harmonic %d)%n",
                    m.type().label(),
                    m.frequency(),
                    m.ratio(),
                    m.harmonic());
        }
        return 0;
    }

    private static void printKurtogram(Kurtogram k) {
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
