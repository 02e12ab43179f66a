package org.bearingworkbench.ui.physics;

import java.util.prefs.Preferences;
import org.bearingworkbench.signal.BearingGeometry;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.ui.shell.PrefsStore;

/** Remembers the bearing geometry and demodulation band between sessions (Java preferences). */
public final class PhysicsPrefs {
    private final Preferences prefs;

    public PhysicsPrefs(String node) {
        this.prefs = Preferences.userRoot().node(node).node("physics");
    }

    /** The saved settings, or the IMS preset when none are saved (or they are no longer valid). */
    public PhysicsSettings load() {
        PhysicsSettings d = PhysicsSettings.ims();
        BearingGeometry g = d.geometry();
        try {
            BearingGeometry saved = new BearingGeometry(
                    prefs.get("name", g.name()),
                    prefs.getInt("elements", g.rollingElements()),
                    prefs.getDouble("elementDiameter", g.elementDiameter()),
                    prefs.getDouble("pitchDiameter", g.pitchDiameter()),
                    prefs.getDouble("contactAngle", g.contactAngleDegrees()),
                    prefs.getDouble("shaftHz", g.shaftHz()));
            return new PhysicsSettings(
                    saved,
                    prefs.getDouble("bandLow", d.bandLowHz()),
                    prefs.getDouble("bandHigh", d.bandHighHz()),
                    d.sampleRate(),
                    d.harmonics(),
                    d.tolerance(),
                    d.spectrogramBins());
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    void save(PhysicsSettings s) {
        BearingGeometry g = s.geometry();
        prefs.put("name", g.name());
        prefs.putInt("elements", g.rollingElements());
        prefs.putDouble("elementDiameter", g.elementDiameter());
        prefs.putDouble("pitchDiameter", g.pitchDiameter());
        prefs.putDouble("contactAngle", g.contactAngleDegrees());
        prefs.putDouble("shaftHz", g.shaftHz());
        prefs.putDouble("bandLow", s.bandLowHz());
        prefs.putDouble("bandHigh", s.bandHighHz());
        PrefsStore.flushLater(prefs);
    }
}
