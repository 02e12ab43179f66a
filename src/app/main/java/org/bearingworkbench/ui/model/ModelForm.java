package org.bearingworkbench.ui.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.ConfigField;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.Problem;

/**
 * The model settings form: one field per {@link ModelConfig} setting plus the feature columns, validated as the user
 * types; each problem is shown under its field with the core's message.
 */
public final class ModelForm extends GridPane {
    private static final ModelConfig D = ModelConfig.defaults();
    final TextField layers = field(layerText(D), "Encoder layer sizes; the decoder mirrors them");
    final TextField timesteps = field(Integer.toString(D.timesteps()), "Window length in files (1 = each file alone)");
    private final TextField epochs = field(Integer.toString(D.epochs()), "Passes over the training rows");
    private final TextField batch = field(Integer.toString(D.batchSize()), "Rows per gradient step");
    final ComboBox<String> activation = choice(
            ModelConfig.ACTIVATIONS, D.activation(), "Activation of the LSTM cell input and output (the study: relu)");
    private final ComboBox<String> gateActivation = choice(
            ModelConfig.GATE_ACTIVATIONS,
            D.gateActivation(),
            "Activation of the LSTM input, forget and output gates (the study, as Keras: hard_sigmoid)");
    final TextField learningRate = field(Double.toString(D.learningRate()), "Adam learning rate");
    final TextField beta1 = field(Double.toString(D.beta1()), "Adam first-moment decay");
    final TextField beta2 = field(Double.toString(D.beta2()), "Adam second-moment decay");
    final TextField epsilon = field(Double.toString(D.epsilon()), "Adam epsilon (Keras's default: 1e-7)");
    private final TextField l2 = field(Double.toString(D.l2()), "L2 penalty on the weights (0 = none, the study's)");
    final TextField validation = field(
            Double.toString(D.validationSplit()), "Share of training rows (the last ones) held out for validation");
    final TextField seed = field(Long.toString(D.seed()), "Random seed: same data + settings + seed = same model");
    private final TextField columns = field(
            "",
            "Feature columns fed to the model: names or globs, comma separated; blank: the default, the defect"
                    + " indicators and mean |x| where the bearing is known ("
                    + ColumnSelection.WITH_DEFECT_INDICATORS
                    + "), else *_mean_abs");
    private final Map<ConfigField, Label> errors = new EnumMap<>(ConfigField.class);
    private final Label columnError = errorLabel();
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private Function<String, String> columnCheck = spec -> null;

    public ModelForm() {
        columns.setPromptText("default (defect indicators, mean |x|)");
        setHgap(8);
        setVgap(4);
        int row = 0;
        row = add(row, "Layers", layers, ConfigField.LAYERS);
        row = add(row, "Time steps", timesteps, ConfigField.TIMESTEPS);
        row = add(row, "Epochs", epochs, ConfigField.EPOCHS);
        row = add(row, "Batch size", batch, ConfigField.BATCH_SIZE);
        row = add(row, "Activation", activation, ConfigField.ACTIVATION);
        row = add(row, "Gate activation", gateActivation, ConfigField.GATE_ACTIVATION);
        row = add(row, "Learning rate", learningRate, ConfigField.LEARNING_RATE);
        row = add(row, "Adam beta1", beta1, ConfigField.BETA1);
        row = add(row, "Adam beta2", beta2, ConfigField.BETA2);
        row = add(row, "Adam epsilon", epsilon, ConfigField.EPSILON);
        row = add(row, "L2 penalty", l2, ConfigField.L2);
        row = add(row, "Validation split", validation, ConfigField.VALIDATION_SPLIT);
        row = add(row, "Seed", seed, ConfigField.SEED);
        addRow(row, new Label("Feature columns"), columns);
        // the columns' globs are the longest text here: the field takes the form's whole width
        columns.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(columns, Priority.ALWAYS);
        add(columnError, 1, row + 1);
        for (TextField f :
                List.of(layers, timesteps, epochs, batch, learningRate, beta1, beta2, epsilon, l2, validation, seed)) {
            f.textProperty().addListener((o, a, b) -> validate());
        }
        columns.textProperty().addListener((o, a, b) -> validate());
        activation.valueProperty().addListener((o, a, b) -> validate());
        gateActivation.valueProperty().addListener((o, a, b) -> validate());
    }

    private static TextField field(String value, String tip) {
        TextField f = new TextField(value);
        f.setTooltip(new Tooltip(tip));
        f.setPrefColumnCount(10);
        return f;
    }

    private static ComboBox<String> choice(List<String> values, String value, String tip) {
        ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(values));
        c.setValue(value);
        c.setTooltip(new Tooltip(tip));
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private static String layerText(ModelConfig c) {
        return c.layers().toString().replaceAll("[\\[\\] ]", "");
    }

