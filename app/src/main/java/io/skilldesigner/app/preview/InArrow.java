package io.skilldesigner.app.preview;

import io.skilldesigner.core.catalog.nodes.DirectedLine;
import javafx.scene.canvas.GraphicsContext;

/** A line's "in" side as drawn on video: an arrow from its middle with a head and the word "in" at the tip. */
public final class InArrow {
    private InArrow() {
    }

    /** Draws with the context's current stroke and fill; {@code head} is the length of the head's wings. */
    public static void draw(GraphicsContext g, DirectedLine.Arrow a, double head) {
        g.strokeLine(a.fromX(), a.fromY(), a.tipX(), a.tipY());
        double angle = Math.atan2(a.tipY() - a.fromY(), a.tipX() - a.fromX());
        for (double wing : new double[] {Math.PI * 5 / 6, -Math.PI * 5 / 6}) {
            g.strokeLine(a.tipX(), a.tipY(), a.tipX() + head * Math.cos(angle + wing),
                    a.tipY() + head * Math.sin(angle + wing));
        }
        g.fillText("in", a.tipX() + (head + 3) * Math.cos(angle) - 6, a.tipY() + (head + 3) * Math.sin(angle) + 6);
    }
}
