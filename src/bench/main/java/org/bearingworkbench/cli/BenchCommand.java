package org.bearingworkbench.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.DirectoryImporter;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.EpochResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.ModelRuntime;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.model.Trainer;
import org.bearingworkbench.model.TrainingPath;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.RunPhysics;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench import}: times the directory import (warm page cache) and prints seconds, MB/s and heap used. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks that print numbers:",
            "  import <dir>          time the import of a directory (after one warm-up run)",
            "  train <dir-or-csv>    train the study's model (100 epochs, batch 10) and print seconds per epoch",
            "                        (--trainer direct|dl4j|all)",
            "  threshold <dir-or-csv> --model M.bwm   time a threshold change (alarms + attribution) per 1,000 rows",
            "  physics <dir>         time the bearing-physics pass (defect indicators + spectrogram) after one warm-up",
            "  serve <dir-or-csv> --model M.bwm   throughput and latency of the scoring service (1 and "
                    + "1,000 rows; 1, 4, 16 clients)",
            "  load <dir-or-csv> --model M.bwm   serve in a child JVM with the container's flags: 10,000"
                    + " requests, 32 clients, 30% malformed; p50/p99 and RSS",
            "  startup <dir>         fresh JVMs: import 'seconds' and wall time, with and without a "
                    + "class-data-sharing archive;",
            "                        the window, the sample data and its table drawn (needs a display: xvfb-run);",
            "                        --app-image DIR: through an installed app's launchers",
            "  e2e <dir>             fresh JVMs: 'run <dir>' end to end (import, training, thresholds, "
                    + "report), wall time",
            "                        (--peer URL: the same load on another service, e.g. "
                    + "scripts/peers/serve_flask_torch.py)"
        })
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<what>", description = "import")
    String what;

    @Parameters(
            index = "1",
            paramLabel = "<data>",
            description = "directory of snapshots (import), directory or feature CSV (train)")
    Path dir;

    @Option(names = "--epochs", defaultValue = "100", description = "epochs for 'train' (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(
            names = "--heap-mb",
            defaultValue = "900",
            description = "'load': the server's heap (default ${DEFAULT-VALUE})")
    int heapMb;

    @Option(names = "--model", description = "model bundle for 'threshold', 'serve' and 'load'")
    Path model;

    @Option(
            names = "--trainer",
            description = "'train': direct (plain Java), dl4j (MultiLayerNetwork.fit) "
                    + "or both (default: -Dbw.trainer, else direct)")
    String trainer;

    @Option(names = "--peer", description = "'serve': a peer scoring endpoint to measure side by side (POST text/csv)")
    URI peer;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs (default ${DEFAULT-VALUE})")
    int runs;

    @Option(
            names = "--app-image",
            paramLabel = "DIR",
            description = "'startup', 'e2e': through the launchers of an app image (e.g. /opt/bearing-workbench, or "
                    + "target/installer/BearingWorkbench) instead of this JVM")
    Path appImage;

    @Override
    public Integer call() throws Exception {
        if ("train".equals(what)) {
            return benchTrain();
        }
        if ("threshold".equals(what)) {
            return benchThreshold();
        }
        if ("physics".equals(what)) {
            return benchPhysics();
        }
        if ("serve".equals(what)) {
            return new ServeBench(dir, model, peer).run();
        }
        if ("load".equals(what)) {
            return new ServeLoad(dir, model, heapMb).run();
        }
        if ("startup".equals(what)) {
            return new StartupBench(dir, runs, appImage).startup();
        }
        if ("e2e".equals(what)) {
            return new StartupBench(dir, runs, appImage).endToEnd();
        }
        if (!"import".equals(what)) {
            System.err.println("unknown benchmark '" + what
                    + "' (known: import, train, threshold, physics, serve, load, startup, e2e)");
            return 2;
        }
        DirectoryImporter importer = new DirectoryImporter();
        importer.importDirectory(dir, TaskContext.silent());
        double best = Double.MAX_VALUE;
        for (int r = 1; r <= runs; r++) {
            ImportResult res = importer.importDirectory(dir, TaskContext.silent());
            best = Math.min(best, res.seconds());
            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %d files, %.1f MB in %.3f s = %.0f MB/s (heap used %.0f MB, max %.0f MB)%n",
                    r,
                    res.table().rowCount(),
                    res.bytes() / 1e6,
                    res.seconds(),
                    res.megabytesPerSecond(),
                    (rt.totalMemory() - rt.freeMemory()) / 1e6,
                    rt.maxMemory() / 1e6);
        }
        System.out.printf(Locale.ROOT, "best: %.3f s%n", best);
        return 0;
    }

    private int benchTrain() throws Exception {
        FeatureTable table = DataSets.open(dir, TaskContext.silent()).table();
        ModelConfig config = ModelConfig.defaults().withEpochs(epochs);
        SplitConfig split = SplitConfig.defaultFor(table);
        System.out.printf(
                Locale.ROOT, "OMP_NUM_THREADS=%s, %s%n", System.getenv("OMP_NUM_THREADS"), ModelRuntime.describe());
        List<TrainingPath> paths = trainer == null
                ? List.of(TrainingPath.configured())
                : "all".equals(trainer) ? List.of(TrainingPath.values()) : List.of(TrainingPath.parse(trainer));
        for (TrainingPath path : paths) {
            TrainingResult r = Trainer.train(
                    table, ColumnSelection.defaults(table), split, config, e -> {}, TaskContext.silent(), path);
            double first = r.history().get(0).seconds();
            double rest = r.history().stream()
                            .skip(1)
                            .mapToDouble(EpochResult::seconds)
                            .sum()
                    / Math.max(1, r.history().size() - 1);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d train rows (%d fit / %d validate), batch %d, %d epochs in "
                            + "%.2f s: first epoch %.3f s, then %.3f s per epoch; loss %.4f val %.4f; process RSS %s%n",
                    path.name().toLowerCase(Locale.ROOT),
                    r.trainRows(),
                    r.fitWindows(),
                    r.validationWindows(),
                    config.batchSize(),
                    r.history().size(),
                    r.seconds(),
                    first,
                    rest,
                    r.last().loss(),
                    r.last().validationLoss(),
                    residentMemory());
        }
        return 0;
    }

    /** The process's resident memory (Linux), or "n/a". */
    private static String residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return "n/a";
    }

    private int benchPhysics() throws Exception {
        ImportResult data = DataSets.open(dir, TaskContext.silent());
        var settings = data.description().physics(PhysicsSettings.ims());
        int signals = data.table().rowCount() * data.table().channels().size();
        double best = Double.MAX_VALUE;
        for (int r = 0; r <= runs; r++) {
            long start = System.nanoTime();
            RunPhysics.compute(data, settings, TaskContext.silent());
            double s = (System.nanoTime() - start) / 1e9;
            if (r == 0) {
                System.out.printf(Locale.ROOT, "warm-up: %.2f s%n", s);
                continue;
            }
            best = Math.min(best, s);
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %d files x %d channels = %d signals of %d samples in %.2f s "
                            + "(%.2f ms per signal, %d threads)%n",
                    r,
                    data.table().rowCount(),
                    data.table().channels().size(),
                    signals,
                    data.table().sampleRows(0),
                    s,
                    s * 1000 / signals,
                    Runtime.getRuntime().availableProcessors());
        }
        System.out.printf(Locale.ROOT, "best: %.2f s (reading and parsing every file again included)%n", best);
        benchPhysicsFused();
        benchPhysicsComputeOnly(data, settings, signals);
        return 0;
    }

    /** The physics computed during the import (each file read once): fused import minus plain import, alternated. */
    private void benchPhysicsFused() throws Exception {
        var base = PhysicsSettings.ims();
        var none = UserSettings.NONE;
        double plain = Double.MAX_VALUE;
        double fused = Double.MAX_VALUE;
        for (int r = 0; r <= runs; r++) {
            long t0 = System.nanoTime();
            DataSets.open(dir, none, TaskContext.silent());
            long t1 = System.nanoTime();
            var imported = RunPhysics.importWith(dir, none, base, TaskContext.silent());
            long t2 = System.nanoTime();
            if (imported.physics() == null) {
                System.out.println("fused: no physics (the data's sample rate, bearing or speed is unknown)");
                return;
            }
            if (r > 0) {
                plain = Math.min(plain, (t1 - t0) / 1e9);
                fused = Math.min(fused, (t2 - t1) / 1e9);
                System.out.printf(
                        Locale.ROOT,
                        "run %d: import %.2f s, import with physics %.2f s%n",
                        r,
                        (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "fused best: import %.2f s, import with physics %.2f s: the physics "
                        + "adds %.2f s (each file read once)%n",
                plain,
                fused,
                fused - plain);
    }

    /**
     * The computation alone, on one thread, over the first 100 files' signals held in memory: the figure to set
     * beside a numpy/scipy loop over the same signals (scripts/peers/physics_numpy.py).
     */
    private static void benchPhysicsComputeOnly(ImportResult data, PhysicsSettings settings, int signals)
            throws Exception {
        var source = data.rawSource().orElseThrow();
        var table = data.table();
        int files = Math.min(100, table.rowCount());
        List<double[]> xs = new ArrayList<>();
        int n = 0;
        var reader = new SnapshotReader();
        for (int i = 0; i < files; i++) {
            var view = source.read(table.file(i), table.timestamp(i), reader);
            for (int c = 0; c < view.channels(); c++) {
                xs.add(Arrays.copyOf(view.channel(c), view.rows()));
            }
            n = view.rows();
        }
        var analysis = settings.analysis();
        float[] row = new float[settings.spectrogramBins()];
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 4; r++) {
            long start = System.nanoTime();
            for (double[] x : xs) {
                Arrays.fill(row, 0);
                RunPhysics.signal(x, n, settings, analysis, row);
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / xs.size());
        }
        System.out.printf(
                Locale.ROOT,
                "compute only, one thread: %.3f ms per signal (best of 3 after a warm-up, "
                        + "%d signals of %d samples) = %.2f s for the run's %d signals on one thread, "
                        + "%.2f s on %d threads%n",
                best,
                xs.size(),
                n,
                best * signals / 1000,
                signals,
                best * signals / 1000 / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
    }

    private int benchThreshold() throws Exception {
        if (model == null) {
            System.err.println("bench threshold needs --model");
            return 2;
        }
        FeatureTable table = DataSets.open(dir, TaskContext.silent()).table();
        var bundle = ModelBundle.load(model);
        var rule = PersistenceRule.defaults();
        var a = Workflows.analyze(table, bundle, null, rule, 1, TaskContext.silent());
        int reps = 20_000;
        double sink = 0;
        long start = 0;
        for (int warm = 0; warm < 2; warm++) {
            start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                var b = a.withThreshold(new ManualThreshold(0.1 + (i % 100) / 200.0), rule);
                sink += b.alarms().flaggedCount()
                        + b.attribution().topChannel(b.table().rowCount() - 1);
            }
        }
        double perCall = (System.nanoTime() - start) / 1e3 / reps;
        System.out.printf(
                Locale.ROOT,
                "threshold change on %d rows: %.1f us per change = %.1f us per 1,000 rows (%s)%n",
                table.rowCount(),
                perCall,
                perCall * 1000 / table.rowCount(),
                sink > 0 ? "ok" : "-");
        return 0;
    }
}
