package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipOutputStream;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.ChannelInfo;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.Sourced;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.ZipEntries;
import org.bearingworkbench.signal.BearingDesign;
import org.junit.jupiter.api.Test;

/**
 * Bundle format 3 (metadata as JSON): every text field holds any character, and bundles of formats 1 and 2 still
 * open with what they held.
 */
class BundleFormatTest {
    private static final Path BUNDLES = SampleData.root().resolve("src/core/test/resources/bundles");
    /** The writers' separators and non-ASCII: what the properties format split, joined or escaped by hand. */
    private static final String ODD = "SKF 6205|2RS, \"x\"\ttab Übersicht ñ";

    @Test
    void aFormat2BundleOpensWithItsColumnsProvenanceAndDataSet() throws Exception {
        ModelBundle b = ModelBundle.load(BUNDLES.resolve("v2-sample.bwm"));
        assertEquals(16, b.model().columns().size());
        assertEquals("ch1_bpfo", b.model().columns().get(0));
        assertEquals("ch4_mean_abs", b.model().columns().get(15));
        assertEquals(3, b.history().size());
        assertEquals(72, b.provenance().rows());
        assertEquals("Rexnord ZA-2115", b.trainedOn().bearing().value().name());
        assertEquals(20_000.0, b.trainedOn().sampleRateHz().value());
        assertEquals(LocalDateTime.of(2025, 3, 1, 19, 50), b.trainEnd());
    }

    @Test
    void aFormat1BundleStillOpens() throws Exception {
        ModelBundle b = ModelBundle.load(BUNDLES.resolve("v1-sample.bwm"));
        assertNull(b.provenance(), "version 1 had no provenance");
        assertFalse(b.model().columns().isEmpty());
    }

    @Test
    void aSavedBundleIsFormat3JsonAndEveryTextFieldReadsBackAsWritten() throws Exception {
        ModelBundle v2 = ModelBundle.load(BUNDLES.resolve("v2-sample.bwm"));
        List<String> columns = new ArrayList<>(v2.model().columns());
        columns.set(0, ODD); // a column named with a tab split into two columns in format 2
        columns.set(1, "Lager ñ,1");
        LstmAutoencoder renamed = new LstmAutoencoder(
                v2.model().network(), columns, v2.model().scaler(), v2.model().config());
        DataSetDescription odd = new DataSetDescription(
                new Sourced<>(ODD, ValueSource.DETECTED),
                ODD,
                new Sourced<>(12_000.0, ValueSource.USER),
                new Sourced<>(2048, ValueSource.DETECTED),
                Sourced.unknown(),
                List.of(new ChannelInfo(ODD, ODD, 1, ODD), new ChannelInfo("ch2", "", 2, "")),
                ValueSource.USER,
                new Sourced<>(ODD, ValueSource.USER),
                new Sourced<>(1797.0, ValueSource.FORMAT),
                new Sourced<>(new BearingDesign(ODD, 9, 0.3126, 1.537, 0), ValueSource.USER));
        TrainingProvenance p = v2.provenance();
        TrainingProvenance oddProvenance = new TrainingProvenance(
                "/data/" + ODD, p.rows(), p.first(), p.last(), p.contentHash(), p.trainingPath(), 2, ODD, ODD);
        ModelBundle b = new ModelBundle(
                        renamed,
                        v2.trainStart(),
                        v2.trainEnd(),
                        v2.history(),
                        null,
                        null,
                        ODD,
                        Map.of("bearing-workbench", ODD, ODD, "1"),
                        odd,
                        null,
                        oddProvenance)
                .withThreshold(0.25, ODD)
                .withPersistence(ODD);

        byte[] bytes = b.toBytes();
        Map<String, byte[]> entries = ZipEntries.read(new ByteArrayInputStream(bytes));
        assertEquals(
                List.of("bundle.json", "network.zip"),
                entries.keySet().stream().sorted().toList());
        assertEquals(
                "bearing-workbench-model-3",
                new ObjectMapper()
                        .readTree(entries.get("bundle.json"))
                        .get("format")
                        .asText());

        ModelBundle back = ModelBundle.fromBytes(bytes, "odd.bwm");
        assertEquals(columns, back.model().columns());
        assertEquals(odd, back.trainedOn());
        assertEquals(oddProvenance, back.provenance());
        assertEquals(ODD, back.thresholdMethod());
        assertEquals(0.25, back.threshold());
        assertEquals(ODD, back.persistence());
        assertEquals(ODD, back.createdAt());
        assertEquals(Map.of("bearing-workbench", ODD, ODD, "1"), back.versions());
        assertEquals(v2.history(), back.history());
        assertEquals(v2.model().config(), back.model().config());
        assertArrayEquals(v2.model().scaler().min(), back.model().scaler().min());
        assertArrayEquals(v2.model().scaler().max(), back.model().scaler().max());
        assertEquals(v2.trainStart(), back.trainStart());
    }

    @Test
    void aLossThatIsNotANumberSurvivesTheJson() throws Exception {
        ModelBundle v2 = ModelBundle.load(BUNDLES.resolve("v2-sample.bwm"));
        List<EpochResult> h = List.of(new EpochResult(1, 0.4, Double.NaN, 0.01), new EpochResult(2, 0.3, 0.2, 0.01));
        ModelBundle b = new ModelBundle(
                v2.model(),
                v2.trainStart(),
                v2.trainEnd(),
                h,
                null,
                null,
                v2.createdAt(),
                v2.versions(),
                null,
                null,
                null);
        ModelBundle back = ModelBundle.fromBytes(b.toBytes(), "nan.bwm");
        assertTrue(Double.isNaN(back.history().get(0).validationLoss()));
        assertEquals(h.get(1), back.history().get(1));
        assertNull(back.trainedOn());
        assertNull(back.provenance());
    }

    @Test
    void damagedJsonMetadataIsNamed() throws Exception {
        ModelBundle v2 = ModelBundle.load(BUNDLES.resolve("v2-sample.bwm"));
        Map<String, byte[]> entries = ZipEntries.read(new ByteArrayInputStream(v2.toBytes()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            ZipEntries.put(
                    zip,
                    "bundle.json",
                    "{\"format\": \"bearing-workbench-model-3\", \"columns\": [".getBytes(StandardCharsets.UTF_8));
            ZipEntries.put(zip, "network.zip", entries.get("network.zip"));
        }
        var e = assertThrows(InputFormatException.class, () -> ModelBundle.fromBytes(out.toByteArray(), "cut.bwm"));
        assertTrue(e.getMessage().startsWith("cut.bwm: damaged metadata (bundle.json: "), e.getMessage());
    }
}
