package org.bearingworkbench.ui.widgets;

import io.fair_acc.chartfx.Chart;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadataNode;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.shell.StartFolders;

/** A chart with a title row, optional controls, and a "Save PNG…" button. */
public final class ChartBox extends VBox {
    private final Chart chart;
    private final String title;
    private Supplier<String> caption;

    public ChartBox(String title, Chart chart, Node... controls) {
        this.chart = chart;
        this.title = title;
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
        for (Node c : controls) {
            if (c instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE); // a control is never cut; the title gives way first
            }
        }
        bar.getChildren().addAll(controls);
        Tooltip.install(t, new Tooltip(title));
        bar.getChildren().addAll(spacer, png);
        bar.setPadding(new Insets(0, 4, 0, 4));
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(bar, chart);
        getStyleClass().add("chart-box");
        setSpacing(2);
    }

    public Chart chart() {
        return chart;
    }

    String title() {
        return title;
    }

    /** The settings the chart shows (e.g. the threshold and rule), written under its title in exported images. */
    public void caption(Supplier<String> c) {
        caption = c;
    }

    /** A file name for this chart: its title in lower case with dashes. */
    public String fileName() {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + ".png";
    }

    private void choosePng(String title) {
        FileChooser fc = new FileChooser();
        fc.setInitialDirectory(StartFolders.initial());
        fc.setTitle("Save chart as PNG");
        fc.setInitialFileName(fileName());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = StartFolders.chosen(fc.showSaveDialog(getScene().getWindow()));
        if (f == null) {
            return;
        }
        var dpi = new ChoiceDialog<>(RESOLUTIONS.get(1), RESOLUTIONS);
        dpi.initOwner(getScene().getWindow());
        dpi.setTitle("Save chart as PNG");
        dpi.setHeaderText("Resolution (the chart's size on screen times the factor)");
        dpi.showAndWait().ifPresent(r -> {
            try {
                writePng(f.toPath(), r.dpi());
            } catch (IOException ex) {
                Dialogs.error(getScene().getWindow(), "Cannot save the chart", f + ": " + ex.getMessage());
            }
        });
    }

    /** A choice of PNG resolution. */
    record Resolution(String label, int dpi) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Resolution> RESOLUTIONS = List.of(
            new Resolution("1x screen (96 dpi)", 96),
            new Resolution("2x (192 dpi, slides)", 192),
            new Resolution("300 dpi (print)", 300));

    /**
     * Writes the chart alone (no title bar buttons) at {@code dpi} (the screen is 96: 192 doubles every dimension),
     * titled with its name and its settings caption, the resolution recorded in the PNG.
     */
    public void writePng(Path file, int dpi) throws IOException {
        double scale = dpi / 96.0;
        var params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        WritableImage plot = chart.snapshot(params, null);
        Label head = new Label(title);
        head.setWrapText(true);
        head.setMaxWidth(plot.getWidth());
        head.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx; -fx-font-weight: bold;", 15 * scale));
        VBox page = new VBox(2 * scale, head);
        String c = caption == null ? null : caption.get();
        if (c != null && !c.isBlank()) {
            Label sub = new Label(c);
            sub.setWrapText(true);
            sub.setMaxWidth(plot.getWidth());
            sub.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 12 * scale));
            page.getChildren().add(sub);
        }
        page.getChildren().add(new ImageView(plot));
        page.setPadding(new Insets(6 * scale));
        page.setStyle("-fx-background-color: white;");
        new Scene(page);
        page.applyCss();
        page.layout();
        WritableImage img = page.snapshot(null, null);
        writeWithDpi(SwingFXUtils.fromFXImage(img, null), dpi, file);
    }

    private static void writeWithDpi(BufferedImage img, int dpi, Path file) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        var param = w.getDefaultWriteParam();
        var meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        String mmPerPixel = Double.toString(25.4 / dpi);
        var h = new IIOMetadataNode("HorizontalPixelSize");
        h.setAttribute("value", mmPerPixel);
        var v = new IIOMetadataNode("VerticalPixelSize");
        v.setAttribute("value", mmPerPixel);
        var dim = new IIOMetadataNode("Dimension");
        dim.appendChild(h);
        dim.appendChild(v);
        var root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dim);
        meta.mergeTree("javax_imageio_1.0", root);
        AtomicFiles.writePath(file, temp -> {
            try (var out = ImageIO.createImageOutputStream(temp.toFile())) {
                w.setOutput(out);
                w.write(meta, new IIOImage(img, null, meta), param);
            } finally {
                w.dispose();
            }
        });
    }

    /** Renders a node to a PNG file. */
    public static void savePng(Node node, File file) throws IOException {
        WritableImage img = node.snapshot(null, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file)) {
            throw new IOException("no PNG writer available");
        }
    }
}
