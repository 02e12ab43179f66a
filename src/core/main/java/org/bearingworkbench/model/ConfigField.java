package org.bearingworkbench.model;

/** The settings of a {@link ModelConfig}, as forms and messages name them. */
public enum ConfigField {
    LAYERS("layers"),
    ACTIVATION("activation"),
    GATE_ACTIVATION("gate activation"),
    TIMESTEPS("time steps"),
    EPOCHS("epochs"),
    BATCH_SIZE("batch size"),
    LEARNING_RATE("learning rate"),
    BETA1("beta1"),
    BETA2("beta2"),
    EPSILON("epsilon"),
    VALIDATION_SPLIT("validation split"),
    L2("l2"),
    SEED("seed");

    private final String label;

    ConfigField(String label) {
        this.label = label;
    }

    /** How messages name the setting ("time steps: between 1 and 100"). */
    public String label() {
        return label;
    }
}
