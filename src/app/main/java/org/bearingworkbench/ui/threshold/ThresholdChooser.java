package org.bearingworkbench.ui.threshold;

import java.util.Arrays;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdKind;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.ui.shell.WorkbenchModel;

/** Picks a threshold method and its parameter, and the persistence rule; applies them to the model. */
public final class ThresholdChooser extends HBox {
    /** A method as offered to the user: label, CLI id prefix, default parameter and what the parameter means. */
    public record Choice(String label, String id, String defaultParam, String paramHint) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One choice per threshold kind, in the order and with the words of {@link ThresholdKind}. */
    public static final List<Choice> CHOICES = Arrays.stream(ThresholdKind.values())
            .map(k -> new Choice(k.label(), k.id(), k.defaultParameter(), k.parameterMeaning()))
            .toList();

    private final ComboBox<Choice> method = new ComboBox<>();
    final TextField param = new TextField();
    private final Label paramLabel = new Label();
    private final Spinner<Integer> n = new Spinner<>(1, 1000, 3);
    private final Spinner<Integer> m = new Spinner<>(1, 1000, 3);
    private final Label error = new Label();
    private boolean showing;
    private boolean syncing;

    ThresholdChooser(WorkbenchModel model) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        method.getItems().setAll(CHOICES);
        method.setValue(CHOICES.get(0));
        method.setTooltip(new Tooltip("How the threshold is chosen from the training rows' scores"));
        param.setPrefColumnCount(6);
        param.setText(CHOICES.get(0).defaultParam());
        paramLabel.setText(CHOICES.get(0).paramHint());
        method.setOnAction(e -> {
            if (showing) {
                return;
            }
            Choice c = method.getValue();
            param.setText(c.defaultParam());
            paramLabel.setText(c.paramHint());
            apply(model);
        });
        param.setOnAction(e -> apply(model));
        Button apply = new Button("Apply");
        apply.setOnAction(e -> apply(model));
        n.setEditable(true);
        m.setEditable(true);
        n.setPrefWidth(70);
        m.setPrefWidth(70);
        n.setTooltip(new Tooltip("Alarm when N of the last M rows are flagged"));
        m.setTooltip(new Tooltip("Alarm when N of the last M rows are flagged"));
        n.valueProperty().addListener((o, a, v) -> applyRule(model));
        m.valueProperty().addListener((o, a, v) -> applyRule(model));
        // the spinners show the rule in force, whoever set it (a model's saved rule, undo, a project, a monitor)
        model.ruleProperty().addListener((o, a, r) -> showRule(r));
        showRule(model.ruleProperty().get());
        error.getStyleClass().add("error");
        getChildren()
                .addAll(
                        new Label("Method"),
                        method,
                        paramLabel,
                        param,
                        apply,
                        new Label("Alarm when"),
                        n,
                        new Label("of the last"),
                        m,
                        new Label("rows are flagged"),
                        error);
    }

    void apply(WorkbenchModel model) {
        try {
            Choice c = method.getValue();
            model.thresholdMethodProperty()
                    .set(Thresholds.parse(
                            c.id() + ":" + param.getText().trim(),
                            model.ruleProperty().get()));
            error.setText("");
        } catch (IllegalArgumentException ex) {
            error.setText(ex.getMessage());
        }
    }

    private void showRule(PersistenceRule r) {
        if (r == null) {
            return;
        }
        syncing = true;
        try {
            m.getValueFactory().setValue(r.m());
            n.getValueFactory().setValue(r.n());
        } finally {
            syncing = false;
        }
    }

    private void applyRule(WorkbenchModel model) {
        if (syncing) {
            return;
        }
        try {
            model.ruleProperty().set(new PersistenceRule(n.getValue(), m.getValue()));
            error.setText("");
            if (method.getValue().id().equals(ThresholdKind.ROBUST.id())) {
                apply(model);
            }
        } catch (IllegalArgumentException ex) {
            error.setText(ex.getMessage());
        }
    }

    /** Shows the method currently in force (e.g. after a drag it is "Manual"). */
    void show(String methodId) {
        int colon = methodId.indexOf(':');
        String id = colon < 0 ? methodId : methodId.substring(0, colon);
        String p = colon < 0 ? "" : methodId.substring(colon + 1);
        showing = true;
        for (Choice c : CHOICES) {
            if (c.id().equals(id)) {
                method.setValue(c);
                paramLabel.setText(c.paramHint());
                param.setText(p);
            }
        }
        showing = false;
    }

    /** The method control (a test hook). */
    public ComboBox<Choice> method() {
        return method;
    }

    /** The n control (a test hook). */
    public Spinner<Integer> n() {
        return n;
    }

    /** The m control (a test hook). */
    public Spinner<Integer> m() {
        return m;
    }
}
