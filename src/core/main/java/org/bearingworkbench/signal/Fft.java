package org.bearingworkbench.signal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * FFT plans and Hann windows, made once per length and reused: a JTransforms plan for 20,480 points costs more to
 * build (its twiddle tables) than the transform itself, and the physics pass transforms thousands of signals of one
 * length. Plans are kept per thread (a plan's work arrays are not for sharing); windows are read-only and shared.
 * JTransforms runs single-threaded here: callers parallelise over signals, which scales better than splitting one
 * transform.
 */
public final class Fft {
    private static final ThreadLocal<Map<Integer, DoubleFFT_1D>> PLANS = ThreadLocal.withInitial(HashMap::new);
    private static final Map<Integer, Window> WINDOWS = new ConcurrentHashMap<>();

    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    /** A Hann window of n points and its sum (the coherent gain a spectrum divides by). */
    public record Window(double[] weights, double sum) {}

    private Fft() {}

    /**
     * |re + i im|: a square root of the squares (several times faster than {@code Math.hypot}, which matters at 40
     * million calls per run), falling back to {@code hypot} where the squares would overflow or lose precision.
     */
    public static double magnitude(double re, double im) {
        double m = Math.sqrt(re * re + im * im);
        return m < 1e150 && m > 1e-150 ? m : Math.hypot(re, im);
    }

    /** This thread's plan for {@code n} points. */
    public static DoubleFFT_1D plan(int n) {
        return PLANS.get().computeIfAbsent(n, DoubleFFT_1D::new);
    }

    /** The symmetric Hann window of {@code n} points, {@code 0.5 - 0.5 cos(2 pi i / (n - 1))}. */
    public static Window hann(int n) {
        return WINDOWS.computeIfAbsent(n, len -> {
            double[] w = new double[len];
            double sum = 0;
            for (int i = 0; i < len; i++) {
                w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (len - 1));
                sum += w[i];
            }
            return new Window(w, sum);
        });
    }
}
