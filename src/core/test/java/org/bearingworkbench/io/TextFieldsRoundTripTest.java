package org.bearingworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.bearingworkbench.dataset.ChannelInfo;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.DescriptionCodec;
import org.bearingworkbench.dataset.Sourced;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.signal.BearingDesign;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Names with the writers' separators in them read back as they were written. */
class TextFieldsRoundTripTest {
    static List<String> fileNames() {
        return List.of("run 1,part a.csv", "say \"hi\".csv", "a|b.csv", "tab\there.csv", "Lager Übersicht ñ.csv");
    }

    static List<String> texts() {
        return List.of("SKF 6205|2RS", "tab\tname", "back\\slash", "quote \"x\", comma", "Übersicht ñ");
    }

    @ParameterizedTest
    @MethodSource("fileNames")
    void aFeatureTablesFileNamesReadBackAsWritten(String name) throws Exception {
        FeatureTable t = FeatureTable.of(
                "t",
                null,
                List.of(LocalDateTime.of(2025, 3, 1, 8, 0), LocalDateTime.of(2025, 3, 1, 8, 10)),
                List.of(name, "plain.csv"),
                new int[] {2048, 2048},
                Map.of("ch1_rms", new double[] {0.1, 0.2}));
        StringWriter w = new StringWriter();
        FeatureCsv.write(t, w);
        FeatureTable back =
                FeatureCsv.load(new StringReader(w.toString()), "test").table();
        assertEquals(name, back.file(0));
        assertEquals(0.1, back.column("ch1_rms")[0]);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void aDescriptionsTextFieldsSurviveTheBundleCodec(String text) {
        DataSetDescription d = new DataSetDescription(
                new Sourced<>("mat", ValueSource.DETECTED),
                "",
                new Sourced<>(12_000.0, ValueSource.USER),
                new Sourced<>(2048, ValueSource.DETECTED),
                Sourced.unknown(),
                List.of(new ChannelInfo("ch1", text, 1, text), new ChannelInfo("ch2", "plain", 2, "")),
                ValueSource.DETECTED,
                new Sourced<>("g", ValueSource.USER),
                new Sourced<>(1797.0, ValueSource.FORMAT),
                new Sourced<>(new BearingDesign(text, 9, 0.3126, 1.537, 0), ValueSource.USER));
        assertEquals(d, DescriptionCodec.decode(DescriptionCodec.encode(d)));
    }
}
