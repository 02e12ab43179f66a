package org.bearingworkbench.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The fleet summary as a CSV for people and spreadsheets (Commons CSV quotes text where needed), a line a machine. */
final class FleetSummaryCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setRecordSeparator('\n')
            .setNullString("")
            .setHeader(
                    "machine",
                    "status",
                    "state",
                    "first_alarm",
                    "first_alarm_file",
                    "lead_time_hours",
                    "top_channel",
                    "first_channel_to_leave",
                    "files",
                    "skipped_files",
                    "flagged_rows",
                    "episodes",
                    "threshold",
                    "persistence",
                    "model",
                    "message")
            .get();

    private FleetSummaryCsv() {}

    static String of(List<MachineSummary> summaries) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(sb, FORMAT)) {
            for (MachineSummary s : summaries) {
                csv.printRecord(
                        s.machine(),
                        s.status(),
                        s.state(),
                        s.firstAlarm(),
                        s.firstAlarmFile(),
                        FleetOutputs.hours(s.leadTimeHours()),
                        s.topChannel(),
                        s.firstChannelToLeave(),
                        s.files(),
                        String.join("; ", s.skippedFiles()),
                        s.flaggedRows(),
                        s.episodes(),
                        s.threshold(),
                        s.persistence(),
                        s.model(),
                        s.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }
}
