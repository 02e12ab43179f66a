package org.bearingworkbench.ui.shell;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.model.EpochResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.RunPhysics;
import org.bearingworkbench.pipeline.prognosis.LifeModel;
import org.bearingworkbench.signal.PhysicsSettings;

/**
 * The workbench's state as observable properties, shared by all panes: the open data set, the training split, the
 * model, the scored analysis with its threshold, and the selected file. Threshold and persistence changes recompute
 * the analysis at once (microseconds: no rescoring).
 */
public final class WorkbenchModel {
    private final ObjectProperty<ImportResult> data = new SimpleObjectProperty<>();
    private final StringProperty dataSource = new SimpleStringProperty("");
    private final ObjectProperty<LocalDateTime> trainUntil = new SimpleObjectProperty<>();
    private final IntegerProperty channelsPerBearing = new SimpleIntegerProperty(1);
    private final ObjectProperty<ModelBundle> bundle = new SimpleObjectProperty<>();
    private final StringProperty modelSource = new SimpleStringProperty("");
    private final ObservableList<EpochResult> history = FXCollections.observableArrayList();
    private final ObjectProperty<AnomalyAnalysis> analysis = new SimpleObjectProperty<>();
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>();
    private final ObjectProperty<LifeModel> lifeModel = new SimpleObjectProperty<>();
    private final BooleanProperty thresholdGesture = new SimpleBooleanProperty();
    private ModelBundle savedBundle;
    private double savedThreshold = Double.NaN;
    private PersistenceRule savedRule;
    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final ObjectProperty<ThresholdMethod> thresholdMethod = new SimpleObjectProperty<>();
    private final ObjectProperty<PersistenceRule> rule = new SimpleObjectProperty<>(PersistenceRule.defaults());
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(-1);
    private final ObjectProperty<PhysicsSettings> physicsSettings = new SimpleObjectProperty<>(PhysicsSettings.ims());
    private final ObjectProperty<RunPhysics> physics = new SimpleObjectProperty<>();
    private UserSettings dataSettings = UserSettings.NONE;
    private List<Object> projectMark;

    public WorkbenchModel() {
        thresholdMethod.addListener((o, a, m) -> reapplyThreshold());
        rule.addListener((o, a, r) -> reapplyThreshold());
        data.addListener((o, a, d) -> {
            if (a != null && d != null && sameRunOrGrown(a.table(), d.table())) {
                return; // the same run with more columns (defect indicators) or more rows (monitoring): keep them
            }
            selectedRow.set(-1);
            if (d != null) {
                trainUntil.set(defaultSplit(d.table()));
            }
        });
        bundle.addListener((o, a, b) -> {
            if (comparison.get() != null && comparison.get().entry().bundle() == b) {
                comparison.set(null); // a model is not compared with itself
            }
        });
        data.addListener((o, a, d) -> {
            if (comparison.get() != null
                    && (d == null || !sameRun(comparison.get().analysis().table(), d.table()))) {
                comparison.set(null);
            }
        });
    }

    /** Whether {@code now} is {@code before} with more columns or with rows added at its end (a monitored stream). */
    static boolean sameRunOrGrown(FeatureTable before, FeatureTable now) {
        List<LocalDateTime> a = before.timestamps();
        List<LocalDateTime> b = now.timestamps();
        return a.size() <= b.size()
                && !a.isEmpty()
                && a.equals(b.subList(0, a.size()))
                && before.directory().equals(now.directory());
    }

    private void reapplyThreshold() {
        AnomalyAnalysis a = analysis.get();
        if (a != null && thresholdMethod.get() != null) {
            analysis.set(a.withThreshold(thresholdMethod.get(), rule.get()));
        }
    }

    /** The study's boundary for IMS test 2, else the end of the first 45% of the rows. */
    static LocalDateTime defaultSplit(FeatureTable t) {
        SplitConfig s = SplitConfig.defaultFor(t);
        if (s.trainUntil() != null) {
            return s.trainUntil();
        }
        try {
            return t.timestamp(s.trainRows(t) - 1);
        } catch (IllegalArgumentException e) {
            return t.timestamp(t.rowCount() - 1); // a handful of rows (a stream just started): all of them for now
        }
    }

    public FeatureTable table() {
        return data.get() == null ? null : data.get().table();
    }

    /** Training rows of the open data under the current split. */
    public int trainRows() {
        FeatureTable t = table();
        return t == null || trainUntil.get() == null ? 0 : t.lastRowAtOrBefore(trainUntil.get()) + 1;
    }

    /**
     * The training rows every view shades and judges against: the active model's (as Threshold and Export use them)
     * when a model has scored the data, else the split's. One training range in every pane.
     */
    public int shownTrainRows() {
        AnomalyAnalysis a = analysis.get();
        return a != null && sameRun(a.table(), table()) ? a.trainRows() : trainRows();
    }

