package org.bearingworkbench.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the user's command when an alarm starts or ends ({@code --on-alarm}), on its own thread so scoring never
 * waits for it: through the system shell, with the event as environment variables ({@code BW_EVENT},
 * {@code BW_TIME}, {@code BW_FILE}, {@code BW_SCORE}, {@code BW_THRESHOLD}, {@code BW_TOP_CHANNEL},
 * {@code BW_TOP_BEARING}, {@code BW_STREAM}) and as one JSON object on its standard input. A command that outlives
 * the timeout is killed; a failure is logged with its exit code and output. Across a crash a command may run twice
 * for one alarm (the event log itself never repeats a line).
 */
public final class AlarmHook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmHook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String command;
    private final Duration timeout;
    private final String stream;
    private final List<String> modelColumns;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bw-on-alarm");
        t.setDaemon(true);
        return t;
    });

    public AlarmHook(String command, Duration timeout, String stream, List<String> modelColumns) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("--on-alarm: a command to run");
        }
        this.command = command;
        this.timeout = timeout;
        this.stream = stream;
        this.modelColumns = List.copyOf(modelColumns);
    }

    /** Queues the command for each alarm event among {@code events}. */
    public void fire(List<StreamEvent> events) {
        for (StreamEvent e : events) {
            if (e.isAlarm()) {
                runner.submit(() -> run(e));
            }
        }
    }

    /** The event as the JSON object a hook reads on its standard input. */
    public static String json(StreamEvent e, List<String> modelColumns, String stream) {
        ObjectNode o = JSON.createObjectNode();
        o.put("event", e.kind().id())
                .put("stream", stream)
                .put("timestamp", e.time().toString())
                .put("file", e.file())
                .put("score", e.score())
                .put("threshold", e.threshold())
                .put("flagged", e.flagged())
                .put("in_alarm", e.inAlarm())
                .put("top_channel", e.topChannel())
                .put("top_bearing", e.topBearing());
        ObjectNode errors = o.putObject("errors");
        for (int i = 0; i < Math.min(e.errors().length, modelColumns.size()); i++) {
            errors.put(modelColumns.get(i), e.errors()[i]);
        }
        o.put("note", e.note());
        return o.toString();
    }

    private void run(StreamEvent e) {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        ProcessBuilder pb =
                windows ? new ProcessBuilder("cmd", "/c", command) : new ProcessBuilder("/bin/sh", "-c", command);
        Map<String, String> env = pb.environment();
        env.put("BW_EVENT", e.kind().id());
        env.put("BW_STREAM", stream);
        env.put("BW_TIME", e.time().toString());
        env.put("BW_FILE", e.file());
        env.put("BW_SCORE", Double.toString(e.score()));
        env.put("BW_THRESHOLD", Double.toString(e.threshold()));
        env.put("BW_TOP_CHANNEL", e.topChannel());
        env.put("BW_TOP_BEARING", Integer.toString(e.topBearing()));
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write((json(e, modelColumns, stream) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the command does not read its input
            }
            Thread drain = new Thread(
                    () -> {
                        try {
                            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                            if (!out.isEmpty()) {
                                LOG.info(
                                        "--on-alarm output for {} {}: {}",
                                        e.kind().id(),
                                        e.file(),
                                        out);
                            }
                        } catch (IOException ignored) {
                            // the process is gone
                        }
                    },
                    "bw-on-alarm-output");
            drain.setDaemon(true);
            drain.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                LOG.warn(
                        "--on-alarm command for {} at {} did not finish within {} s: killed",
                        e.kind().id(),
                        e.file(),
                        timeout.toSeconds());
            } else if (p.exitValue() != 0) {
                LOG.warn(
                        "--on-alarm command for {} at {} failed with exit code {}",
                        e.kind().id(),
                        e.file(),
                        p.exitValue());
            } else {
                LOG.info("--on-alarm command ran for {} at {}", e.kind().id(), e.file());
            }
        } catch (IOException ex) {
            LOG.warn("--on-alarm command could not be started ({}): {}", command, ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code wait} for queued commands, then stops. */
    public void close(Duration wait) {
        runner.shutdown();
        try {
            runner.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(timeout.plusSeconds(1));
    }
}
