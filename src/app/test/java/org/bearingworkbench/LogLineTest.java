package org.bearingworkbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log lines written without logback's pattern layout are the lines its patterns wrote. */
class LogLineTest {
    private final LoggerContext context = new LoggerContext();

    @Test
    void consoleAndFileLinesAreThoseOfTheirPatterns() {
        LogLine console = started(new LogLine(false));
        LogLine file = started(new LogLine(true));
        PatternLayout consolePattern = pattern("%d{HH:mm:ss} %-5level %logger{20} - %msg%n");
        PatternLayout filePattern = pattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n%ex");
        List<LoggingEvent> events = List.of(
                event("org.bearingworkbench.model.training.Trainer", Level.INFO, "trained {} epochs", null, 3),
                event("org.nd4j", Level.WARN, "no AVX2", null),
                event("ROOT", Level.ERROR, "failed", new IllegalStateException("boom", new RuntimeException("cause"))),
                event(
                        "a.very.long.package.name.with.many.parts.AndAClassNameLongerThanThirtyCharacters",
                        Level.DEBUG,
                        "x",
                        null),
                event("Short", Level.TRACE, "", null));
        for (LoggingEvent e : events) {
            e.setTimeStamp(1_700_000_000_123L + e.getMessage().length() * 3_600_007L);
            assertEquals(consolePattern.doLayout(e), console.doLayout(e));
            assertEquals(filePattern.doLayout(e), file.doLayout(e));
        }
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable thrown, Object... args) {
        Logger l = context.getLogger(logger);
        LoggingEvent e = new LoggingEvent(Logger.class.getName(), l, level, message, thrown, args);
        e.setThreadName("import-1");
        return e;
    }

    private LogLine started(LogLine line) {
        line.setContext(context);
        line.start();
        return line;
    }

    private PatternLayout pattern(String pattern) {
        PatternLayout p = new PatternLayout();
        p.setContext(context);
        p.setPattern(pattern);
        p.start();
        return p;
    }
}
