package org.bearingworkbench.ui.signals;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.Snapshot;
import org.bearingworkbench.signal.Spectrum;
import org.bearingworkbench.ui.widgets.Charts;

/** What the Signals pane draws from numbers: a file's waveforms and spectra, and the spectrum of a feature's trend. */
final class SignalsCharts {
    private SignalsCharts() {}

    /** Each shown channel's waveform (time in ms) and amplitude spectrum; a channel the file lacks is left out. */
    static void waveforms(
            XYChart waveform,
            XYChart spectrum,
            Snapshot s,
            List<Spectrum> spectra,
            List<Integer> chans,
            double fs,
            IntFunction<String> colour) {
        double[] ms = new double[s.rows()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = i * 1000.0 / fs;
        }
        for (int k = 0; k < chans.size(); k++) {
            int ch = chans.get(k);
            if (spectra.get(k) == null) {
                continue;
            }
            DoubleDataSet w = Charts.dataSet("ch" + ch, colour.apply(ch), 0.8);
            w.set(ms, s.channels()[ch - 1]);
            waveform.getDatasets().add(w);
            DoubleDataSet sp = Charts.dataSet("ch" + ch, colour.apply(ch), 0.8);
            sp.set(spectra.get(k).frequency(), spectra.get(k).amplitude());
            spectrum.getDatasets().add(sp);
        }
    }

    /** Adds the spectrum of a feature's trend (cycles per day) to {@code trendFft}; too short a series adds nothing. */
    static void trendSpectrum(
            XYChart trendFft, String name, double[] series, String color, boolean dashed, FeatureTable t) {
        if (series.length < 4 || t.rowCount() < 2) {
            return;
        }
        double interval =
                Duration.between(t.timestamp(0), t.timestamp(t.rowCount() - 1)).toSeconds()
                        / (double) (t.rowCount() - 1);
        Spectrum s = Spectrum.of(series, series.length, 86400.0 / interval);
        DoubleDataSet ds = dashed ? Charts.dashedDataSet(name, color, 1.0) : Charts.dataSet(name, color, 1.0);
        ds.set(
                Arrays.copyOfRange(s.frequency(), 1, s.frequency().length),
                Arrays.copyOfRange(s.amplitude(), 1, s.amplitude().length));
        trendFft.getDatasets().add(ds);
    }
}
