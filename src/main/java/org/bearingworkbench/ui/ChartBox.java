package org.bearingworkbench.ui;

import io.fair_acc.chartfx.Chart;
import java.io.File;
import java.io.IOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** A chart with a title row, optional controls, and a "Save PNG…" button. */
final class ChartBox extends VBox {
    private final Chart chart;

    ChartBox(String title, Chart chart, Node... controls) {
        this.chart = chart;
        Label t = new Label(title);
        t.getStyleClass().add("chart-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button png = new Button("PNG…");
        png.setTooltip(new Tooltip("Save this chart as a PNG image"));
        png.setOnAction(e -> choosePng(title));
        png.setMinWidth(Region.USE_PREF_SIZE);
        t.setMinWidth(60);
        HBox bar = new HBox(8);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().add(t);
        bar.getChildren().addAll(controls);
        bar.getChildren().addAll(spacer, png);
        bar.setPadding(new Insets(0, 4, 0, 4));
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(bar, chart);
        getStyleClass().add("chart-box");
        setSpacing(2);
    }

    Chart chart() {
        return chart;
    }

    private void choosePng(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save chart as PNG");
        fc.setInitialFileName(title.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".png");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                savePng(this, f);
            } catch (IOException ex) {
                Dialogs.error(getScene().getWindow(), "Cannot save the chart", ex.getMessage());
            }
        }
    }

    /** Renders a node to a PNG file. */
    static void savePng(Node node, File file) throws IOException {
        WritableImage img = node.snapshot(null, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file)) {
            throw new IOException("no PNG writer available");
        }
    }
}