    /** The same rows of the same run (a table that only gained columns, e.g. defect indicators, is the same run). */
    public static boolean sameRun(FeatureTable a, FeatureTable b) {
        return a != null
                && b != null
                && (a == b
                        || (a.rowCount() == b.rowCount()
                                && a.rowCount() > 0
                                && a.timestamp(0).equals(b.timestamp(0))
                                && a.timestamp(a.rowCount() - 1).equals(b.timestamp(b.rowCount() - 1))
                                && a.file(0).equals(b.file(0))));
    }

    /** Whether two analyses differ in their training range (a re-threshold keeps it; a new model may not). */
    public static boolean rangeChanged(AnomalyAnalysis a, AnomalyAnalysis b) {
        return (a == null) != (b == null)
                || (a != null && (a.trainRows() != b.trainRows() || !sameRun(a.table(), b.table())));
    }

    public SplitConfig split() {
        return SplitConfig.until(trainUntil.get());
    }

    public ObjectProperty<ImportResult> dataProperty() {
        return data;
    }

    public StringProperty dataSourceProperty() {
        return dataSource;
    }

    public ObjectProperty<LocalDateTime> trainUntilProperty() {
        return trainUntil;
    }

    public IntegerProperty channelsPerBearingProperty() {
        return channelsPerBearing;
    }

    public ObjectProperty<ModelBundle> bundleProperty() {
        return bundle;
    }

    public StringProperty modelSourceProperty() {
        return modelSource;
    }

    /** Remembers the active model, its threshold and rule as saved (or opened): nothing to lose on quit. */
    public void markSaved() {
        AnomalyAnalysis a = analysis.get();
        savedBundle = bundle.get();
        savedThreshold = a == null ? Double.NaN : a.threshold().value();
        savedRule = rule.get();
    }

    /**
     * Whether quitting would lose work: a model trained (or imported) and never saved, or a saved one whose threshold
     * or persistence rule changed since.
     */
    public boolean hasUnsavedModel() {
        if (bundle.get() == null) {
            return false;
        }
        AnomalyAnalysis a = analysis.get();
        double t = a == null ? Double.NaN : a.threshold().value();
        return bundle.get() != savedBundle
                || !Objects.equals(rule.get(), savedRule)
                || (a != null && Double.compare(t, savedThreshold) != 0);
    }

    /** What the user said about the open data set (format, sample rate, ...), as given when it was opened. */
    public UserSettings dataSettings() {
        return dataSettings;
    }

    void setDataSettings(UserSettings settings) {
        dataSettings = settings;
    }

    /** What a project file holds of the session, for telling whether it changed since the last save or open. */
    private List<Object> projectState() {
        return Arrays.asList(
                dataSource.get(),
                trainUntil.get(),
                List.copyOf(models),
                bundle.get(),
                thresholdMethod.get(),
                rule.get(),
                channelsPerBearing.get());
    }

    /** The session as it is now is saved in (or was opened from) a project file. */
    public void markProjectSaved() {
        projectMark = projectState();
    }

    /**
     * Whether quitting would lose a session worth keeping: one with a model whose data, split, models, threshold or
     * rule changed since the last project save or open.
     */
    public boolean hasUnsavedProject() {
        return !models.isEmpty() && !projectState().equals(projectMark);
    }

    /** Every model of this session; the active one is {@link #bundleProperty()}. Training never drops one. */
    public ObservableList<ModelEntry> models() {
        return models;
    }

    public ObservableList<EpochResult> history() {
        return history;
    }

    public ObjectProperty<AnomalyAnalysis> analysisProperty() {
        return analysis;
    }

    /** A second model of the session scored on the same data, shown beside the active one. */
    public record Comparison(ModelEntry entry, AnomalyAnalysis analysis) {}

    /** The model compared with the active one (null: none); cleared when the data or the active model changes. */
    public ObjectProperty<Comparison> comparisonProperty() {
        return comparison;
    }

    /**
     * True while the mouse is pressed on a threshold chart: every threshold change until it is released is one drag
     * (one Undo step), however slowly the mouse moves.
     */
    public BooleanProperty thresholdGestureProperty() {
        return thresholdGesture;
    }

    /** The life model the Health & life pane last forecast with (the incident report uses it too), or null. */
    public ObjectProperty<LifeModel> lifeModelProperty() {
        return lifeModel;
    }

    public ObjectProperty<ThresholdMethod> thresholdMethodProperty() {
        return thresholdMethod;
    }

    public ObjectProperty<PersistenceRule> ruleProperty() {
        return rule;
    }

    public ObjectProperty<PhysicsSettings> physicsSettingsProperty() {
        return physicsSettings;
    }

    /** Defect indicators and spectrogram of the open run (computed in the background after an import). */
    public ObjectProperty<RunPhysics> physicsProperty() {
        return physics;
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }
}
