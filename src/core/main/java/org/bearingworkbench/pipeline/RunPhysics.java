package org.bearingworkbench.pipeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.DirectoryImporter;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SnapshotWorkers;
import org.bearingworkbench.io.formats.DataSource;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.io.formats.SnapshotRef;
import org.bearingworkbench.signal.DefectAnalysis;
import org.bearingworkbench.signal.DefectType;
import org.bearingworkbench.signal.EnvelopeSpectrum;
import org.bearingworkbench.signal.Fft;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.signal.Spectrum;
import org.bearingworkbench.task.TaskContext;

/**
 * Bearing physics over a whole run, one pass over the raw files (in parallel): per file and channel the defect
 * indicators (envelope peak at each defect frequency / noise floor, as {@code ch<N>_bpfo}, ... columns) and the
 * run's spectrogram (each file's amplitude spectrum reduced to a fixed number of bins).
 *
 * @param spectrogram {@code spectrogram[channel][file][bin]}, the mean amplitude within each bin
 */
public record RunPhysics(PhysicsSettings settings, Map<String, double[]> indicators, float[][][] spectrogram) {

    public double binWidthHz() {
        return settings.sampleRate() / 2 / settings.spectrogramBins();
    }

    /** The table with the defect-indicator columns added. */
    public FeatureTable addTo(FeatureTable table) {
        return table.withColumns(indicators);
    }

    /** A data set and its physics from one pass over the files; {@code physics} null when it could not be computed. */
    public record Imported(ImportResult data, RunPhysics physics) {}

    /**
     * Opens {@code source} as {@link DataSets#open} does and computes the physics while each file is in memory (no
     * second read): when the data's sample rate, bearing and speed are known (else {@code physics} is null and the
     * import is as usual). The settings are the data's over {@code base} ({@link DataSetDescription#physics}).
     */
    public static Imported importWith(Path source, UserSettings given, PhysicsSettings base, TaskContext context)
            throws InputFormatException {
        AtomicReference<Collector> collector = new AtomicReference<>();
        ImportResult data = DataSets.open(source, given, context, d -> {
            if (!d.missingForPhysics().isEmpty()) {
                return null;
            }
            Collector c = new Collector(d.physics(base));
            collector.set(c);
            return c;
        });
        Collector c = collector.get();
        return new Imported(data, c == null ? null : c.result(data.table()));
    }

    /** Each snapshot's indicators and spectrogram rows, by file, as the import's workers compute them. */
    private static final class Collector implements DirectoryImporter.SignalWork {
        private final PhysicsSettings settings;
        private final DefectAnalysis analysis;
        private final Map<String, double[][]> ratios = new ConcurrentHashMap<>();
        private final Map<String, float[][]> spectra = new ConcurrentHashMap<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        Collector(PhysicsSettings settings) {
            this.settings = settings;
            this.analysis = settings.analysis();
        }

