package org.bearingworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A remembered window size fits the screen it opens on. */
class WindowPrefsTest {
    @Test
    void aSizeSavedOnALargerScreenShrinksToThisOne() {
        assertEquals(1600, WindowPrefs.fit(1920, 1600));
        assertEquals(1000, WindowPrefs.fit(1080, 1000));
        assertEquals(1280, WindowPrefs.fit(1280, 1600), "a size that fits is kept");
        assertEquals(640, WindowPrefs.fit(300, 1600), "never smaller than 640");
        assertEquals(600, WindowPrefs.fit(900, 600), "a screen smaller than 640 is the limit");
        assertEquals(1920, WindowPrefs.fit(1920, 0), "no screen size known: up to 8000");
    }
}
