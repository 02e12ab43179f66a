package org.bearingworkbench.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.bearingworkbench.model.ModelConfig;

/**
 * The model settings form: one field per {@link ModelConfig} setting plus the feature columns, validated as the user
 * types; each problem is shown under its field with the core's message.
 */
final class ModelForm extends GridPane {
    private static final ModelConfig D = ModelConfig.defaults();
    final TextField layers = field("16,4", "Encoder layer sizes; the decoder mirrors them");
    final TextField timesteps = field("1", "Window length in files (1 = each file alone)");
    final TextField epochs = field("100", "Passes over the training rows");
    final TextField batch = field("10", "Rows per gradient step");
    final ComboBox<String> activation = choice(
            ModelConfig.ACTIVATIONS, D.activation(), "Activation of the LSTM cell input and output (the study: relu)");
    final ComboBox<String> gateActivation = choice(
            ModelConfig.GATE_ACTIVATIONS,
            D.gateActivation(),
            "Activation of the LSTM input, forget and output gates (the study, as Keras: hard_sigmoid)");
    final TextField learningRate = field("0.001", "Adam learning rate");
    final TextField beta1 = field(Double.toString(D.beta1()), "Adam first-moment decay");
    final TextField beta2 = field(Double.toString(D.beta2()), "Adam second-moment decay");
    final TextField epsilon = field(Double.toString(D.epsilon()), "Adam epsilon (Keras's default: 1e-7)");
    final TextField l2 = field(Double.toString(D.l2()), "L2 penalty on the weights (0 = none, the study's)");
    final TextField validation = field("0.05", "Share of training rows (the last ones) held out for validation");
    final TextField seed = field("10", "Random seed: same data + settings + seed = same model");
    final TextField columns = field("*_mean_abs", "Feature columns fed to the model: names or globs, comma separated");
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private Function<String, String> columnCheck = spec -> null;

    ModelForm() {
        setHgap(8);
        setVgap(4);
        int row = 0;
        row = add(row, "Layers", layers, "layers");
        row = add(row, "Time steps", timesteps, "time steps");
        row = add(row, "Epochs", epochs, "epochs");
        row = add(row, "Batch size", batch, "batch size");
        row = add(row, "Activation", activation, "activation");
        row = add(row, "Gate activation", gateActivation, "gate activation");
        row = add(row, "Learning rate", learningRate, "learning rate");
        row = add(row, "Adam beta1", beta1, "beta1");
        row = add(row, "Adam beta2", beta2, "beta2");
        row = add(row, "Adam epsilon", epsilon, "epsilon");
        row = add(row, "L2 penalty", l2, "l2");
        row = add(row, "Validation split", validation, "validation split");
        row = add(row, "Seed", seed, "seed");
        add(row, "Feature columns", columns, "columns");
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

    private int add(int row, String label, Control field, String key) {
        Label err = new Label();
        err.getStyleClass().add("error");
        err.setWrapText(true);
        err.setMaxWidth(260);
        err.managedProperty().bind(err.textProperty().isNotEmpty());
        errors.put(key, err);
        addRow(row, new Label(label), field);
        add(err, 1, row + 1);
        return row + 2;
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
    ModelConfig validate() {
        errors.values().forEach(l -> l.setText(""));
        List<String> problems = new ArrayList<>();
        List<Integer> ls = parse(
                layers,
                "layers",
                s -> {
                    List<Integer> out = new ArrayList<>();
                    for (String p : s.split(",")) {
                        out.add(Integer.parseInt(p.trim()));
                    }
                    return out;
                },
                problems);
        Integer t = parse(timesteps, "time steps", Integer::parseInt, problems);
        Integer e = parse(epochs, "epochs", Integer::parseInt, problems);
        Integer b = parse(batch, "batch size", Integer::parseInt, problems);
        Double lr = parse(learningRate, "learning rate", Double::parseDouble, problems);
        Double b1 = parse(beta1, "beta1", Double::parseDouble, problems);
        Double b2 = parse(beta2, "beta2", Double::parseDouble, problems);
        Double eps = parse(epsilon, "epsilon", Double::parseDouble, problems);
        Double penalty = parse(l2, "l2", Double::parseDouble, problems);
        Double v = parse(validation, "validation split", Double::parseDouble, problems);
        Long sd = parse(seed, "seed", Long::parseLong, problems);
        String columnProblem = columnCheck.apply(columns.getText());
        if (columnProblem != null) {
            problems.add("columns: " + columnProblem);
        }
        if (problems.stream().allMatch(p -> p.startsWith("columns:"))) {
            problems.addAll(ModelConfig.problems(
                    ls, activation.getValue(), gateActivation.getValue(), t, e, b, lr, b1, b2, eps, v, penalty));
        }
        for (String p : problems) {
            String key = p.substring(0, Math.max(0, p.indexOf(':')));
            Label l = errors.getOrDefault(key, errors.get("layers"));
            l.setText(p.substring(p.indexOf(':') + 1).trim());
        }
        valid.set(problems.isEmpty());
        if (!problems.isEmpty()) {
            return null;
        }
        return new ModelConfig(
                ls, activation.getValue(), gateActivation.getValue(), t, e, b, lr, b1, b2, eps, v, sd, penalty);
    }

    private static <T> T parse(TextField f, String key, Function<String, T> parser, List<String> problems) {
        try {
            return parser.apply(f.getText().trim());
        } catch (RuntimeException ex) {
            problems.add(key + ": '" + f.getText() + "' is not a valid number");
            return null;
        }
    }

    void show(ModelConfig c) {
        layers.setText(c.layers().toString().replaceAll("[\\[\\] ]", ""));
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
}
