package org.bearingworkbench.cli;

import org.bearingworkbench.dataset.UserSettings;
import picocli.CommandLine.Option;

/** What the user states about the data set: layout, sample rate, shaft speed, bearing, unit (remembered per directory). */
final class DataSetOptions {
    @Option(names = "--format", description = "layout of the snapshot files: ims, femto, xjtu-sy (default: detected)")
    String format;

    @Option(names = "--sample-rate", description = "sample rate in Hz (default: the format's or the rig preset's)")
    Double sampleRate;

    @Option(names = "--rpm", description = "shaft speed in rpm (default: the rig preset's)")
    Double rpm;

    @Option(names = "--bearing", description = "bearing: a preset (za-2115, pronostia, uer204) or N,d,D,angle "
            + "(elements, element and pitch diameter, contact angle in degrees)")
    String bearing;

    @Option(names = "--unit", description = "the signal's physical unit (e.g. g, m/s^2)")
    String unit;

    /** The settings given on the command line; values left out are null. */
    UserSettings settings() {
        if (format != null) {
            org.bearingworkbench.io.formats.Formats.require(format);
        }
        return new UserSettings(format, sampleRate, rpm, bearing == null ? null : UserSettings.parseBearing(bearing),
                unit);
    }
}
