package org.bearingworkbench.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bearingworkbench.signal.diagnosis.DefectEvidence;
import org.bearingworkbench.signal.diagnosis.Diagnosis;
import org.bearingworkbench.signal.diagnosis.EvidenceLine;
import org.bearingworkbench.signal.diagnosis.Verdict;

/** Diagnoses as JSON (Jackson) and CSV (commons-csv): the one way {@code envelope} and {@code diagnose} write them. */
public final class DiagnosisOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<Verdict> DEFECTS = List.of(Verdict.BPFO, Verdict.BPFI, Verdict.BSF, Verdict.FTF);

    /** The CSV columns, in order. */
    public static final List<String> COLUMNS = List.of(
            "file",
            "channel",
            "channel_label",
            "verdict",
            "confidence",
            "band_low_hz",
            "band_high_hz",
            "band_choice",
            "rpm",
            "rpm_source",
            "sample_rate_hz",
            "sample_rate_source",
            "samples",
            "score_bpfo",
            "score_bpfi",
            "score_bsf",
            "score_ftf",
            "evidence",
            "reason");

    private DiagnosisOutput() {}

    /** One row as a JSON object: verdict, confidence, channel, band_hz, evidence and the rest. */
    public static Map<String, Object> object(FileDiagnoses.Row r, double threshold) {
        Diagnosis d = r.diagnosis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("channel", r.channel());
        m.put("channel_label", r.channelLabel());
        m.put("verdict", d.verdict().label());
        m.put("meaning", d.verdict().meaning());
        m.put("confidence", round(d.confidence()));
        m.put(
                "band_hz",
                d.band() == null
                        ? null
                        : List.of(round(d.band().lowHz()), round(d.band().highHz())));
        m.put("band_choice", d.band() == null ? null : d.band().how());
        m.put("sample_rate_hz", r.sampleRate());
        m.put("sample_rate_source", r.sampleRateSource());
        m.put("rpm", Double.isNaN(r.rpm()) ? null : round(r.rpm()));
        m.put("rpm_source", r.rpmSource());
        m.put("samples", r.samples());
        m.put("evidence", d.evidence().stream().map(DiagnosisOutput::line).toList());
        m.put("shaft_lines", d.shaftLines().stream().map(DiagnosisOutput::line).toList());
        Map<String, Object> scores = new LinkedHashMap<>();
        for (DefectEvidence e : d.defects()) {
            scores.put(e.defect().name(), e.judged() ? round(e.score()) : e.note());
        }
        m.put("scores", scores);
        m.put("threshold", threshold);
        m.put("reason", d.reason());
        return m;
    }

    private static Map<String, Object> line(EvidenceLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", l.label());
        m.put("frequency_hz", round(l.frequencyHz()));
        m.put("expected_hz", round(l.expectedHz()));
        m.put("over_floor", round(l.overFloor()));
        if (!l.sharedWith().isEmpty()) {
            m.put("shared_with", l.sharedWith());
        }
        return m;
    }

    /** Jackson's text of a value (an object or a list of them), indented. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the rows as CSV with a header (quoted where a field needs it). */
    public static void csv(List<FileDiagnoses.Row> rows, Writer out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            p.printRecord(COLUMNS);
            for (FileDiagnoses.Row r : rows) {
                p.printRecord(record(r));
            }
        }
    }

    private static List<Object> record(FileDiagnoses.Row r) {
        Diagnosis d = r.diagnosis();
        List<Object> v = new ArrayList<>();
        v.add(r.file());
        v.add(r.channel());
        v.add(r.channelLabel());
        v.add(d.verdict().label());
        v.add(round(d.confidence()));
        v.add(d.band() == null ? "" : round(d.band().lowHz()));
        v.add(d.band() == null ? "" : round(d.band().highHz()));
        v.add(d.band() == null ? "" : d.band().how());
        v.add(Double.isNaN(r.rpm()) ? "" : round(r.rpm()));
        v.add(r.rpmSource());
        v.add(r.sampleRate());
        v.add(r.sampleRateSource());
        v.add(r.samples());
        for (Verdict t : DEFECTS) {
            v.add(d.defects().isEmpty() ? "" : round(d.score(t)));
        }
        v.add(d.evidence().stream().limit(4).map(EvidenceLine::describe).collect(Collectors.joining("; ")));
        v.add(d.reason());
        return v;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
