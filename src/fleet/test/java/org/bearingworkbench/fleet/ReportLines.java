package org.bearingworkbench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An anomaly report's lines without those that say where and when it was made (time, data and model paths). */
final class ReportLines {
    private ReportLines() {}

    static List<String> comparable(Path report) throws IOException {
        return Files.readAllLines(report).stream()
                .filter(l ->
                        !l.startsWith("# created_at:") && !l.startsWith("# data_source:") && !l.startsWith("# model:"))
                .toList();
    }
}
