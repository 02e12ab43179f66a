package org.bearingworkbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watch killed before its first state saved can start again; a foreign log is still refused. */
class EventLogRecoveryTest {
    private static final String HEADER = "timestamp,file,score";

    @TempDir
    Path dir;

    @Test
    void aLogHoldingOnlyTheHeaderStartsAfresh() throws Exception {
        Path f = Files.writeString(dir.resolve("events.csv"), HEADER + "\n");
        try (EventLog log = EventLog.open(f, HEADER, 0)) {
            log.append(List.of("2025-03-01 08:00:00,a,0.1"));
        }
        assertEquals(List.of(HEADER, "2025-03-01 08:00:00,a,0.1"), Files.readAllLines(f));
    }

    @Test
    void eventsNoStateRecordsAreKeptAsideAndTheLogStartsAfresh() throws Exception {
        Path f = Files.writeString(dir.resolve("events.csv"), HEADER + "\n2025-03-01 08:00:00,a,0.1\n");
        try (EventLog log = EventLog.open(f, HEADER, 0)) {
            assertEquals(HEADER.length() + 1, log.size());
        }
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("events.csv.uncommitted-"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(Files.readString(aside).contains("2025-03-01 08:00:00,a,0.1"), "nothing lost");
        }
    }

    @Test
    void anotherStreamsLogIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("events.csv"), "timestamp,file,other\n1,2,3\n");
        IOException e = assertThrows(IOException.class, () -> EventLog.open(f, HEADER, 0));
        assertTrue(e.getMessage().contains("the watch state has none"), e.getMessage());
    }
}
