package org.bearingworkbench.detect;

/**
 * Every threshold method in one place: its id (as in {@code robust:3}), its default parameter, what the parameter
 * means, the label a chooser shows, and how to make it. {@link Thresholds#parse} and the window's chooser both read
 * this list.
 */
public enum ThresholdKind {
    ROBUST("robust", "3", "k", "Robust: sustained max + k·MAD (default)"),
    PERCENTILE("percentile", "99", "percentile", "Percentile of training scores"),
    SIGMA("sigma", "3", "k", "Mean + k·sigma"),
    MAX("max", "1.1", "margin", "Max × margin"),
    LOGNORMAL("lognormal", "0.001", "tail probability", "Log-normal fit"),
    GAMMA("gamma", "0.001", "tail probability", "Gamma fit"),
    POT("pot", "0.001", "risk q", "Peaks over threshold (GPD)"),
    MANUAL("manual", "0.275", "value", "Manual");

    private final String id;
    private final String defaultParameter;
    private final String parameterMeaning;
    private final String label;

    ThresholdKind(String id, String defaultParameter, String parameterMeaning, String label) {
        this.id = id;
        this.defaultParameter = defaultParameter;
        this.parameterMeaning = parameterMeaning;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String defaultParameter() {
        return defaultParameter;
    }

    public String parameterMeaning() {
        return parameterMeaning;
    }

    public String label() {
        return label;
    }

    /** The method with parameter {@code p} (null: the default); the rule matters to the robust method only. */
    public ThresholdMethod create(Double p, PersistenceRule rule) {
        double v = p != null ? p : Double.parseDouble(defaultParameter);
        return switch (this) {
            case ROBUST -> new SustainedMaxMethod(rule, v);
            case PERCENTILE -> new PercentileMethod(v);
            case SIGMA -> new SigmaMethod(v);
            case MAX -> new MaxMarginMethod(v);
            case LOGNORMAL -> new DistributionFitMethod(DistributionFitMethod.Family.LOGNORMAL, v);
            case GAMMA -> new DistributionFitMethod(DistributionFitMethod.Family.GAMMA, v);
            case POT -> new PotMethod(v);
            case MANUAL -> new ManualThreshold(p == null ? Double.NaN : p);
        };
    }

    /** The kind with this id ({@code default} is the robust method), or null. */
    public static ThresholdKind byId(String id) {
        if ("default".equals(id)) {
            return ROBUST;
        }
        for (ThresholdKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return null;
    }
}
