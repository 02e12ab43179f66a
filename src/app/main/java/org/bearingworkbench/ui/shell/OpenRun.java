package org.bearingworkbench.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.RunPhysics;
import org.bearingworkbench.signal.PhysicsSettings;
import org.slf4j.LoggerFactory;

/**
 * The run on screen: an imported data set made the open one (from the Data pane, a project or the start-up import),
 * and the bearing-physics pass that adds its defect indicators and spectrogram in the background.
 */
public final class OpenRun {
    private final Session session;
    private final WorkbenchModel model;
    private final Scoring scoring;

    public OpenRun(Session session, Scoring scoring) {
        this.session = session;
        this.model = session.model();
        this.scoring = scoring;
    }

    /** Makes {@code result} the open data set (the split goes to its default; the caller scores). */
    public void show(Path path, UserSettings settings, ImportResult result) {
        model.analysisProperty().set(null);
        model.dataSourceProperty().set(path.toAbsolutePath().normalize().toString());
        model.setDataSettings(Files.isDirectory(path) ? DataSets.withRemembered(path, settings) : settings);
        model.physicsProperty().set(null);
        applyDescription(result);
        result.description().channelsPerBearing().ifPresent(model.channelsPerBearingProperty()::set);
        model.dataProperty().set(result);
        session.addRecentData(path);
        if (result.description().geometry().isEmpty()) {
            return;
        }
        if (!session.inWindow()) {
            computePhysics();
            return;
        }
        // in a window: after the frame that draws the data and the next, where its table fills
        // (FeatureTableView.showAfterNextFrame); the pass takes both cores while it runs
        Frames.afterFrames(2, () -> {
            if (model.dataProperty().get() == result) {
                computePhysics();
            }
        });
    }

    /**
     * Physics from the data set's own description (sample rate, bearing, speed) over the user's analysis settings
     * (band, harmonics, tolerance); where the description lacks a value, the physics pass waits for it.
     */
    private void applyDescription(ImportResult result) {
        try {
            model.physicsSettingsProperty()
                    .set(result.description()
                            .physics(model.physicsSettingsProperty().get()));
        } catch (IllegalStateException e) {
            LoggerFactory.getLogger(OpenRun.class)
                    .info("no physics for {}: {}", result.table().name(), e.getMessage());
        }
    }

    /**
     * Computes the defect indicators and spectrogram of the open run in the background, then adds the indicator
     * columns to the table (keeping the split and the selection). Feature CSVs have no raw files: nothing to do.
     */
    public void computePhysics() {
        ImportResult data = model.dataProperty().get();
        if (data == null
                || data.rawSource().isEmpty()
                || !data.description().sampleRateHz().known()) {
            return;
        }
        PhysicsSettings settings = model.physicsSettingsProperty().get();
        session.tasks()
                .background(
                        "Bearing physics",
                        ctx -> RunPhysics.compute(data, settings, ctx),
                        physics -> {
                            if (model.dataProperty().get() != data) {
                                return;
                            }
                            model.dataProperty().set(data.withTable(physics.addTo(data.table())));
                            model.physicsProperty().set(physics);
                            scoring.physicsAdded();
                        },
                        ex -> session.fail("Bearing physics failed", ex));
    }
}
