package org.bearingworkbench.signal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * A synthetic run-to-failure in the IMS shape: each snapshot has shaft harmonics and noise on every channel, and
 * from {@code defectStart} (a fraction of the run) on, one bearing develops an outer-race defect: impulses at BPFO
 * that ring a high-frequency structural resonance, growing until the end of the run. Deterministic for a seed.
 */
public record SyntheticRun(
        int files,
        int rows,
        int channels,
        double sampleRate,
        LocalDateTime start,
        Duration interval,
        int faultyChannel,
        double defectStart,
        long seed) {
    public static final double SHAFT_HZ = 2000 / 60.0;
    public static final double BPFO_HZ = 236.4;
    public static final double RESONANCE_HZ = 4300;

    /** The bundled sample: 160 files of 2,048 rows, 4 channels, bearing 1 failing in the last 30%. */
    public static SyntheticRun sample() {
        return new SyntheticRun(
                160, 2048, 4, 20000, LocalDateTime.of(2025, 3, 1, 8, 0, 0), Duration.ofMinutes(10), 1, 0.70, 2004);
    }

    /** Full-size run like IMS test 2 (984 files x 20,480 rows), for benchmarks. */
    public static SyntheticRun fullSize() {
        return new SyntheticRun(
                984, 20480, 4, 20000, LocalDateTime.of(2025, 3, 1, 8, 0, 0), Duration.ofMinutes(10), 1, 0.70, 2004);
    }

    public LocalDateTime timestamp(int file) {
        return start.plus(interval.multipliedBy(file));
    }

    /** Defect severity of file {@code file}: 0 before the defect starts, growing to 1 at the last file. */
    public double severity(int file) {
        double x = (file / (double) Math.max(1, files - 1) - defectStart) / (1 - defectStart);
        if (x <= 0) {
            return 0;
        }
        return (Math.exp(3 * x) - 1) / (Math.exp(3) - 1);
    }

    /** The samples of one file: {@code [channel][row]}, rounded to 3 decimals like the IMS recordings. */
    public double[][] snapshot(int file) {
        Random rnd = new Random(seed * 1_000_003L + file);
        double[][] out = new double[channels][rows];
        double sev = severity(file);
        for (int c = 0; c < channels; c++) {
            double noise = 0.065 + 0.008 * c + 0.002 * Math.sin(file * 0.05 + c);
            double offset = -0.01 + 0.004 * c;
            double phase = rnd.nextDouble() * 2 * Math.PI;
            boolean faulty = c + 1 == faultyChannel;
            double channelNoise = noise * (faulty ? 1 + 1.5 * sev : 1 + 0.2 * sev);
            for (int i = 0; i < rows; i++) {
                double t = i / sampleRate;
                double v = offset
                        + 0.02 * Math.sin(2 * Math.PI * SHAFT_HZ * t + phase)
                        + 0.01 * Math.sin(4 * Math.PI * SHAFT_HZ * t + 2 * phase)
                        + channelNoise * rnd.nextGaussian();
                out[c][i] = v;
            }
            if (faulty && sev > 0) {
                addDefectImpulses(out[c], sev, rnd);
            }
            for (int i = 0; i < rows; i++) {
                out[c][i] = Math.round(out[c][i] * 1000) / 1000.0;
            }
        }
        return out;
    }

    private void addDefectImpulses(double[] x, double sev, Random rnd) {
        double amplitude = 1.2 * sev;
        double decay = 900;
        double period = 1 / BPFO_HZ;
        double t0 = rnd.nextDouble() * period;
        int ring = (int) (sampleRate * 5 / decay);
        for (double t = t0; t < rows / sampleRate; t += period * (1 + 0.01 * rnd.nextGaussian())) {
            int s0 = (int) (t * sampleRate);
            double a = amplitude * (0.8 + 0.4 * rnd.nextDouble());
            for (int k = 0; k < ring && s0 + k < x.length; k++) {
                double tau = k / sampleRate;
                x[s0 + k] += a * Math.exp(-decay * tau) * Math.sin(2 * Math.PI * RESONANCE_HZ * tau);
            }
        }
    }
}
