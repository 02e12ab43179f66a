#!/usr/bin/env python3
"""Peer for `bench physics`: the same envelope analysis in numpy, ONE thread, over the first 100 files of a directory
of IMS snapshots (400 signals), extrapolated to the whole run. Not part of the product (a benchmark peer only).

Per signal: real FFT; the analytic signal of the 2-8 kHz band (2 X[k] on the band's bins, inverse complex FFT);
its magnitude (the envelope); the Hann-windowed amplitude spectrum of the envelope. Loading the text files is not
timed. Usage: python3 physics_numpy.py <IMS test 2 directory> [--signals-in-run 3936]
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def envelope_spectrum(x, fs=20000.0, lo_hz=2000.0, hi_hz=8000.0):
    n = len(x)
    X = np.fft.rfft(x)
    lo = max(1, int(np.ceil(lo_hz * n / fs)))
    hi = min(int(np.floor(hi_hz * n / fs)), (n - 1) // 2)
    c = np.zeros(n, dtype=complex)
    c[lo:hi + 1] = 2 * X[lo:hi + 1]
    env = np.abs(np.fft.ifft(c))
    w = np.hanning(n)
    e = env - env.mean()
    return 2 * np.abs(np.fft.rfft(e * w)) / w.sum()


def main():
    d = sys.argv[1]
    run_signals = int(sys.argv[sys.argv.index("--signals-in-run") + 1]) if "--signals-in-run" in sys.argv else 3936
    files = sorted(f for f in os.listdir(d) if not f.startswith("."))[:100]
    signals = []
    for f in files:
        a = np.loadtxt(os.path.join(d, f))
        signals.extend(a[:, c].copy() for c in range(a.shape[1]))
    best = float("inf")
    for _ in range(4):
        t = time.perf_counter()
        for x in signals:
            envelope_spectrum(x)
        best = min(best, (time.perf_counter() - t) * 1000 / len(signals))
    print(f"numpy {np.__version__}, one thread: {best:.3f} ms per signal ({len(signals)} signals of {len(signals[0])} "
          f"samples) = {best * run_signals / 1000:.2f} s for {run_signals} signals")


if __name__ == "__main__":
    main()
