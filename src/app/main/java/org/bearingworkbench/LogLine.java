package org.bearingworkbench;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A log line as the patterns {@code %d{HH:mm:ss} %-5level %logger{20} - %msg%n} (console) and {@code %d{yyyy-MM-dd
 * HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n} (file) wrote it, each followed by its exception's stack trace,
 * written directly: logback's pattern layout registers ~70 converters as lambdas when first loaded, ~0.15 s of every
 * start of a fresh JVM (docs/decisions/0019).
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
    private final boolean detailed;
    private final TargetLengthBasedClassNameAbbreviator abbreviator;

    /** @param detailed the file's line (date, milliseconds, thread, 30-character logger) instead of the console's */
    LogLine(boolean detailed) {
        this.detailed = detailed;
        this.abbreviator = new TargetLengthBasedClassNameAbbreviator(detailed ? 30 : 20);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), ZoneId.systemDefault());
        if (detailed) {
            digits(line, t.getYear(), 4).append('-');
            digits(line, t.getMonthValue(), 2).append('-');
            digits(line, t.getDayOfMonth(), 2).append(' ');
        }
        digits(line, t.getHour(), 2).append(':');
        digits(line, t.getMinute(), 2).append(':');
        digits(line, t.getSecond(), 2);
        if (detailed) {
            digits(line.append('.'), t.getNano() / 1_000_000, 3);
        }
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        for (int i = level.length(); i < 5; i++) {
            line.append(' ');
        }
        if (detailed) {
            line.append(" [").append(event.getThreadName()).append(']');
        }
        line.append(' ').append(abbreviator.abbreviate(event.getLoggerName()));
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }

    private static StringBuilder digits(StringBuilder line, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            line.append('0');
        }
        return line.append(s);
    }
}
