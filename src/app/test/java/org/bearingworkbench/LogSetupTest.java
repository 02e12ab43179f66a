package org.bearingworkbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logging set up in code: what used to be logback.xml, without reading XML. */
class LogSetupTest {
    @TempDir
    Path dir;

    @Test
    void theWorkbenchsOwnLogGoesToTheFileAndLibrariesAreKeptToWarnings() throws Exception {
        String before = System.getProperty("bw.logDir");
        System.setProperty("bw.logDir", dir.toString());
        LoggerContext context = new LoggerContext();
        try {
            context.setMDCAdapter(new LogbackMDCAdapter()); // a fresh context, not logback's own
            LogSetup.apply(context);
            assertEquals(dir.resolve("bearing-workbench.log"), LogSetup.logFile());
            context.getLogger("org.bearingworkbench.model.Trainer").info("trained 3 epochs");
            context.getLogger("org.nd4j").info("loaded the CPU backend");
            context.getLogger("org.nd4j").warn("no AVX2");
            context.getLogger("org.eclipse").info("started");
            assertEquals(Level.WARN, context.getLogger("org.deeplearning4j").getLevel());
            assertFalse(context.getLogger("org.bearingworkbench").isAdditive(), "not repeated on the console");
            assertTrue(context.getLogger("ROOT").getAppender("STDERR") != null);
        } finally {
            context.stop();
            if (before == null) {
                System.clearProperty("bw.logDir");
            } else {
                System.setProperty("bw.logDir", before);
            }
        }
        String log = Files.readString(dir.resolve("bearing-workbench.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("INFO  [main] o.b.model.Trainer - trained 3 epochs"), log);
        assertTrue(log.contains("WARN  [main] org.nd4j - no AVX2"), log);
        assertFalse(log.contains("loaded the CPU backend"), log);
        assertFalse(log.contains("started"), log);
    }

    @Test
    void anXmlConfigurationOnTheClassPathTakesOver() {
        // the tests' logback-test.xml is on this class path: the XML configuration is left to logback
        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new LogSetup().configure(new LoggerContext()));
    }
}
