package org.bearingworkbench.model;

import java.util.List;
import java.util.stream.IntStream;
import org.bearingworkbench.features.FeatureTable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained (or imported) LSTM autoencoder with what it needs to score a feature table: the DL4J network, the
 * feature columns it reads, their scaler, and its config.
 *
 * <p>Scoring with windows (time steps N &gt; 1): row r's errors come from the window that ends at r (its last step);
 * the first N-1 rows, which no window ends at, take their errors from the first window at their own position.
 */
public final class LstmAutoencoder {
    private static final int SCORE_BATCH = 2048;

    private final MultiLayerNetwork network;
    private final List<String> columns;
    private final MinMaxScaler scaler;
    private final ModelConfig config;
    /** Built on first use from the network's weights (which do not change once scoring starts). */
    private volatile DirectForward direct;

    public LstmAutoencoder(MultiLayerNetwork network, List<String> columns, MinMaxScaler scaler, ModelConfig config) {
        if (columns.size() != scaler.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but a scaler for " + scaler.size());
        }
        this.network = network;
        this.columns = List.copyOf(columns);
        this.scaler = scaler;
        this.config = config;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public List<String> columns() {
        return columns;
    }

    public MinMaxScaler scaler() {
        return scaler;
    }

    public ModelConfig config() {
        return config;
    }

    /** The precision the network computes in. */
    public DataType dataType() {
        return network.params().dataType();
    }

    public long parameterCount() {
        return network.numParams();
    }

    /** Checks that {@code table} has every column this model reads, with a message naming the missing ones. */
    public void checkColumns(FeatureTable table) {
        List<String> missing = columns.stream().filter(c -> !table.hasColumn(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the model reads columns " + columns + " but the data lacks " + missing
                    + " (data has " + table.featureColumns().size() + " columns: "
                    + table.featureColumns().stream().limit(8).toList()
                    + (table.featureColumns().size() > 8 ? "…" : "") + ")");
        }
    }

    /** Scaled model inputs of {@code table}: {@code [column][row]}. */
    public double[][] scaledInputs(FeatureTable table) {
        checkColumns(table);
        double[][] raw = new double[columns.size()][];
        for (int c = 0; c < raw.length; c++) {
            raw[c] = table.column(columns.get(c));
        }
        return scaler.transform(raw);
    }

    public Scores score(FeatureTable table) {
        return score(scaledInputs(table));
    }

    /** Scores scaled inputs {@code [column][row]}: per-row absolute errors of the reconstruction and their mean. */
    public Scores score(double[][] scaled) {
        return score(scaled, reconstruct(scaled));
    }

    /**
     * As {@link #score(double[][])}, through the plain-Java forward pass ({@link DirectForward}): for a few rows at a
     * time (the scoring service, live streams), where DL4J's fixed cost per call dominates. Agrees with it to float
     * rounding.
     */
    public Scores scoreDirect(double[][] scaled) {
        return score(scaled, reconstructDirect(scaled));
    }

    /** The reconstruction as {@link #reconstruct}, through the plain-Java forward pass. */
    public double[][] reconstructDirect(double[][] scaled) {
        int f = scaled.length;
        int rows = scaled[0].length;
        int t = config.timesteps();
        checkShape(f, rows, t);
        DirectForward forward = direct();
        double[][] result = new double[rows][];
        int windows = Windows.count(rows, t);
        int parts = windows >= 256 ? Math.min(Runtime.getRuntime().availableProcessors(), windows / 128) : 1;
        IntStream.range(0, parts).parallel().forEach(p -> {
            double[][] window = new double[t][f];
            DirectForward.Scratch scratch = forward.scratch();
            for (int w = windows * p / parts; w < windows * (p + 1) / parts; w++) {
                for (int step = 0; step < t; step++) {
                    for (int c = 0; c < f; c++) {
                        window[step][c] = scaled[c][w + step];
                    }
                }
                double[][] out = forward.window(window, scratch);
                if (w == 0) {
                    for (int step = 0; step < t - 1; step++) {
                        result[step] = out[step];
                    }
                }
                result[w + t - 1] = out[t - 1];
            }
        });
        return result;
    }

    private DirectForward direct() {
        DirectForward d = direct;
        if (d == null) {
            synchronized (network) {
                d = new DirectForward(network, config, columns.size(), dataType() != DataType.DOUBLE);
            }
            direct = d;
        }
        return d;
    }

    private void checkShape(int f, int rows, int t) {
        if (f != columns.size()) {
            throw new IllegalArgumentException(f + " input columns; the model reads " + columns.size());
        }
        if (rows < t) {
            throw new IllegalArgumentException(
                    "only " + rows + " rows; the model needs at least " + t + " consecutive rows (its time steps)");
        }
    }

    private Scores score(double[][] scaled, double[][] out) {
        int f = scaled.length;
        int rows = scaled[0].length;
        double[][] errors = new double[rows][f];
        double[][] scaledRows = new double[rows][f];
        double[] score = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < f; c++) {
                double seen = dataType() == DataType.DOUBLE ? scaled[c][r] : (float) scaled[c][r];
                errors[r][c] = Math.abs(out[r][c] - seen);
                scaledRows[r][c] = scaled[c][r];
                s += errors[r][c];
            }
            score[r] = s / f;
        }
        return new Scores(score, errors, scaledRows);
    }

    /**
     * The network's reconstruction of every row, {@code [row][column]}: from the window that ends at the row, and for
     * the first time steps-1 rows from the first window.
     */
    public double[][] reconstruct(double[][] scaled) {
        int f = scaled.length;
        int rows = scaled[0].length;
        int t = config.timesteps();
        checkShape(f, rows, t);
        int windows = Windows.count(rows, t);
        double[][] result = new double[rows][f];
        for (int from = 0; from < windows; from += SCORE_BATCH) {
            int to = Math.min(windows, from + SCORE_BATCH);
            INDArray in = Windows.range(scaled, from, to, t, dataType());
            double[] o;
            synchronized (network) { // a DL4J network's output() is not safe from several threads at once
                o = network.output(in, false).dup('c').data().asDouble();
            }
            for (int w = from; w < to; w++) {
                int base = (w - from) * f * t;
                if (w == 0) {
                    for (int step = 0; step < t - 1; step++) {
                        fill(result[step], o, base, f, t, step);
                    }
                }
                fill(result[w + t - 1], o, base, f, t, t - 1);
            }
        }
        return result;
    }

    private static void fill(double[] row, double[] out, int base, int f, int t, int step) {
        for (int c = 0; c < f; c++) {
            row[c] = out[base + c * t + step];
        }
    }
}
