package org.bearingworkbench.signal;

import java.util.List;

/**
 * Rolling-element bearing geometry and shaft speed, and the defect frequencies they imply (kinematic, no slip):
 * BPFO (outer race), BPFI (inner race), BSF (ball spin; a ball defect shows at 2 x BSF), FTF (cage).
 *
 * @param contactAngleDegrees contact angle of the rolling elements
 */
public record BearingGeometry(
        String name,
        int rollingElements,
        double elementDiameter,
        double pitchDiameter,
        double contactAngleDegrees,
        double shaftHz) {

    public BearingGeometry {
        if (rollingElements < 3 || rollingElements > 200) {
            throw new IllegalArgumentException("rolling elements: 3 to 200 (got " + rollingElements + ")");
        }
        if (!(elementDiameter > 0) || !(pitchDiameter > elementDiameter)) {
            throw new IllegalArgumentException("diameters: the pitch diameter must exceed the element diameter (got "
                    + elementDiameter + ", " + pitchDiameter + ")");
        }
        if (!(contactAngleDegrees >= 0 && contactAngleDegrees < 90)) {
            throw new IllegalArgumentException("contact angle: 0 to 90 degrees (got " + contactAngleDegrees + ")");
        }
        if (!(shaftHz > 0)) {
            throw new IllegalArgumentException("shaft speed must be positive (got " + shaftHz + " Hz)");
        }
    }

    /** Rexnord ZA-2115 (IMS rig): 16 rollers of 0.331 in on a 2.815 in pitch circle, 15.17 degrees, 2000 rpm. */
    public static BearingGeometry rexnordZa2115() {
        return BearingDesign.rexnordZa2115().at(2000);
    }

    /** The geometry without the speed. */
    public BearingDesign design() {
        String base = name.contains(" at ") ? name.substring(0, name.lastIndexOf(" at ")) : name;
        return new BearingDesign(base, rollingElements, elementDiameter, pitchDiameter, contactAngleDegrees);
    }

    public double rpm() {
        return shaftHz * 60;
    }

    private double ratio() {
        return elementDiameter / pitchDiameter * Math.cos(Math.toRadians(contactAngleDegrees));
    }

    public double bpfo() {
        return rollingElements / 2.0 * shaftHz * (1 - ratio());
    }

    public double bpfi() {
        return rollingElements / 2.0 * shaftHz * (1 + ratio());
    }

    public double bsf() {
        double r = ratio();
        return pitchDiameter / (2 * elementDiameter) * shaftHz * (1 - r * r);
    }

    public double ftf() {
        return shaftHz / 2 * (1 - ratio());
    }

    /** The defect frequencies in the order of {@link DefectType}. */
    public double frequency(DefectType type) {
        return switch (type) {
            case BPFO -> bpfo();
            case BPFI -> bpfi();
            case BSF -> bsf();
            case BALL -> 2 * bsf();
            case FTF -> ftf();
        };
    }

    public List<DefectType> types() {
        return List.of(DefectType.values());
    }
}
