package org.bearingworkbench.pipeline.prognosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.AtomicFiles;

/**
 * A prognostic model learned from runs to failure (docs/decisions/0024): the health trace's feature (RMS unless told;
 * every candidate is ranked across the runs by monotonicity and prognosability); the failure level, learned (the
 * levels the runs ended at) or given in the feature's unit; and each run's life, which gives the life-ratio prior
 * of {@link LifeForecaster}.
 *
 * @param format the file format's version
 * @param feature the measure the health trace is built from ({@code rms}: the largest {@code chN_rms})
 * @param baselineRows rows of a run's start that make its healthy baseline
 * @param window rows in the trace's moving median
 * @param failureLevel the failure level as a multiple of the run's baseline (NaN when {@code failureValue} is given)
 * @param failureValue the failure level in the feature's unit, or NaN when it is learned
 * @param failureSource how the level was set, in words
 * @param histories the runs learned from
 * @param ranking every candidate feature with its measures, best first
 */
public record LifeModel(
        int format,
        String feature,
        int baselineRows,
        int window,
        double failureLevel,
        double failureValue,
        String failureSource,
        List<History> histories,
        List<Candidate> ranking) {
    public static final int FORMAT = 1;
    public static final String DEFAULT_FEATURE = "rms";
    public static final int BASELINE_ROWS = 30;
    public static final int WINDOW = 30;
    private static final int SAMPLE_EVERY = 5;
    private static final long MAX_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One run to failure: its name, life (the age of its last snapshot), the level it ended at and its snapshots'
     * ages (every fifth).
     */
    public record History(String name, double lifeSeconds, double finalLevel, double[] ages) {}

    /**
     * A candidate feature: monotonicity (mean over runs of |ups - downs| / steps of its trace, sampled every
     * {@link #WINDOW} rows), prognosability (exp(-sd / mean) of the runs' final log levels) and their sum (Coble and
     * Hines 2009). Shown to help choose a feature; the default stays {@value #DEFAULT_FEATURE} (decision 0024: on six
     * runs the ranking's pick forecast worse than RMS).
     */
    public record Candidate(String measure, double monotonicity, double prognosability, double fitness) {}

    /** A run to learn from. */
    public record Run(String name, FeatureTable table) {}

    /**
     * Learns from runs to failure. {@code feature} null takes {@value #DEFAULT_FEATURE}; {@code failureValue} NaN
     * learns the failure level.
     */
    public static LifeModel learn(List<Run> runs, String feature, double failureValue) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("learning needs at least two runs to failure, got " + runs.size());
        }
        List<Candidate> ranking = rank(runs);
        String chosen = feature != null ? feature : DEFAULT_FEATURE;
        if (ranking.stream().noneMatch(c -> c.measure().equals(chosen))) {
            throw new IllegalArgumentException("the runs do not all have a non-negative " + chosen + " on every channel"
                    + " (chN_" + chosen + "); they share: "
                    + ranking.stream().map(Candidate::measure).toList());
        }
        List<History> histories = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        for (Run run : runs) {
            HealthTrace trace = HealthTrace.of(run.table(), chosen, BASELINE_ROWS, WINDOW);
            double end = trace.level()[trace.level().length - 1];
            lowest = Math.min(lowest, end);
            double[] ages = new double[(trace.seconds().length + SAMPLE_EVERY - 1) / SAMPLE_EVERY];
            for (int i = 0; i < ages.length; i++) {
                ages[i] = trace.seconds()[i * SAMPLE_EVERY];
            }
            histories.add(new History(run.name(), trace.seconds()[trace.seconds().length - 1], end, ages));
        }
        boolean given = Double.isFinite(failureValue);
        if (!given && !(lowest > 1)) {
            throw new IllegalArgumentException("a run ends at or below its healthy level of " + chosen + " (" + lowest
                    + " x): no failure level can be learned; give one in the feature's unit");
        }
        String source = given
                ? "given: " + chosen + " = " + failureValue
                : String.format(
                        Locale.ROOT,
                        "learned: %.3g x the healthy %s, the lowest level of %d runs at failure",
                        lowest,
                        chosen,
                        runs.size());
        return new LifeModel(
                FORMAT,
                chosen,
                BASELINE_ROWS,
                WINDOW,
                given ? Double.NaN : lowest,
                given ? failureValue : Double.NaN,
                source,
                List.copyOf(histories),
                ranking);
    }

    /** Every feature all runs share with non-negative values, ranked by monotonicity + prognosability. */
    static List<Candidate> rank(List<Run> runs) {
        List<Candidate> out = new ArrayList<>();
        for (String m : HealthTrace.measures(runs.get(0).table())) {
            if (!runs.stream().allMatch(r -> usable(r.table(), m))) {
                continue;
            }
            double mono = 0;
            double[] ends = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                double[] level = HealthTrace.of(runs.get(i).table(), m, BASELINE_ROWS, WINDOW)
                        .level();
                mono += monotonicity(level) / runs.size();
                ends[i] = Math.log(level[level.length - 1]);
            }
            double avg = Arrays.stream(ends).average().orElse(0);
            double mean = Arrays.stream(ends).map(Math::abs).average().orElse(0);
            double sd = Math.sqrt(
                    Arrays.stream(ends).map(e -> (e - avg) * (e - avg)).sum() / Math.max(1, ends.length - 1));
            double prog = mean > 0 ? Math.exp(-sd / mean) : 0;
            if (Double.isFinite(mono) && Double.isFinite(prog)) {
                out.add(new Candidate(m, mono, prog, mono + prog));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::fitness).reversed());
        return out;
    }

    private static boolean usable(FeatureTable t, String measure) {
        for (int ch : t.channels()) {
            String c = "ch" + ch + "_" + measure;
            if (!t.hasColumn(c)) {
                return false;
            }
            double[] v = t.column(c);
            double base = HealthTrace.median(v, 0, Math.min(BASELINE_ROWS, v.length));
            if (!(base > 0) || Arrays.stream(v).anyMatch(x -> x < 0)) {
                return false;
            }
        }
        return true;
    }

    private static double monotonicity(double[] level) {
        int up = 0;
        int down = 0;
        int steps = 0;
        for (int i = WINDOW; i < level.length; i += WINDOW) {
            double d = level[i] - level[i - WINDOW];
            if (d > 0) {
                up++;
            } else if (d < 0) {
                down++;
            }
            steps++;
        }
        return steps == 0 ? 0 : Math.abs(up - down) / (double) steps;
    }

    /**
     * The failure levels a run can still reach at a row, as multiples of its baseline: the given level, or the levels
     * the learned runs ended at that the run has not passed yet (a run above a level and still running did not fail
     * there); when it has passed them all, its highest level so far (failure is due).
     */
    public double[] failureLevelsAt(HealthTrace trace, int row) {
        if (Double.isFinite(failureValue)) {
            return new double[] {failureLevelAt(trace, row)};
        }
        double highest = Arrays.stream(trace.level(), 0, row + 1)
                .filter(Double::isFinite)
                .max()
                .orElse(1);
        double[] ahead = histories.stream()
                .mapToDouble(History::finalLevel)
                .filter(l -> l > highest)
                .toArray();
        return ahead.length > 0 ? new double[] {Arrays.stream(ahead).min().orElseThrow()} : new double[] {highest};
    }

    /** The lowest failure level at a row of a trace, as a multiple of its baseline. */
    public double failureLevelAt(HealthTrace trace, int row) {
        return Double.isFinite(failureValue) ? failureValue / trace.baselineAt(row, baselineRows) : failureLevel;
    }

    public void write(Path file) throws IOException {
        String text = JSON.writeValueAsString(this);
        AtomicFiles.write(file, w -> w.write(text));
    }

    /** Reads a model file, refusing one over 64 MB or of another format with a message that names the file. */
    public static LifeModel read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + ": " + Files.size(file) + " bytes is too large for a life model (at most "
                    + MAX_BYTES + ")");
        }
        LifeModel m;
        try (InputStream in = Files.newInputStream(file)) {
            m = JSON.readValue(in, LifeModel.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a life model (rul learn writes one): " + e.getOriginalMessage(), e);
        }
        if (m.format() != FORMAT || m.histories() == null || m.histories().size() < 2 || m.feature() == null) {
            throw new IOException(file + ": not a life model of format " + FORMAT + " with two or more runs");
        }
        return m;
    }
}
