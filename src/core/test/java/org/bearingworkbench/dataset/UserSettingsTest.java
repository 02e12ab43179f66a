package org.bearingworkbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.bearingworkbench.signal.BearingDesign;
import org.bearingworkbench.signal.PhysicsSettings;
import org.junit.jupiter.api.Test;

/** What a user says about a data set, over what was remembered and over what the format stated. */
class UserSettingsTest {
    @Test
    void givenValuesWinOverRememberedOnesAndALayoutGoesWithItsFormat() {
        UserSettings remembered = new UserSettings("delimited", "time,ch1", 25_600.0, 1800.0, null, "g");
        UserSettings now = new UserSettings(null, null, 51_200.0, null, null, null);
        UserSettings both = now.over(remembered);
        assertEquals("delimited", both.format());
        assertEquals("time,ch1", both.layout());
        assertEquals(51_200.0, both.sampleRateHz());
        assertEquals(1800.0, both.rpm());
        assertEquals("g", both.unit());

        UserSettings otherFormat = new UserSettings("wav", null, null, null, null, null).over(remembered);
        assertEquals("wav", otherFormat.format());
        assertNull(otherFormat.layout(), "another format's layout does not carry over");
        assertTrue(UserSettings.NONE.isEmpty());
        assertFalse(both.isEmpty());
    }

    @Test
    void appliedSettingsReplaceThePresetsValuesAndSaySoTheUserGaveThem() {
        DataSetDescription ims = Presets.ims(4, 20_480, Duration.ofMinutes(10));
        assertEquals(ValueSource.PRESET, ims.rpm().source());
        DataSetDescription d =
                new UserSettings(null, null, null, 1500.0, UserSettings.parseBearing("uer204"), null).applyTo(ims);
        assertEquals(1500.0, d.rpm().value());
        assertEquals(ValueSource.USER, d.rpm().source());
        assertEquals(ValueSource.USER, d.bearing().source());
        assertEquals(20_000, d.sampleRateHz().value());
        assertEquals(ValueSource.PRESET, d.sampleRateHz().source(), "what was not given stays the preset's");
        assertTrue(d.missingForPhysics().isEmpty());
    }

    @Test
    void aBearingIsAPresetOrFourNumbersAndAnythingElseSaysWhatItTakes() {
        BearingDesign custom = UserSettings.parseBearing("13, 3.5, 25.6, 0");
        assertEquals(13, custom.rollingElements());
        assertEquals(3.5, custom.elementDiameter());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> UserSettings.parseBearing("13,3.5,x,0"));
        assertTrue(e.getMessage().startsWith("--bearing: '13,3.5,x,0' is neither a preset ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("nor N,d,D,angle (e.g. 13,3.5,25.6,0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UserSettings(null, null, -1.0, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new UserSettings(null, null, null, Double.NaN, null, null));
    }

    @Test
    void physicsNamesWhatIsMissingAndHowToGiveIt() {
        DataSetDescription foreign = DataSetDescription.ofFeatureTable("csv", List.of(1, 2));
        assertEquals(List.of("sample rate", "shaft speed", "bearing"), foreign.missingForPhysics());
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> foreign.physics(PhysicsSettings.ims()));
        assertTrue(e.getMessage().contains("the sample rate (--sample-rate HZ)"), e.getMessage());
        assertTrue(e.getMessage().contains("the bearing (--bearing PRESET or N,d,D,angle)"), e.getMessage());
    }
}
