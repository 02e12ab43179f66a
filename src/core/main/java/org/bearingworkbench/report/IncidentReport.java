package org.bearingworkbench.report;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.SavedThreshold;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.DetectorComparison;
import org.bearingworkbench.pipeline.prognosis.LifeForecast;
import org.bearingworkbench.pipeline.prognosis.LifeForecaster;
import org.bearingworkbench.pipeline.prognosis.LifeModel;
import org.bearingworkbench.pipeline.prognosis.RemainingLife;
import org.bearingworkbench.signal.EnvelopeSpectrum;
import org.bearingworkbench.signal.FileEnvelope;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.task.TaskContext;

/**
 * The evidence for one run, gathered for an incident report: the data set and its metadata, the model and its
 * settings, the threshold with its explanation and persistence rule, the scored timeline, the first sustained alarm
 * and its lead time, which bearing, the envelope spectrum of the first alarm file (for the channel the model blames
 * and, when another, the one that left its healthy range first), the baseline detectors side by side and the
 * remaining-life estimate. Parts that cannot be computed for this data (no raw files, sample rate or bearing
 * unknown, no alarm) are left out with a note saying why.
 *
 * @param physics  envelope analyses at the alarm file; empty when not available (see {@code notes})
 * @param comparison the detector comparison, or null
 * @param life     the remaining-life evaluation, or null
 * @param lifeModel the life model the forecasts come from, or null
 * @param lifeForecasts its forecasts for the run ({@code rul predict}'s), empty without a model
 */
