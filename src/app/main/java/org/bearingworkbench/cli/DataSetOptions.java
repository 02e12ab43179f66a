package org.bearingworkbench.cli;

import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.formats.Formats;
import picocli.CommandLine.Option;

/**
 * What the user states about the data set: layout, sample rate, shaft speed, bearing, unit (remembered per
 * directory).
 */
final class DataSetOptions {
    @Option(
            names = "--format",
            description = "ims, femto, xjtu-sy, delimited, wav, mat, or recording (one long file in snapshots); "
                    + "default: detected")
    String format;

    @Option(
            names = "--layout",
            description = "for --format delimited or wav: columns=2,3;header=1;"
                    + "time=name:yyyy.MM.dd.HH.mm.ss | time=mtime | time=order:10s; for --format recording: "
                    + "snapshot=1s;every=10s (see docs/data.md)")
    String layout;

    @Option(names = "--sample-rate", description = "sample rate in Hz (default: the format's or the rig preset's)")
    Double sampleRate;

    @Option(names = "--rpm", description = "shaft speed in rpm (default: the rig preset's)")
    Double rpm;

    @Option(
            names = "--bearing",
            description = "bearing: a preset (za-2115, pronostia, uer204) or N,d,D,angle "
                    + "(elements, element and pitch diameter, contact angle in degrees)")
    String bearing;

    @Option(names = "--unit", description = "the signal's physical unit (e.g. g, m/s^2)")
    String unit;

    /** The settings given on the command line; values left out are null. */
    UserSettings settings() {
        if (format != null) {
            Formats.require(format, layout, sampleRate);
        }
        return new UserSettings(
                format, layout, sampleRate, rpm, bearing == null ? null : UserSettings.parseBearing(bearing), unit);
    }
}
