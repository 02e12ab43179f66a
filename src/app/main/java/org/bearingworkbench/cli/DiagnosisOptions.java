package org.bearingworkbench.cli;

import org.bearingworkbench.pipeline.FileDiagnoses;
import org.bearingworkbench.signal.diagnosis.BandChoice;
import org.bearingworkbench.signal.diagnosis.Diagnoser;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code envelope} and {@code diagnose} share: the data's description, the band and the channels. */
final class DiagnosisOptions {
    @Option(
            names = "--band",
            defaultValue = "auto",
            description = "demodulation band: auto (the signal whitened; its full band and its three most impulsive "
                    + "dyadic bands judged, the strongest evidence kept), whitened (the whitened full band), "
                    + "kurtogram (Antoni's kurtogram band of the raw signal) or LOW-HIGH in Hz; default "
                    + "${DEFAULT-VALUE}")
    String band;

    @Option(
            names = "--override-sample-rate",
            description = "use --sample-rate even where a file states another rate (otherwise refused)")
    boolean overrideRate;

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    FileDiagnoses.Request request(String channels) {
        Diagnoser d = Diagnoser.defaults().withBand(BandChoice.parse(band));
        return new FileDiagnoses.Request(dataSet.settings(), channels, overrideRate, d);
    }
}