        @Override
        public void accept(SnapshotRef ref, SignalView s) {
            try {
                double[][] r = new double[s.channels()][];
                float[][] sp = new float[s.channels()][settings.spectrogramBins()];
                for (int c = 0; c < s.channels(); c++) {
                    r[c] = signal(s.channel(c), s.rows(), settings, analysis, sp[c]);
                }
                ratios.put(ref.name(), r);
                spectra.put(ref.name(), sp);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        RunPhysics result(FeatureTable table) throws InputFormatException {
            if (failure.get() != null) {
                throw new InputFormatException(
                        "bearing physics failed: " + failure.get().getMessage(), failure.get());
            }
            List<Integer> channels = table.channels();
            int files = table.rowCount();
            Map<String, double[]> indicators = new LinkedHashMap<>();
            for (int ch : channels) {
                for (DefectType t : DefectType.values()) {
                    indicators.put(t.column(ch), new double[files]);
                }
            }
            float[][][] spectrogram = new float[channels.size()][files][];
            for (int i = 0; i < files; i++) {
                double[][] r = ratios.get(table.file(i));
                float[][] sp = spectra.get(table.file(i));
                for (int c = 0; c < channels.size(); c++) {
                    int ch = channels.get(c);
                    boolean have = r != null && ch <= r.length;
                    spectrogram[c][i] = have ? sp[ch - 1] : new float[settings.spectrogramBins()];
                    for (DefectType t : DefectType.values()) {
                        indicators.get(t.column(ch))[i] = have ? r[ch - 1][t.ordinal()] : Double.NaN;
                    }
                }
            }
            return new RunPhysics(settings, indicators, spectrogram);
        }
    }

    public static RunPhysics compute(ImportResult data, PhysicsSettings settings, TaskContext context)
            throws InputFormatException {
        FeatureTable table = data.table();
        DataSource source = data.rawSource()
                .orElseThrow(() -> new InputFormatException(table.name()
                        + ": no raw files (loaded from a feature CSV): defect indicators need the snapshot directory"));
        List<Integer> channels = table.channels();
        int files = table.rowCount();
        int bins = settings.spectrogramBins();
        Map<String, double[]> indicators = new LinkedHashMap<>();
        for (int ch : channels) {
            for (DefectType t : DefectType.values()) {
                indicators.put(t.column(ch), new double[files]);
            }
        }
        float[][][] spectrogram = new float[channels.size()][files][bins];
        DefectAnalysis analysis = settings.analysis();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SnapshotWorkers.run(
                files,
                Runtime.getRuntime().availableProcessors(),
                "physics",
                context,
                (reader, i) -> {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        SignalView p = source.read(table.file(i), table.timestamp(i), reader);
                        for (int c = 0; c < channels.size(); c++) {
                            int ch = channels.get(c);
                            if (ch > p.channels()) {
                                continue;
                            }
                            double[] ratios =
                                    signal(p.channel(ch - 1), p.rows(), settings, analysis, spectrogram[c][i]);
                            for (DefectType t : DefectType.values()) {
                                indicators.get(t.column(ch))[i] = ratios[t.ordinal()];
                            }
                        }
                    } catch (InputFormatException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                },
                done -> context.progress(done, files, done + "/" + files + " files (envelope spectra)"));
        if (failure.get() instanceof InputFormatException e) {
            throw e;
        } else if (failure.get() != null) {
            throw new InputFormatException(
                    "bearing physics failed: " + failure.get().getMessage(), failure.get());
        }
        return new RunPhysics(settings, indicators, spectrogram);
    }

    /**
     * The physics of one channel of one snapshot: each defect type's indicator (ordered as {@link DefectType}) and,
     * into {@code spectrogramRow}, the spectrum reduced to the spectrogram's bins. One forward transform of the raw
     * signal serves the band-pass and the spectrogram.
     */
    public static double[] signal(
            double[] x, int n, PhysicsSettings settings, DefectAnalysis analysis, float[] spectrogramRow) {
        double[] r = Arrays.copyOf(x, n);
        Fft.plan(n).realForward(r);
        Spectrum env = Spectrum.of(
                EnvelopeSpectrum.envelopeOfTransform(
                        r, n, settings.sampleRate(), settings.bandLowHz(), settings.bandHighHz()),
                n,
                settings.sampleRate());
        double floor = DefectAnalysis.noiseFloor(env);
        double[] ratios = new double[DefectType.values().length];
        for (DefectType t : DefectType.values()) {
            ratios[t.ordinal()] = analysis.match(env, t, floor).ratio();
        }
        reduce(
                n % 2 == 0 && n >= 4
                        ? Spectrum.ofTransformPeriodicHann(r, n, settings.sampleRate())
                        : Spectrum.of(x, n, settings.sampleRate()),
                spectrogramRow,
                settings);
        return ratios;
    }

    private static void reduce(Spectrum s, float[] out, PhysicsSettings settings) {
        int bins = out.length;
        double width = settings.sampleRate() / 2 / bins;
        int[] count = new int[bins];
        for (int k = 0; k < s.frequency().length; k++) {
            int b = Math.min(bins - 1, (int) (s.frequency()[k] / width));
            out[b] += (float) s.amplitude()[k];
            count[b]++;
        }
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out[b] /= count[b];
            }
        }
    }
}
