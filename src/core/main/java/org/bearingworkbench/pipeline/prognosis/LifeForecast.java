package org.bearingworkbench.pipeline.prognosis;

import java.time.LocalDateTime;

/**
 * A remaining-life forecast at one snapshot, from that snapshot and the ones before it.
 *
 * @param ageSeconds the run's age at the snapshot
 * @param level the health trace there (multiples of the healthy baseline)
 * @param failureLevel the failure level there, in the same unit
 * @param rulSeconds the decision value: the remaining life that maximises the expected PHM 2012 score under the
 *                   forecast's distribution (lower than the median: late forecasts cost more than early ones)
 * @param medianSeconds the distribution's median
 * @param lowSeconds its 5th percentile
 * @param highSeconds its 95th percentile
 * @param method which model gave it, in words
 */
public record LifeForecast(
        LocalDateTime time,
        int row,
        String file,
        double ageSeconds,
        double level,
        double failureLevel,
        double rulSeconds,
        double medianSeconds,
        double lowSeconds,
        double highSeconds,
        String method) {}
