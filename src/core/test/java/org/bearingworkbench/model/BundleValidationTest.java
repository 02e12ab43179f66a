package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bearingworkbench.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle whose network cannot score is refused when it is loaded, naming the file and the cause. */
class BundleValidationTest {
    @TempDir
    Path dir;

    @Test
    void aBundleWithANanWeightIsRefusedWithItsFileNamed() throws Exception {
        ModelBundle good = ModelBundle.load(Path.of("src/core/test/resources/bundles/v1-sample.bwm"));
        good.model().network().params().putScalar(11, Double.NaN);
        Path bad = dir.resolve("diverged.bwm");
        good.save(bad);
        var e = assertThrows(InputFormatException.class, () -> ModelBundle.load(bad));
        assertTrue(e.getMessage().startsWith("diverged.bwm: weight 12 of 3236 is NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("every row would read as not flagged"), e.getMessage());
    }
}
