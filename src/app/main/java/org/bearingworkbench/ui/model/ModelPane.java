package org.bearingworkbench.ui.model;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.EpochResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.shell.ModelEntry;
import org.bearingworkbench.ui.shell.Scoring;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.bearingworkbench.ui.widgets.Charts;
import org.bearingworkbench.ui.widgets.Palette;

/**
 * Model pane: the settings form, Train/Stop, a live loss chart (train and validation per epoch), epoch/time/ETA,
 * Save/Load.
 */
public final class ModelPane extends BorderPane {
    private final WorkbenchModel model;
    private final ModelForm form = new ModelForm();
    private final XYChart lossChart = Charts.xy("epoch", null, "loss (MAE of min-max scaled features)", null);
    private final DoubleDataSet loss = Charts.dataSet("training loss", Palette.TRAIN, 1.5);
    private final DoubleDataSet valLoss = Charts.dataSet("validation loss", Palette.TEST, 1.5);
    private final Label progress = new Label("Not trained yet.");
    private final Label modelInfo = new Label("No model.");
    private long trainStart;

    public ModelPane(Session session, ModelActions actions, Scoring scoring) {
        this.model = session.model();
        getStyleClass().add("pane");
        lossChart.getDatasets().addAll(loss, valLoss);
        Charts.yAxis(lossChart).setForceZeroInRange(true);
        Charts.xAxis(lossChart).setTickLabelFormatter(Charts.INTEGER);
        Button train = new Button("Train");
        train.setDefaultButton(true);
        train.getStyleClass().add("accent");
        Button stop = new Button("Stop");
        stop.setTooltip(new Tooltip("Stop after the current batch; the model keeps its last finished epoch"));
        train.disableProperty()
                .bind(form.validProperty()
                        .not()
                        .or(session.fxTasks().runningProperty())
                        .or(model.dataProperty().isNull()));
        stop.disableProperty().bind(session.fxTasks().runningProperty().not());
        train.setOnAction(e -> {
            var config = form.validate();
            if (config != null) {
                trainStart = System.nanoTime();
                progress.setText("Starting (the neural-network runtime loads on first use)…");
                actions.train(config, form.columns().getText(), ex -> {
                    trainStart = 0;
                    progress.setText("Training failed: " + Dialogs.describe(ex)
                            + (model.bundleProperty().get() == null ? "" : " The current model is kept."));
                });
            }
        });
        stop.setOnAction(e -> session.cancel());
        Button save = new Button("Save model…");
        save.setOnAction(e -> actions.saveModel());
        save.disableProperty().bind(model.bundleProperty().isNull());
        Button load = new Button("Load model…");
        load.setOnAction(e -> actions.openModel());
        HBox buttons = new HBox(8, train, stop, save, load);
        buttons.setAlignment(Pos.CENTER_LEFT);
        progress.setWrapText(true);
        modelInfo.setWrapText(true);
        ComboBox<ModelEntry> models = modelList(model);
        models.setTooltip(new Tooltip("Every model of this session; training a new one keeps the "
                + "others. Pick one to make it the active model."));
        model.bundleProperty().addListener((o, a, b) -> showActive(models, b));
        models.setOnAction(e -> {
            ModelEntry chosen = models.getValue();
            if (chosen != null && chosen.bundle() != model.bundleProperty().get()) {
                scoring.activate(chosen);
            }
        });
        VBox left = new VBox(
                10,
                Charts.heading("Model settings"),
                form,
                buttons,
                progress,
                Charts.heading("Models of this session"),
                models,
                Charts.heading("Current model"),
                modelInfo);
        left.setPadding(new Insets(0, 12, 0, 0));
        left.setPrefWidth(340);
        ScrollPane scroll = new ScrollPane(left);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setMinWidth(left.getPrefWidth() + 16);
        setLeft(scroll); // on a small screen the settings scroll; the loss chart keeps its legend
        setCenter(new ChartBox("Loss per epoch (live)", lossChart));
        model.history().addListener((ListChangeListener<EpochResult>) c -> showHistory());
        model.bundleProperty().addListener((o, a, b) -> showModel(b));
        form.columnCheck(spec -> {
            var t = model.table();
            if (t == null) {
                return null;
            }
            if (spec.isBlank() && Scoring.physicsPending(model.dataProperty().get())) {
                return "computing the defect indicators the default columns take...";
            }
            try {
                ColumnSelection.resolve(t, spec.isBlank() ? null : spec);
                return null;
            } catch (IllegalArgumentException ex) {
                return ex.getMessage();
            }
        });
        model.dataProperty().addListener((o, a, d) -> form.validate());
        // made after a model was trained, opened or activated: show it as the listeners above would have
        if (!model.history().isEmpty()) {
            showHistory();
        }
        if (model.bundleProperty().get() != null) {
            showActive(models, model.bundleProperty().get());
            showModel(model.bundleProperty().get());
        }
        if (model.dataProperty().get() != null) {
            form.validate();
        }
    }