    private static Label errorLabel() {
        Label err = new Label();
        err.getStyleClass().add("error");
        err.setWrapText(true);
        err.setMaxWidth(260);
        err.managedProperty().bind(err.textProperty().isNotEmpty());
        return err;
    }

    private int add(int row, String label, Control field, ConfigField key) {
        Label err = errorLabel();
        errors.put(key, err);
        addRow(row, new Label(label), field);
        add(err, 1, row + 1);
        return row + 2;
    }

    /** The message under {@code field}'s box (empty when it is fine). */
    public String error(ConfigField field) {
        return errors.get(field).getText();
    }

    /** How the columns field is checked against the open data: a problem message, or null when fine. */
    void columnCheck(Function<String, String> check) {
        this.columnCheck = check;
        validate();
    }

    BooleanProperty validProperty() {
        return valid;
    }

    /** Validates every field; returns the config when all are valid, else null (the problems show under the fields). */
    public ModelConfig validate() {
        errors.values().forEach(l -> l.setText(""));
        List<Problem> problems = new ArrayList<>();
        List<Integer> ls = parse(
                layers,
                ConfigField.LAYERS,
                s -> {
                    List<Integer> out = new ArrayList<>();
                    for (String p : s.split(",")) {
                        out.add(Integer.parseInt(p.trim()));
                    }
                    return out;
                },
                problems);
        Integer t = parse(timesteps, ConfigField.TIMESTEPS, Integer::parseInt, problems);
        Integer e = parse(epochs, ConfigField.EPOCHS, Integer::parseInt, problems);
        Integer b = parse(batch, ConfigField.BATCH_SIZE, Integer::parseInt, problems);
        Double lr = parse(learningRate, ConfigField.LEARNING_RATE, Double::parseDouble, problems);
        Double b1 = parse(beta1, ConfigField.BETA1, Double::parseDouble, problems);
        Double b2 = parse(beta2, ConfigField.BETA2, Double::parseDouble, problems);
        Double eps = parse(epsilon, ConfigField.EPSILON, Double::parseDouble, problems);
        Double penalty = parse(l2, ConfigField.L2, Double::parseDouble, problems);
        Double v = parse(validation, ConfigField.VALIDATION_SPLIT, Double::parseDouble, problems);
        Long sd = parse(seed, ConfigField.SEED, Long::parseLong, problems);
        ModelConfig.Builder settings = null;
        if (problems.isEmpty()) {
            settings = ModelConfig.builder()
                    .layers(ls)
                    .activation(activation.getValue())
                    .gateActivation(gateActivation.getValue())
                    .timesteps(t)
                    .epochs(e)
                    .batchSize(b)
                    .learningRate(lr)
                    .adam(b1, b2, eps)
                    .validationSplit(v)
                    .seed(sd)
                    .l2(penalty);
            problems.addAll(settings.problems());
        }
        for (Problem p : problems) {
            errors.get(p.field()).setText(p.message());
        }
        String columnProblem = columnCheck.apply(columns.getText());
        columnError.setText(columnProblem == null ? "" : columnProblem);
        valid.set(problems.isEmpty() && columnProblem == null);
        if (!valid.get()) {
            return null;
        }
        return settings.build();
    }

    private static <T> T parse(TextField f, ConfigField key, Function<String, T> parser, List<Problem> problems) {
        try {
            return parser.apply(f.getText().trim());
        } catch (RuntimeException ex) {
            problems.add(new Problem(key, "'" + f.getText() + "' is not a valid number"));
            return null;
        }
    }

    void show(ModelConfig c) {
        layers.setText(layerText(c));
        timesteps.setText(Integer.toString(c.timesteps()));
        epochs.setText(Integer.toString(c.epochs()));
        batch.setText(Integer.toString(c.batchSize()));
        activation.setValue(c.activation());
        gateActivation.setValue(c.gateActivation());
        learningRate.setText(Double.toString(c.learningRate()));
        beta1.setText(Double.toString(c.beta1()));
        beta2.setText(Double.toString(c.beta2()));
        epsilon.setText(Double.toString(c.epsilon()));
        l2.setText(Double.toString(c.l2()));
        validation.setText(Double.toString(c.validationSplit()));
        seed.setText(Long.toString(c.seed()));
    }

    /** The epochs control (a test hook). */
    public TextField epochs() {
        return epochs;
    }

    /** The batch control (a test hook). */
    public TextField batch() {
        return batch;
    }

    /** The gateActivation control (a test hook). */
    public ComboBox<String> gateActivation() {
        return gateActivation;
    }

    /** The l2 control (a test hook). */
    public TextField l2() {
        return l2;
    }

    /** The model columns field (a test hook). */
    public TextField columns() {
        return columns;
    }
}
