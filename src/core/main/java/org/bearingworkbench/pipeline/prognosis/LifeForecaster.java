package org.bearingworkbench.pipeline.prognosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bearingworkbench.features.FeatureTable;

/**
 * Remaining-life forecasts from a {@link LifeModel} (docs/decisions/0024). At a snapshot of age t:
 *
 * <ul>
 *   <li><b>Life-ratio prior</b>, always: a snapshot of a history at age s, of a run that lived L, left (L - s) / s of
 *       its age to live; scaled by t, every history's snapshots (each history weighing the same) give the remaining
 *       life's distribution when nothing else is known. It is scale-free: bearings that live 1.5 h and 8 h alike.
 *   <li><b>Exponential degradation</b>, once the health trace has been above the onset level (the geometric middle
 *       of healthy and failure) for three snapshots: a least-squares line through the log trace since it crossed,
 *       drawn from its sampling distribution, gives the time to a failure level (each draw one of the levels the
 *       learned runs failed at that this run has not passed yet); a draw that does not rise takes a draw of the prior
 *       instead.
 * </ul>
 *
 * The forecast is the distribution's 5th, 50th and 95th percentiles and a decision value, the remaining life that
 * maximises the expected PHM 2012 score under it (the score punishes late forecasts four times as hard as early).
 * Only rows up to the snapshot are read.
 */
public final class LifeForecaster {
    static final int DRAWS = 2000;
    private static final int MIN_ROWS = 3;

    private LifeForecaster() {}

    /** About eight forecasts over a run: an eighth of its length apart (at least a second). */
    public static double defaultEverySeconds(FeatureTable t) {
        double[] ages = HealthTrace.ages(t);
        return Math.max(1, (ages[ages.length - 1] - ages[0]) / 8);
    }

    /** Forecasts every {@code everySeconds} of the run's age, and always at its last snapshot. */
    public static List<LifeForecast> every(LifeModel model, FeatureTable t, double everySeconds) {
        HealthTrace trace = HealthTrace.of(t, model.feature(), model.baselineRows(), model.window());
        List<LifeForecast> out = new ArrayList<>();
        double next = 0;
        int last = t.rowCount() - 1;
        for (int r = 0; r <= last; r++) {
            if (trace.seconds()[r] >= next || r == last) {
                out.add(at(model, t, trace, r));
                while (next <= trace.seconds()[r]) {
                    next += everySeconds;
                }
            }
        }
        return out;
    }

    /** The forecast at one row (the trace must be the model's, of this table). */
    public static LifeForecast at(LifeModel model, FeatureTable t, HealthTrace trace, int row) {
        double age = trace.seconds()[row];
        double[] levels = model.failureLevelsAt(trace, row);
        double failure = Arrays.stream(levels).min().orElseThrow();
        double[] prior = prior(model, age);
        double[] draws = prior;
        String method = "life-ratio prior of " + model.histories().size() + " runs (no degradation seen)";
        double onset = Math.sqrt(failure);
        double[] level = trace.level();
        int from = row;
        while (from > 0 && level[from - 1] > onset) {
            from--;
        }
        if (failure > 1 && level[row] > onset && row - from + 1 >= MIN_ROWS) {
            draws = degradation(trace, from, row, levels, prior, row);
            method = String.format(
                    Locale.ROOT,
                    "exponential degradation since %s (%.3g x healthy) to the failure level %.3g x",
                    t.file(from),
                    level[from],
                    failure);
        }
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        return new LifeForecast(
                t.timestamp(row),
                row,
                t.file(row),
                age,
                level[row],
                failure,
                PhmScore.bestGuess(sorted),
                quantile(sorted, 0.5),
                quantile(sorted, 0.05),
                quantile(sorted, 0.95),
                method);
    }

    /** {@value #DRAWS} equally weighted draws of the life-ratio prior at age {@code age} (stratified quantiles). */
    static double[] prior(LifeModel model, double age) {
        List<double[]> ratios = new ArrayList<>();
        for (LifeModel.History h : model.histories()) {
            long n = Arrays.stream(h.ages()).filter(s -> s < h.lifeSeconds()).count();
            for (double s : h.ages()) {
                if (s < h.lifeSeconds()) {
                    ratios.add(new double[] {(h.lifeSeconds() - s) / s, 1.0 / n});
                }
            }
        }
        ratios.sort((a, b) -> Double.compare(a[0], b[0]));
        double total = ratios.stream().mapToDouble(r -> r[1]).sum();
        double[] out = new double[DRAWS];
        int k = 0;
        double cum = ratios.get(0)[1] / total;
        for (int i = 0; i < DRAWS; i++) {
            double q = (i + 0.5) / DRAWS;
            while (cum < q && k < ratios.size() - 1) {
                k++;
                cum += ratios.get(k)[1] / total;
            }
            out[i] = Math.max(ratios.get(k)[0] * age, 1);
        }
        return out;
    }

    /**
     * Draws of the time for ln(level) to reach the log of a failure level (one of {@code failure} per draw) along a
     * line fitted on rows {@code from..to}.
     */
    private static double[] degradation(
            HealthTrace trace, int from, int to, double[] failure, double[] prior, long seed) {
        int n = to - from + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            x[i] = trace.seconds()[from + i];
            y[i] = Math.log(trace.level()[from + i]);
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double b = sxx > 0 ? sxy / sxx : 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - my - b * (x[i] - mx);
            ss += e * e;
        }
        double s2 = Math.max(ss / Math.max(1, n - 2), 1e-4);
        double seB = sxx > 0 ? Math.sqrt(s2 / sxx) : 0;
        double seLevel = Math.sqrt(s2 / n);
        double now = trace.seconds()[to];
        Random random = new Random(seed);
        double[] out = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            double slope = b + seB * random.nextGaussian();
            double atMean = my + seLevel * random.nextGaussian();
            double target = Math.log(failure[random.nextInt(failure.length)]);
            if (slope > 0) {
                double reach = mx + (target - atMean) / slope;
                out[i] = Math.max(reach - now, 1);
            } else {
                out[i] = prior[random.nextInt(prior.length)];
            }
        }
        return out;
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
