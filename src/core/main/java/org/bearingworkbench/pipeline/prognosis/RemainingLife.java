package org.bearingworkbench.pipeline.prognosis;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bearingworkbench.detect.Alarms;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.SensorProblems;
import org.bearingworkbench.detect.ThresholdResult;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.features.FeatureTable;

/**
 * Remaining useful life of one run: rank the features ({@link FeatureRanking}), build a health indicator from the
 * best {@code top} ({@link HealthIndicator}), find where it leaves its healthy range for good (the default robust
 * threshold fitted on the training rows, persistence 3/3: the degradation onset), and from there update an
 * {@link ExponentialDegradation} model with each new row and forecast the remaining life to the failure threshold
 * on the indicator. Every forecast uses only the rows up to its time.
 *
 * @param failureThreshold the indicator level taken as failure
 * @param failureSource where it came from: given, or none (then there are no estimates: a run's last file is never
 *                      taken for its failure)
 * @param onset the row where the indicator's sustained alarm starts, or -1 when it never does
 */
public record RemainingLife(
        FeatureRanking ranking,
        HealthIndicator indicator,
        double onsetThreshold,
        double failureThreshold,
        String failureSource,
        int onset,
        List<Estimate> estimates) {

    /** A forecast at one time; {@code actualHours} is NaN (kept for the report's layout). */
    public record Estimate(
            LocalDateTime time,
            int row,
            double indicator,
            ExponentialDegradation.Forecast forecast,
            double actualHours) {}

    /**
     * The features a health indicator is built from by default: every per-channel feature ({@code chN_...}, not
     * clipping).
     */
    public static List<String> candidates(FeatureTable t) {
        return t.featureColumns().stream()
                .filter(c -> c.matches("ch\\d+_.*") && !c.endsWith("_clip"))
                .toList();
    }

    /** About eight forecasts over a run: every 12 hours on a run of four days or more, more often on a shorter one. */
    public static double defaultEveryHours(FeatureTable t) {
        double hours =
                Duration.between(t.timestamp(0), t.timestamp(t.rowCount() - 1)).toSeconds() / 3600.0;
        return hours >= 96 ? 12 : Math.max(hours / 8, 1 / 60.0);
    }

    public static RemainingLife of(
            FeatureTable t,
            List<String> candidates,
            int trainRows,
            int top,
            int smoothing,
            Double failureThreshold,
            double everyHours) {
        FeatureRanking ranking = FeatureRanking.of(t, candidates, smoothing);
        SensorProblems sensor = SensorProblems.of(t);
        HealthIndicator hi = HealthIndicator.of(
                t, ranking.top(Math.min(top, candidates.size())), trainRows, smoothing, sensor.flags());
        double[] h = hi.values();
        double[] train = Arrays.copyOf(h, trainRows);
        PersistenceRule rule = PersistenceRule.defaults();
        ThresholdResult onsetThreshold = Thresholds.defaultMethod(rule).apply(train);
        Alarms alarms = Alarms.compute(h, trainRows, onsetThreshold.value(), rule);
        int onset = alarms.firstAlarm();
        int last = h.length - 1;
        while (last > 0 && sensor.at(last)) {
            last--;
        }
        double failure = failureThreshold != null ? failureThreshold : Double.NaN;
        String source = failureThreshold != null
                ? "given"
                : "none given: forecasts need a failure level (--failure-threshold) or a life model (rul learn)";
        List<Estimate> estimates = new ArrayList<>();
        if (onset < 0 || failureThreshold == null) {
            return new RemainingLife(ranking, hi, onsetThreshold.value(), failure, source, onset, estimates);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean = 0;
        for (double v : train) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            mean += v / train.length;
        }
        double range = Math.max(max - min, 1e-9);
        double phi = min - range;
        double sigma2 = 0;
        double lm = 0;
        for (double v : train) {
            lm += Math.log(v - phi) / train.length;
        }
        for (double v : train) {
            sigma2 += (Math.log(v - phi) - lm) * (Math.log(v - phi) - lm) / Math.max(1, train.length - 1);
        }
        LocalDateTime t0 = t.timestamp(0);
        double trainNoise = Math.max(sigma2, 1e-4);
        double next = 0;
        for (int r = onset; r < t.rowCount(); r++) {
            double since = hours(t.timestamp(onset), t.timestamp(r));
            if (since < next) {
                continue;
            }
            next += everyHours;
            // the noise of ln(h - phi) since the onset (the degradation is noisier than the healthy level): the
            // posterior is rebuilt with it from the prior and every row since the onset, so the band is honest
            double residual = residualVariance(t, t0, h, phi, onset, r);
            double noise = Math.max(trainNoise, residual);
            ExponentialDegradation model = new ExponentialDegradation(
                    phi, new double[] {Math.log(mean - phi), 0}, new double[][] {{1, 0}, {0, 1.0 / (24 * 24)}}, noise);
            for (int k = onset; k <= r; k++) {
                model.update(hours(t0, t.timestamp(k)), h[k]);
            }
            estimates.add(new Estimate(
                    t.timestamp(r), r, h[r], model.forecast(hours(t0, t.timestamp(r)), failure, 1234 + r), Double.NaN));
        }
        return new RemainingLife(ranking, hi, onsetThreshold.value(), failure, source, onset, List.copyOf(estimates));
    }

    /**
     * Residual variance of a least-squares line through ln(h - phi) over rows {@code from..to}; 0 with fewer than
     * 3.
     */
    private static double residualVariance(FeatureTable t, LocalDateTime t0, double[] h, double phi, int from, int to) {
        int n = to - from + 1;
        if (n < 3) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = hours(t0, t.timestamp(from + k));
            y[k] = Math.log(Math.max(h[from + k] - phi, 1e-12));
            mx += x[k] / n;
            my += y[k] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < n; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        double b = sxx > 0 ? sxy / sxx : 0;
        double ss = 0;
        for (int k = 0; k < n; k++) {
            double e = y[k] - (my + b * (x[k] - mx));
            ss += e * e;
        }
        return ss / (n - 2);
    }

    private static double hours(LocalDateTime a, LocalDateTime b) {
        return Duration.between(a, b).toSeconds() / 3600.0;
    }
}
