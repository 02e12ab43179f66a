package org.bearingworkbench.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.ZipEntries;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A model bundle file ({@code .bwm}): one zip holding the DL4J network and {@code bundle.json} with the
 * scaler, config, feature columns, training range, chosen threshold, loss history, library versions and creation
 * time (provenance, so every report can say what produced it), and the description of the data it was trained on
 * ({@code trainedOn}: sample rate, channels, ...; null in bundles written before descriptions existed), and the
 * persistence rule the threshold was tuned with ({@code persistence}, e.g. {@code 3/3}; null in older bundles), and the
 * training provenance ({@code provenance}: the training data's identity and hash, path, threads, machine; null in
 * version 1 bundles and in imported models).
 */
public record ModelBundle(
        LstmAutoencoder model,
        LocalDateTime trainStart,
        LocalDateTime trainEnd,
        List<EpochResult> history,
        Double threshold,
        String thresholdMethod,
        String createdAt,
        Map<String, String> versions,
        DataSetDescription trainedOn,
        String persistence,
        TrainingProvenance provenance) {
    public static final String EXTENSION = ".bwm";
    private static final String NETWORK = "network.zip";
    /** Format 3: the metadata as JSON; bundles of formats 1 and 2 ({@code bundle.properties}) still open. */
    private static final String META = "bundle.json";

    private static final String META_2 = "bundle.properties";

    public ModelBundle {
        history = List.copyOf(history);
        versions = Map.copyOf(versions);
    }

    public static ModelBundle of(TrainingResult r) {
        return new ModelBundle(
                r.model(),
                r.trainStart(),
                r.trainEnd(),
                r.history(),
                null,
                null,
                Instant.now().toString(),
                libraryVersions(),
                null,
                null,
                r.provenance());
    }

    /** A bundle for a model made elsewhere (an imported Keras model) whose healthy range is given by the user. */
    public static ModelBundle imported(LstmAutoencoder model, LocalDateTime trainStart, LocalDateTime trainEnd) {
        return new ModelBundle(
                model,
                trainStart,
                trainEnd,
                List.of(),
                null,
                null,
                Instant.now().toString(),
                libraryVersions(),
                null,
                null,
                null);
    }

    public ModelBundle withThreshold(Double value, String method) {
        return new ModelBundle(
                model,
                trainStart,
                trainEnd,
                history,
                value,
                method,
                createdAt,
                versions,
                trainedOn,
                persistence,
                provenance);
    }

    /** This bundle with the persistence rule its threshold was tuned with ({@code N/M}). */
    public ModelBundle withPersistence(String rule) {
        return new ModelBundle(
                model,
                trainStart,
                trainEnd,
                history,
                threshold,
                thresholdMethod,
                createdAt,
                versions,
                trainedOn,
                rule,
                provenance);
    }

    public Optional<String> persistenceRule() {
        return Optional.ofNullable(persistence);
    }

    /** This bundle recording the data it was trained on. */
    public ModelBundle withDataSet(DataSetDescription description) {
        return new ModelBundle(
                model,
                trainStart,
                trainEnd,
                history,
                threshold,
                thresholdMethod,
                createdAt,
                versions,
                description,
                persistence,
                provenance);
    }

    /**
     * How {@code data} differs from the data this model was trained on (sample rate, samples per snapshot,
     * channels); empty when they match or either is not described.
     */
    public List<String> differencesFrom(DataSetDescription data) {
        return trainedOn == null || data == null ? List.of() : trainedOn.differencesFrom(data);
    }

    public Optional<Double> chosenThreshold() {
        return Optional.ofNullable(threshold);
    }

    public static Map<String, String> libraryVersions() {
        Map<String, String> v = new TreeMap<>();
        v.put("java", System.getProperty("java.version"));
        v.put("deeplearning4j", pkgVersion(MultiLayerNetwork.class, "1.0.0-M2.1"));
        v.put("bearing-workbench", pkgVersion(ModelBundle.class, "dev"));
        return v;
    }

    private static String pkgVersion(Class<?> c, String fallback) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? fallback : v;
    }

    /**
     * Saves the bundle. A model whose last training loss is not finite (it diverged: NaN or infinite weights) or a
     * threshold that is not a positive finite number is refused: such a bundle would score nonsense later.
     */
    public void save(Path target) throws IOException {
        byte[] bytes = toBytes();
        AtomicFiles.writePath(target, temp -> Files.write(temp, bytes));
    }

    /** The bundle file's bytes (as {@link #save} writes them; a project file holds its models so). */
    public byte[] toBytes() throws IOException {
        if (!history.isEmpty()
                && !Double.isFinite(history.get(history.size() - 1).loss())) {
            throw new IllegalStateException("refusing to save the model: its final training loss is "
                    + history.get(history.size() - 1).loss() + " (training diverged; check the input columns)");
        }
        if (threshold != null && !(threshold > 0 && Double.isFinite(threshold))) {
            throw new IllegalStateException("refusing to save the model with threshold " + threshold
                    + ": a threshold is a positive finite score");
        }
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model.network(), net, false);
        byte[] meta = BundleJson.write(new BundleMeta(
                model.config(),
                model.columns(),
                model.scaler().min(),
                model.scaler().max(),
                trainStart,
                trainEnd,
                history,
                threshold,
                thresholdMethod,
                persistence,
                createdAt,
                versions,
                trainedOn,
                provenance));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntries.put(zip, META, meta);
            ZipEntries.put(zip, NETWORK, net.toByteArray());
        }
        return out.toByteArray();
    }

    /** Loads a bundle; a file that is not one, or is truncated or damaged, gives a message saying so. */
    public static ModelBundle load(Path file) throws InputFormatException {
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, name);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file + ": model file not found", e);
        } catch (IOException e) {
            throw new InputFormatException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Why a scaler leaves the model blind, or null: when every column's min equals its max (or either is not a finite
     * number), every row scales to the same input and no row could ever be flagged.
     */
    static String blindScaler(MinMaxScaler scaler, List<String> columns) {
        for (int i = 0; i < scaler.min().length; i++) {
            if (!Double.isFinite(scaler.min()[i]) || !Double.isFinite(scaler.max()[i])) {
                return "the scaler of column " + columns.get(i) + " is " + scaler.min()[i] + " .. " + scaler.max()[i]
                        + ": a damaged bundle; retrain the model or restore a good copy";
            }
        }
        for (int i = 0; i < scaler.min().length; i++) {
            if (scaler.max()[i] > scaler.min()[i]) {
                return null;
            }
        }
        return "the scaler has min = max for every column (" + String.join(", ", columns) + "): every row scales to"
                + " the same input, so the model could never flag one; retrain it on data that varies";
    }

    /** Where a network's parameters hold a NaN or infinity ("weight 12 of 3236 is NaN"), or null when none does. */
    static String nonFiniteWeight(MultiLayerNetwork net) {
        double[] w = net.params().toDoubleVector();
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                return "weight " + (i + 1) + " of " + w.length + " is " + w[i];
            }
        }
        return null;
    }

    /** A bundle from its file's bytes; {@code name} says where they came from in messages. */
    public static ModelBundle fromBytes(byte[] bytes, String name) throws InputFormatException {
        return read(new ByteArrayInputStream(bytes), name);
    }

    private static ModelBundle read(InputStream raw, String name) throws InputFormatException {
        Map<String, byte[]> entries;
        try {
            entries = ZipEntries.read(raw);
        } catch (ZipException | EOFException e) {
            throw new InputFormatException(
                    name + ": not a Bearing Workbench model bundle, or it is truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InputFormatException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        byte[] json = entries.get(META);
        byte[] properties = entries.get(META_2);
        if ((json == null && properties == null) || !entries.containsKey(NETWORK)) {
            throw new InputFormatException(name + ": not a Bearing Workbench model bundle ("
                    + (entries.isEmpty()
                            ? "not a zip, or truncated"
                            : "missing " + (entries.containsKey(NETWORK) ? META : NETWORK))
                    + ")");
        }
        try {
            BundleMeta m = json != null ? BundleJson.read(json, name) : BundleProperties.read(properties, name);
            return withNetwork(m, entries.get(NETWORK), name);
        } catch (InputFormatException e) {
            throw e;
        } catch (IOException
                | IllegalArgumentException
                | IllegalStateException
                | DateTimeException
                | IndexOutOfBoundsException e) {
            // what bad content raises: unreadable numbers, dates, shapes, a network the library cannot restore; any
            // other exception is a fault of this program and goes up as itself (logged with its stack trace)
            throw new InputFormatException(name + ": damaged model bundle (" + e.getMessage() + ")", e);
        }
    }

    /** The bundle of {@code m} and the network's bytes, each checked: a damaged one says what is wrong. */
    private static ModelBundle withNetwork(BundleMeta m, byte[] network, String name)
            throws IOException, InputFormatException {
        MinMaxScaler scaler = new MinMaxScaler(m.scalerMin(), m.scalerMax());
        String blind = blindScaler(scaler, m.columns());
        if (blind != null) {
            throw new InputFormatException(name + ": " + blind);
        }
        CoefficientCheck.check(network, name);
        ModelRuntime.ensureLoaded();
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(network), false);
        String broken = nonFiniteWeight(net);
        if (broken != null) {
            throw new InputFormatException(name + ": " + broken + ": a damaged or diverged model scores nothing "
                    + "(every row would read as not flagged); retrain it or restore a good copy");
        }
        if (net.layerInputSize(0) != m.columns().size()) {
            throw new InputFormatException(name + ": the network reads " + net.layerInputSize(0)
                    + " inputs but the bundle lists " + m.columns().size() + " columns");
        }
        return new ModelBundle(
                new LstmAutoencoder(net, m.columns(), scaler, m.config()),
                m.trainStart(),
                m.trainEnd(),
                m.history(),
                m.threshold(),
                m.thresholdMethod(),
                m.createdAt(),
                m.versions(),
                m.trainedOn(),
                m.persistence(),
                m.provenance());
    }
}
