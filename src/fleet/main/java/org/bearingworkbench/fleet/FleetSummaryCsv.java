package org.bearingworkbench.fleet;

import java.util.List;

/** The fleet summary as a CSV for people and spreadsheets: one line per machine, text quoted where needed. */
final class FleetSummaryCsv {
    static final String HEADER = "machine,status,state,first_alarm,first_alarm_file,lead_time_hours,top_channel,"
            + "first_channel_to_leave,files,skipped_files,flagged_rows,episodes,threshold,persistence,model,message";

    private FleetSummaryCsv() {}

    static String of(List<MachineSummary> summaries) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (MachineSummary s : summaries) {
            sb.append(String.join(
                            ",",
                            quote(s.machine()),
                            s.status(),
                            s.state(),
                            s.firstAlarm() == null ? "" : s.firstAlarm().toString(),
                            quote(s.firstAlarmFile()),
                            FleetOutputs.hours(s.leadTimeHours()),
                            quote(s.topChannel()),
                            quote(s.firstChannelToLeave()),
                            Integer.toString(s.files()),
                            quote(String.join("; ", s.skippedFiles())),
                            text(s.flaggedRows()),
                            text(s.episodes()),
                            text(s.threshold()),
                            quote(s.persistence()),
                            quote(s.model()),
                            quote(s.message())))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replace('\n', ' ').replace('\r', ' ');
        return flat.indexOf(',') < 0 && flat.indexOf('"') < 0 ? flat : '"' + flat.replace("\"", "\"\"") + '"';
    }
}
