package org.bearingworkbench.ui.widgets;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** A view drawn on a canvas that fills it: cleared to white and redrawn whenever it is resized or shown anew. */
public abstract class CanvasView extends Region {
    private final Canvas canvas = new Canvas();

    public CanvasView(double minWidth, double minHeight, double prefWidth, double prefHeight) {
        getChildren().add(canvas);
        setMinSize(minWidth, minHeight);
        setPrefSize(prefWidth, prefHeight);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** Clears the canvas and draws the content at the current size. */
    protected final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        draw(g, canvas.getWidth(), canvas.getHeight());
    }

    /** Draws the content on a white canvas of {@code w} x {@code h}. */
    protected abstract void draw(GraphicsContext g, double w, double h);
}
