package org.bearingworkbench.signal;

/**
 * A rolling-element bearing's geometry without its speed: rolling elements, element and pitch diameters (any one
 * length unit) and contact angle. With a shaft speed it gives a {@link BearingGeometry} and its defect frequencies.
 */
public record BearingDesign(
        String name, int rollingElements, double elementDiameter, double pitchDiameter, double contactAngleDegrees) {
    public BearingDesign {
        new BearingGeometry(name, rollingElements, elementDiameter, pitchDiameter, contactAngleDegrees, 1);
    }

    /** Rexnord ZA-2115 (IMS rig): 16 rollers of 0.331 in on a 2.815 in pitch circle, 15.17 degrees. */
    public static BearingDesign rexnordZa2115() {
        return new BearingDesign("Rexnord ZA-2115", 16, 0.331, 2.815, 15.17);
    }

    /**
     * PRONOSTIA / FEMTO (IEEE PHM 2012 challenge document): 13 rolling elements of 3.5 mm on a 25.6 mm mean
     * diameter; the contact angle is not stated (0 for a deep-groove ball bearing).
     */
    public static BearingDesign pronostia() {
        return new BearingDesign("PRONOSTIA test bearing", 13, 3.5, 25.6, 0);
    }

    /** XJTU-SY: LDK UER204 (Wang et al. 2020): 8 balls of 7.92 mm on a 34.55 mm pitch diameter, 0 degrees. */
    public static BearingDesign ldkUer204() {
        return new BearingDesign("LDK UER204", 8, 7.92, 34.55, 0);
    }

    /** This design turning at {@code rpm}. */
    public BearingGeometry at(double rpm) {
        return new BearingGeometry(
                name + " at " + trim(rpm) + " rpm",
                rollingElements,
                elementDiameter,
                pitchDiameter,
                contactAngleDegrees,
                rpm / 60.0);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
