package org.bearingworkbench.ui.widgets;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.util.StringConverter;
import org.bearingworkbench.io.ImportResult;

/** Builds chart-fx charts the same way in every pane: axes with units, zoom/pan, tooltips, styled data sets. */
public final class Charts {
    private Charts() {}

    /** An XY chart with zoom (drag), pan and point tooltips; lines without markers by default. */
    public static XYChart xy(String xLabel, String xUnit, String yLabel, String yUnit) {
        DefaultNumericAxis x = new DefaultNumericAxis(xLabel, xUnit);
        DefaultNumericAxis y = new DefaultNumericAxis(yLabel, yUnit);
        x.setAutoRangeRounding(false);
        x.setAutoUnitScaling(false);
        y.setAutoUnitScaling(false);
        y.setForceZeroInRange(false);
        x.setSide(Side.BOTTOM);
        y.setSide(Side.LEFT);
        x.setTickLabelFormatter(PLAIN);
        y.setTickLabelFormatter(PLAIN);
        XYChart chart = new XYChart(x, y);
        Zoomer zoomer = new Zoomer();
        // the zoomer's range slider is bound both ways to the x axis and clamps it to the previous data's range: new
        // data wholly before the old (PRONOSTIA's 2000 after IMS's 2004) left the axis at one point, a blank chart
        zoomer.setSliderVisible(false);
        chart.getPlugins().addAll(zoomer, new DataPointTooltip());
        chart.setLegendVisible(true);
        ErrorDataSetRenderer r = (ErrorDataSetRenderer) chart.getRenderers().get(0);
        r.setDrawMarker(false);
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NORMAL);
        chart.setMinSize(200, 150);
        return chart;
    }

    /** A time axis chart (x in seconds since the epoch, shown as dates with the year). */
    public static XYChart timeChart(String yLabel, String yUnit) {
        XYChart c = xy("time", null, yLabel, yUnit);
        DefaultNumericAxis x = (DefaultNumericAxis) c.getXAxis();
        x.setTimeAxis(true);
        x.setTickLabelFormatter(DATE_TIME);
        return c;
    }

    /**
     * Tick labels as plain numbers (20000, 0.25, 1.5E-5 only where a plain form would be unreadable): no {@code
     * 0E0}.
     */
    static final StringConverter<Number> PLAIN = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            if (v == 0) {
                return "0";
            }
            double a = Math.abs(v);
            return a >= 1e-4 && a < 1e9 ? plain(v) : String.format(Locale.ROOT, "%.3g", v);
        }

        @Override
        public Number fromString(String s) {
            return Double.parseDouble(s);
        }
    };

    /** Whole numbers only (epochs, counts): a tick between two integers gets no label. */
    public static final StringConverter<Number> INTEGER = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "";
        }

        @Override
        public Number fromString(String s) {
            return Double.parseDouble(s);
        }
    };

    /** Time-axis labels with the year: a run's date is part of its identity. */
    static final StringConverter<Number> DATE_TIME = new StringConverter<>() {
        private final DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd\nHH:mm");

        @Override
        public String toString(Number n) {
            return f.format(time(n.doubleValue()));
        }

        @Override
        public Number fromString(String s) {
            return seconds(LocalDateTime.parse(s.replace('\n', 'T')));
        }
    };

    public static DefaultNumericAxis xAxis(XYChart c) {
        return (DefaultNumericAxis) c.getXAxis();
    }

    /**
     * Keeps an x marker's label inside the plot: on the line's right near the axis's left end, on its left near the
     * right end, centred on it elsewhere (a centred label at an edge is cut: "TF" for FTF at 15 Hz).
     */
    public static void labelInside(XValueIndicator line) {
        Axis axis = line.getAxis();
        Runnable place =
                () -> line.setLabelHorizontalAnchor(labelAnchor(line.getValue(), axis.getMin(), axis.getMax()));
        line.valueProperty().addListener((o, a, b) -> place.run());
        axis.minProperty().addListener((o, a, b) -> place.run());
        axis.maxProperty().addListener((o, a, b) -> place.run());
        place.run();
    }

    /** Where a label goes for a marker at {@code value} on an axis from {@code min} to {@code max}. */
    static HPos labelAnchor(double value, double min, double max) {
        double f = max > min ? (value - min) / (max - min) : 0.5;
        return f < 0.1 ? HPos.LEFT : f > 0.9 ? HPos.RIGHT : HPos.CENTER;
    }

    public static DefaultNumericAxis yAxis(XYChart c) {
        return (DefaultNumericAxis) c.getYAxis();
    }

    /** An extra renderer on the chart (e.g. markers only, or bars) whose data sets it returns for filling. */
    public static ErrorDataSetRenderer addRenderer(XYChart chart, LineStyle style, boolean markers) {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setPolyLineStyle(style);
        r.setDrawMarker(markers);
        r.setErrorStyle(ErrorStyle.NONE);
        chart.getRenderers().add(r);
        return r;
    }

    /** A data set drawn as a dashed line (training data beside solid test data; a compared model). */
    public static DoubleDataSet dashedDataSet(String name, String color, double lineWidth) {
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.setStyle(style(color, lineWidth)
                .setLineDashes(6, 4)
                .setStrokeDashPattern(6, 4)
                .build());
        return ds;
    }

    public static DoubleDataSet dataSet(String name, String color, double lineWidth) {
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.setStyle(style(color, lineWidth).build());
        return ds;
    }

    /** One colour for the line, its fill and its markers (3 px), at {@code lineWidth}. */
    private static DataSetStyleBuilder style(String color, double lineWidth) {
        return DataSetStyleBuilder.newInstance()
                .setStroke(color)
                .setLineColor(color)
                .setFill(color)
                .setMarkerColor(color)
                .setLineWidth(lineWidth)
                .setStrokeWidth(lineWidth)
                .setMarkerSize(3);
    }

    public static double seconds(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).toEpochSecond();
    }

    public static LocalDateTime time(double seconds) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond((long) Math.round(seconds)), ZoneId.systemDefault());
    }

    /** A number without a needless fraction or exponent: 20000, 25600, 20480.5. */
    public static String plain(double v) {
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    /** Shows the data set's signal unit on a chart's y axis (none when the unit is unknown). */
    public static void signalUnit(XYChart chart, ImportResult data) {
        var unit = data == null ? null : data.description().unit().value();
        yAxis(chart).setUnit(unit);
    }

    /** A section heading of a pane. */
    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heading");
        return l;
    }

    /** A grid of {@code columns} x {@code rows} cells of equal size that grow with it, 8 px apart. */
    public static GridPane equalGrid(int columns, int rows) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < rows; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100.0 / rows);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        return grid;
    }
}