public record IncidentReport(
        String dataSource,
        ImportResult data,
        ModelBundle bundle,
        String modelSource,
        AnomalyAnalysis analysis,
        List<AlarmPhysics> physics,
        DetectorComparison comparison,
        RemainingLife life,
        LifeModel lifeModel,
        List<LifeForecast> lifeForecasts,
        List<String> notes,
        LocalDateTime created) {

    /** What a report is about: the data (and where it came from), the model (and its file), their analysis. */
    public record Subject(
            String dataSource, ImportResult data, ModelBundle bundle, String modelSource, AnomalyAnalysis analysis) {}

    /** One channel's envelope analysis at the alarm file, and why this channel. */
    public record AlarmPhysics(int row, String channel, String why, FileEnvelope envelope) {
        public String sentence(FeatureTable t) {
            return envelope.sentence(channel, t.file(row));
        }
    }

    /** Why a channel the model does not point to is in the report. */
    static final String OTHERS = "diagnosed with the others";

    /**
     * What to include: the comparison and the remaining life cost a few seconds each; the band may be automatic; a
     * life model (or null) gives the forecasts {@code rul predict} gives.
     */
    public record Options(boolean compare, boolean remainingLife, boolean autoBand, LifeModel lifeModel) {
        public static Options all() {
            return new Options(true, true, true, null);
        }

        public Options withLifeModel(LifeModel model) {
            return new Options(compare, remainingLife, autoBand, model);
        }
    }

    /**
     * Gathers the report's evidence for an analysis already made ({@code a}, with {@code method} and {@code rule});
     * cancellable. {@code base} gives the physics defaults (harmonics, tolerance, band) the data's metadata completes.
     */
    public static IncidentReport assemble(
            Subject subject,
            ThresholdMethod method,
            PersistenceRule rule,
            int channelsPerBearing,
            PhysicsSettings base,
            Options options,
            TaskContext context) {
        ImportResult data = subject.data();
        ModelBundle bundle = subject.bundle();
        AnomalyAnalysis a = subject.analysis();
        List<String> notes = new ArrayList<>();
        context.progress(0, 3, "envelope analysis of the alarm file");
        List<AlarmPhysics> physics = physics(data, a, base, options.autoBand(), notes);
        context.checkCancelled();
        DetectorComparison comparison = null;
        FeatureTable t = a.table();
        if (options.compare()) {
            context.progress(1, 3, "baseline detectors");
            try {
                comparison = DetectorComparison.runWith(
                        t,
                        bundle.model().columns(),
                        new SplitConfig(t.timestamp(a.trainRows() - 1), null),
                        new DetectorComparison.Lstm(bundle, a),
                        method instanceof SavedThreshold ? null : method,
                        rule,
                        channelsPerBearing,
                        context);
            } catch (IllegalArgumentException e) {
                notes.add("No detector comparison: " + e.getMessage());
            }
        }
        context.checkCancelled();
        RemainingLife life = null;
        if (options.remainingLife()) {
            context.progress(2, 3, "health indicator and remaining life");
            List<String> candidates = RemainingLife.candidates(t);
            if (candidates.size() < 1) {
                notes.add("No remaining-life estimate: the data has no per-channel features (chN_...) to build a "
                        + "health indicator from.");
            } else {
                try {
                    life = RemainingLife.of(
                            t, candidates, a.trainRows(), 3, 12, null, RemainingLife.defaultEveryHours(t));
                } catch (IllegalArgumentException e) {
                    notes.add("No remaining-life estimate: " + e.getMessage());
                }
            }
        }
        List<LifeForecast> forecasts = List.of();
        if (options.lifeModel() != null) {
            try {
                forecasts = LifeForecaster.every(options.lifeModel(), t, LifeForecaster.defaultEverySeconds(t));
            } catch (IllegalArgumentException e) {
                notes.add("No forecast from the life model: " + e.getMessage());
            }
        }
        context.progress(3, 3, "report ready");
        return new IncidentReport(
                subject.dataSource(),
                data,
                bundle,
                subject.modelSource(),
                a,
                physics,
                comparison,
                life,
                options.lifeModel(),
                forecasts,
                List.copyOf(notes),
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The row the physics section looks at: the first sustained alarm, else the highest test score. */
    public int alarmRow() {
        return alarmRow(analysis);
    }

    static int alarmRow(AnomalyAnalysis a) {
        if (a.alarms().firstAlarm() >= 0) {
            return a.alarms().firstAlarm();
        }
        double[] s = a.scores().score();
        int best = -1;
        for (int r = a.trainRows(); r < s.length; r++) {
            if (!a.sensor().at(r) && (best < 0 || s[r] > s[best])) {
                best = r;
            }
        }
        return best;
    }

    private static List<AlarmPhysics> physics(
            ImportResult data, AnomalyAnalysis a, PhysicsSettings base, boolean autoBand, List<String> notes) {
        int row = alarmRow(a);
        if (row < 0) {
            notes.add("No envelope analysis: no test rows.");
            return List.of();
        }
        if (data.rawSource().isEmpty()) {
            notes.add(
                    "No envelope analysis: the data was opened from a feature CSV; the raw snapshot files are needed.");
            return List.of();
        }
        List<String> missing = data.description().missingForPhysics();
        if (!missing.isEmpty()) {
            notes.add("No envelope analysis: " + String.join(", ", missing)
                    + " unknown (give them when opening the data).");
            return List.of();
        }
        PhysicsSettings settings = data.description().physics(base);
        Attribution attr = a.attribution();
        List<int[]> wanted = new ArrayList<>();
        List<String> why = new ArrayList<>();
        int top = attr.topChannel(row);
        wanted.add(new int[] {top});
        why.add("largest reconstruction error at this file");
        int first = attr.firstToLeave();
        if (first >= 0 && first != top) {
            wanted.add(new int[] {first});
            why.add("first to leave its training range for good");
        }
        FeatureTable t = a.table();
        SignalView v;
        try {
            v = data.rawSource().get().read(t.file(row), t.timestamp(row), new SnapshotReader());
        } catch (InputFormatException e) {
            notes.add("No envelope analysis: " + e.getMessage());
            return List.of();
        }
        // every channel of the alarm file is diagnosed: the defect may show on a channel other than the one whose
        // reconstruction error is largest; channels with a defect verdict come first, the most confident first
        List<AlarmPhysics> out = new ArrayList<>();
        for (int ch = 1; ch <= v.channels(); ch++) {
            String name = "ch" + ch;
            double[] x = Arrays.copyOf(v.channel(ch - 1), v.rows());
            String problem = EnvelopeSpectrum.unusable(x, x.length, settings.sampleRate());
            if (problem != null) {
                notes.add("No envelope analysis for " + name + " at " + t.file(row) + ": " + problem);
                continue;
            }
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                if (name.equals(a.channels().channel(wanted.get(i)[0]))) {
                    reasons.add(why.get(i));
                }
            }
            out.add(new AlarmPhysics(
                    row,
                    name,
                    reasons.isEmpty() ? OTHERS : String.join("; ", reasons),
                    FileEnvelope.of(x, x.length, settings.sampleRate(), settings, autoBand)));
        }
        // defect verdicts first; among them the channels the model points to, then the strongest evidence
        out.sort(Comparator.comparing(
                        (AlarmPhysics p) -> !p.envelope().diagnosis().verdict().isDefect())
                .thenComparing(p -> p.why().equals(OTHERS))
                .thenComparing(p ->
                        -p.envelope().diagnosis().score(p.envelope().diagnosis().verdict())));
        return List.copyOf(out);
    }
}
