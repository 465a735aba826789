package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;

import io.skilldesigner.core.skill.SkillEdge;

/** An edge as a cubic curve from an output port (bottom) to an input port (top), with a wider invisible hit line. */
public final class EdgeView extends Group {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final SkillEdge edge;
    private final CubicCurve line = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();

    EdgeView(SkillEdge edge) {
        this.edge = edge;
        line.getStyleClass().add(CanvasStyles.EDGE_LINE);
        hit.getStyleClass().add(CanvasStyles.EDGE_HIT);
        line.setMouseTransparent(true);
        // no fill at all: a filled curve would catch clicks in the area between the curve and its chord
        line.setFill(null);
        hit.setFill(null);
        getChildren().addAll(hit, line);
        getStyleClass().add(CanvasStyles.EDGE);
        setId("edge-" + edge.from().node() + "-" + edge.to().node());
    }

    public SkillEdge edge() {
        return edge;
    }

    void setEnds(Point2D a, Point2D b) {
        shape(line, a, b);
        shape(hit, a, b);
    }

    static void shape(CubicCurve c, Point2D a, Point2D b) {
        double bend = Math.max(40, Math.abs(b.getY() - a.getY()) / 2);
        c.setStartX(a.getX());
        c.setStartY(a.getY());
        c.setControlX1(a.getX());
        c.setControlY1(a.getY() + bend);
        c.setControlX2(b.getX());
        c.setControlY2(b.getY() - bend);
        c.setEndX(b.getX());
        c.setEndY(b.getY());
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }
}