    /** The session's model list shows {@code b} as the active one. */
    /** The session's models: the box shows the short label, the open list the whole one, wrapped to its width. */
    private static ComboBox<ModelEntry> modelList(WorkbenchModel model) {
        ComboBox<ModelEntry> models = new ComboBox<>(model.models());
        models.setPromptText("no model yet");
        models.setMaxWidth(Double.MAX_VALUE);
        models.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ModelEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.shortLabel());
            }
        });
        models.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(20));
            }

            @Override
            protected void updateItem(ModelEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.toString());
            }
        });
        return models;
    }

    private static void showActive(ComboBox<ModelEntry> models, ModelBundle b) {
        models.getItems().stream().filter(e -> e.bundle() == b).findFirst().ifPresent(e -> {
            if (models.getValue() != e) {
                models.setValue(e);
            }
        });
    }

    public ModelForm form() {
        return form;
    }

    private void showHistory() {
        var h = model.history();
        double[] x = new double[h.size()];
        double[] y = new double[h.size()];
        double[] v = new double[h.size()];
        for (int i = 0; i < h.size(); i++) {
            x[i] = h.get(i).epoch();
            y[i] = h.get(i).loss();
            v[i] = h.get(i).validationLoss();
        }
        loss.set(x, y);
        valLoss.set(x, v);
        if (!h.isEmpty() && trainStart != 0) {
            EpochResult last = h.get(h.size() - 1);
            int total = form.validate() == null ? last.epoch() : form.validate().epochs();
            double elapsed = (System.nanoTime() - trainStart) / 1e9;
            double eta = elapsed / last.epoch() * (total - last.epoch());
            progress.setText(String.format(
                    Locale.ROOT,
                    "Epoch %d/%d  loss %.4f  val %.4f  elapsed %.0f s  ETA %.0f s",
                    last.epoch(),
                    total,
                    last.loss(),
                    last.validationLoss(),
                    elapsed,
                    Math.max(0, eta)));
        }
    }

    private void showModel(ModelBundle b) {
        if (b == null) {
            modelInfo.setText("No model.");
            return;
        }
        form.show(b.model().config());
        var table = model.table();
        form.columns()
                .setText(
                        table == null
                                ? String.join(",", b.model().columns())
                                : ColumnSelection.compact(table, b.model().columns()));
        var last = b.history().isEmpty() ? null : b.history().get(b.history().size() - 1);
        modelInfo.setText(String.format(
                        Locale.ROOT,
                        "%s%n%d parameters, columns %s%ntrained on %s .. %s%s",
                        model.modelSourceProperty().get(),
                        b.model().parameterCount(),
                        b.model().columns(),
                        b.trainStart().toString().replace('T', ' '),
                        b.trainEnd().toString().replace('T', ' '),
                        last == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "%nfinal loss %.4f, validation %.4f",
                                        last.loss(),
                                        last.validationLoss()))
                + (b.provenance() == null ? "" : "\ndata: " + b.provenance().describe()));
        String source = model.modelSourceProperty().get();
        if (last != null && source != null && source.startsWith("trained here")) {
            double seconds =
                    b.history().stream().mapToDouble(EpochResult::seconds).sum();
            progress.setText(String.format(Locale.ROOT, "Done: %d epochs, %.1f s of training.", last.epoch(), seconds));
        } else {
            progress.setText(
                    last == null
                            ? ""
                            : String.format(Locale.ROOT, "Active: %s, trained for %d epochs.", source, last.epoch()));
        }
        trainStart = 0;
    }
}
