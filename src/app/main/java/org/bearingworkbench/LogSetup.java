package org.bearingworkbench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.LevelFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;

/**
 * The workbench's logging, set up in code (found by logback through {@code META-INF/services}): reading a
 * {@code logback.xml} cost ~0.3 s of every start (an XML parser and logback's configuration model loaded and run;
 * docs/decisions/0019). The workbench's own log goes to a file in the user's data folder (Help > Log file shows
 * where; {@code -Dbw.logDir=DIR} moves it, the tests use target/logs); the console keeps the CLI's one-line messages
 * and warnings. {@code -Dlogback.configurationFile=...} or a {@code logback-test.xml} on the class path still take
 * over, through logback's own XML configuration.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The folder of the log file: {@code -Dbw.logDir}, else {@code ~/.bearing-workbench/logs}. */
    public static Path logDirectory() {
        String dir = System.getProperty("bw.logDir");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".bearing-workbench", "logs");
    }

    /** The log file: {@code bearing-workbench.log} in {@link #logDirectory()}. */
    public static Path logFile() {
        return logDirectory().resolve("bearing-workbench.log");
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up the console and file appenders and the levels on {@code context}. */
    static void apply(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, new LogLine(false)));
        console.start();

        String dir = logDirectory().toString();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logFile().toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(Path.of(dir, "bearing-workbench.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context, new LogLine(true)));
        file.start();

        for (String quiet : new String[] {"org.nd4j", "org.deeplearning4j", "org.bytedeco", "oshi"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        Logger own = context.getLogger("org.bearingworkbench");
        own.setLevel(Level.INFO);
        own.setAdditive(false);
        own.addAppender(file);
        // the workbench's own warnings reach the person too (an ignored option, an unknown sidecar key, a clock
        // glitch); its errors are said once by the front end that catches them, so only WARN goes to the console
        own.addAppender(warnings(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        root.addAppender(file);
    }

    private static ConsoleAppender<ILoggingEvent> warnings(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> a = new ConsoleAppender<>();
        a.setContext(context);
        a.setName("STDERR-WARN");
        a.setTarget("System.err");
        a.setEncoder(encoder(context, new LogLine(false)));
        LevelFilter onlyWarn = new LevelFilter();
        onlyWarn.setContext(context);
        onlyWarn.setLevel(Level.WARN);
        onlyWarn.setOnMatch(FilterReply.ACCEPT);
        onlyWarn.setOnMismatch(FilterReply.DENY);
        onlyWarn.start();
        a.addFilter(onlyWarn);
        a.start();
        return a;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, LogLine line) {
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> e = new LayoutWrappingEncoder<>();
        e.setContext(context);
        e.setLayout(line);
        e.start();
        return e;
    }
}
