package org.bearingworkbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.task.CancelledException;
import org.bearingworkbench.task.TaskContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the autoencoder on the training rows of a feature table, as the study does: min-max scaling fitted on the
 * training rows, the last share of training windows held out for validation, rows shuffled every epoch with the
 * config's seed. Reports every epoch; stops between batches when cancelled, keeping the last completed epoch.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    /**
     * ND4J frees the native memory of discarded arrays (and op contexts) when the Java GC finds them; tiny batches
     * make that garbage fast but little heap pressure, so without a nudge native memory grows by gigabytes. The
     * trainer runs a GC every {@link TrainingSteps#batchesPerGc()} batches ({@code -Dbw.gcEveryBatches=N} overrides),
     * which keeps the process near 300 MB (docs/decisions/0002, 0006).
     */
    private static final Integer GC_EVERY_BATCHES = Integer.getInteger("bw.gcEveryBatches");

    /** Called after every completed epoch (from the training thread). */
    @FunctionalInterface
    public interface EpochListener {
        void epochEnded(EpochResult result);
    }

    private Trainer() {}

    public static TrainingResult train(
            FeatureTable table,
            List<String> columns,
            SplitConfig split,
            ModelConfig config,
            EpochListener listener,
            TaskContext context) {
        return train(table, columns, split, config, listener, context, TrainingPath.configured());
    }

    public static TrainingResult train(
            FeatureTable table,
            List<String> columns,
            SplitConfig split,
            ModelConfig config,
            EpochListener listener,
            TaskContext context,
            TrainingPath path) {
        long start = System.nanoTime();
        int trainRows = split.trainRows(table);
        double[][] raw = new double[columns.size()][];
        for (int c = 0; c < raw.length; c++) {
            raw[c] = table.column(columns.get(c));
        }
        checkTrainingValues(raw, columns, trainRows, table);
        MinMaxScaler scaler = MinMaxScaler.fit(raw, trainRows);
        double[][] scaled = scaler.transform(raw);
        int t = config.timesteps();
        int windows = Windows.count(trainRows, t);
        int validation = (int) (windows - (int) (windows * (1 - config.validationSplit())));
        int fit = windows - validation;
        if (fit < 1) {
            throw new IllegalArgumentException("training range has " + trainRows + " rows: too few for " + t
                    + " time steps and a validation split of " + config.validationSplit());
        }
        ModelRuntime.ensureLoaded();
        MultiLayerNetwork net = NetworkFactory.build(config, columns.size());
        LstmAutoencoder model = new LstmAutoencoder(net, columns, scaler, config);
        int[] order = new int[fit];
        for (int i = 0; i < fit; i++) {
            order[i] = i;
        }
        Random shuffle = new Random(config.seed());
        List<EpochResult> history = new ArrayList<>();
        boolean stopped = false;
        long[] batches = {0};
        try (TrainingSteps steps = TrainingSteps.forNetwork(net, config, columns.size(), path)) {
            int gcEvery = GC_EVERY_BATCHES != null ? Math.max(1, GC_EVERY_BATCHES) : steps.batchesPerGc();
            for (int epoch = 1; epoch <= config.epochs() && !stopped; epoch++) {
                long epochStart = System.nanoTime();
                shuffle(order, shuffle);
                Double lossSum = fitEpoch(steps, scaled, order, config.batchSize(), gcEvery, batches, context);
                stopped = lossSum == null;
                if (stopped) {
                    steps.restoreKept();
                    break;
                }
                steps.keep();
                double loss = lossSum / fit / t;
                double valLoss = validation == 0 ? Double.NaN : steps.validationLoss(scaled, fit, windows);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException(String.format(
                            Locale.ROOT,
                            "training diverged at epoch %d: the "
                                    + "loss is %s (try a lower learning rate, or check the columns' values)",
                            epoch,
                            loss));
                }
                EpochResult r = new EpochResult(epoch, loss, valLoss, (System.nanoTime() - epochStart) / 1e9);
                history.add(r);
                listener.epochEnded(r);
                context.progress(
                        epoch,
                        config.epochs(),
                        String.format(
                                Locale.ROOT,
                                "epoch %d/%d  loss %.4f  val %.4f",
                                epoch,
                                config.epochs(),
                                loss,
                                valLoss));
            }
        }
        if (history.isEmpty()) {
            throw new CancelledException();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("trained {} epochs in {} s", history.size(), seconds);
        return new TrainingResult(
                model,
                history,
                table.timestamp(0),
                table.timestamp(trainRows - 1),
                trainRows,
                fit,
                validation,
                seconds,
                stopped,
                TrainingProvenance.of(table, columns, trainRows, path));
    }

    /**
     * One pass over the training windows in {@code order}, batch by batch: the summed loss (weighted by batch size;
     * not finite when training diverges), or null when cancelled between two batches. {@code batches} counts
     * batches across epochs (a GC every {@code gcEvery} keeps native memory flat).
     */
    private static Double fitEpoch(
            TrainingSteps steps,
            double[][] scaled,
            int[] order,
            int batchSize,
            int gcEvery,
            long[] batches,
            TaskContext context) {
        double lossSum = 0;
        for (int b = 0; b < order.length; b += batchSize) {
            if (context.isCancelled()) {
                return null;
            }
            int len = Math.min(batchSize, order.length - b);
            lossSum += steps.fit(scaled, Arrays.copyOfRange(order, b, b + len)) * len;
            if (++batches[0] % gcEvery == 0) {
                System.gc();
            }
        }
        return lossSum;
    }

    /**
     * Refuses training data the network cannot learn from: a non-finite value, or a column whose training range
     * itself overflows the double range (scaled values would be NaN).
     */
    private static void checkTrainingValues(double[][] raw, List<String> columns, int trainRows, FeatureTable table) {
        for (int c = 0; c < raw.length; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < trainRows; r++) {
                double v = raw[c][r];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("cannot train: column " + columns.get(c) + " is " + v
                            + " at row " + (r + 1) + " (" + table.file(r) + ")");
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (!Double.isFinite(hi - lo)) {
                throw new IllegalArgumentException("cannot train: column " + columns.get(c) + " spans " + lo + " .. "
                        + hi + " in the training rows, a range beyond the double range; rescale or drop that column");
            }
        }
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
