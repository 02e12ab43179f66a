package org.bearingworkbench.ui.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.prefs.Preferences;
import org.bearingworkbench.signal.BearingGeometry;
import org.bearingworkbench.signal.PhysicsSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PhysicsPrefsTest {
    private static final String NODE = "org/bearingworkbench/test-physics-prefs";

    @AfterEach
    void clean() throws Exception {
        Preferences.userRoot().node(NODE).removeNode();
    }

    @Test
    void remembersGeometryAndBandBetweenSessions() {
        PhysicsSettings d = PhysicsSettings.ims();
        PhysicsSettings custom = new PhysicsSettings(
                new BearingGeometry("custom", 9, 7.94, 39.04, 0, 1800 / 60.0),
                3000,
                9000,
                d.sampleRate(),
                d.harmonics(),
                d.tolerance(),
                d.spectrogramBins());
        new PhysicsPrefs(NODE).save(custom);
        assertEquals(custom, new PhysicsPrefs(NODE).load());
    }

    @Test
    void startsWithTheImsPresetWhenNothingIsSaved() {
        assertEquals(PhysicsSettings.ims(), new PhysicsPrefs(NODE).load());
    }
}
