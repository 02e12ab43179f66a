package org.bearingworkbench.fleet;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One line of the fleet summary: how the machine's run went and where it stands. Numbers are null where they do
 * not apply (a machine that could not be scored, a machine without an alarm).
 *
 * @param status {@code scored} or {@code failed} ({@code message} says why, naming the file or column)
 * @param state {@code in alarm} or {@code normal} at the machine's last snapshot; {@code unknown} when failed
 */
public record MachineSummary(
        String machine,
        String status,
        String message,
        String model,
        int files,
        List<String> skippedFiles,
        List<String> featureColumns,
        List<String> modelColumns,
        Integer trainingRows,
        Double threshold,
        String thresholdMethod,
        String persistence,
        Integer flaggedRows,
        Integer episodes,
        LocalDateTime firstAlarm,
        String firstAlarmFile,
        Double leadTimeHours,
        String topChannel,
        String firstChannelToLeave,
        String state,
        LocalDateTime lastSnapshot)
        implements Serializable {
    public static final String SCORED = "scored";
    public static final String FAILED = "failed";

    public MachineSummary {
        skippedFiles = List.copyOf(skippedFiles);
        featureColumns = List.copyOf(featureColumns);
        modelColumns = List.copyOf(modelColumns);
    }

    static MachineSummary failed(String machine, String model, String message, List<String> skipped) {
        return new MachineSummary(
                machine, FAILED, message, model, 0, skipped, List.of(), List.of(), null, null, null, null, null, null,
                null, null, null, null, null, "unknown", null);
    }

    public boolean scored() {
        return SCORED.equals(status);
    }
}
