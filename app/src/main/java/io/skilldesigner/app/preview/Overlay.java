package io.skilldesigner.app.preview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.skilldesigner.core.catalog.FrameShape;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.DirectedLine;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.frame.ObjectAttribute;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.geometry.Rectangle2D;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a frame's insights over the video: boxes with label, confidence, attributes and track id; every
 * POINT_LIST setting of the skill's nodes ({@link FrameShape}: zones as polygons, lines as segments with an arrow
 * to their "in" side); and the latest events with their properties (counts).
 */
final class Overlay {
    private static final Color[] PALETTE = {Color.web("#00e5ff"), Color.web("#ffea00"), Color.web("#76ff03"),
            Color.web("#ff4081"), Color.web("#ff9100"), Color.web("#b388ff")};
    private static final Font FONT = Font.font(13);
    private static final double LINE = 18;
    /** The latest events shown over the video; older ones are in the message log. */
    private static final int MAX_BANNERS = 3;
    private final List<FrameShape> shapes;
    private final List<String> recentEvents = new ArrayList<>();
    private Frame eventsTakenFrom;

    Overlay(Skill skill, NodeCatalog catalog) {
        shapes = FrameShape.of(skill, catalog);
    }

    /**
     * @param x, y, w, h where the video is drawn on the canvas
     */
    void draw(Canvas canvas, Frame frame, double x, double y, double w, double h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (frame == null) {
            return;
        }
        g.setLineWidth(2);
        g.setFont(FONT);
        LabelLayout captions = new LabelLayout(new Rectangle2D(x, y, w, h));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        if (frame != eventsTakenFrom) {
            eventsTakenFrom = frame;
            for (FrameEvent e : frame.events()) {
                recentEvents.add(0, EventText.of(e));
            }
        }
        while (recentEvents.size() > MAX_BANNERS) {
            recentEvents.remove(recentEvents.size() - 1);
        }
        List<String> banners = recentEvents.stream().map(e -> fit(e, w - 20)).toList();
        double[] bannerWidths = banners.stream().mapToDouble(Overlay::textWidth).toArray();
        double bannersWidth = Arrays.stream(bannerWidths).max().orElse(0) + 8;
        // The banners' corner: a shape's name that would fall under them goes just below them instead.
        Rectangle2D bannerArea = banners.isEmpty() ? Rectangle2D.EMPTY
                : new Rectangle2D(x + 6, y + 6, bannersWidth, banners.size() * (LINE + 2));
        for (FrameShape s : shapes) {
            drawShape(g, s, x, y, w, h, bannerArea);
        }
        for (DetectedObject o : frame.objects()) {
            Color c = colourFor(o);
            BBox b = o.bbox();
            double bx = x + b.l() * w;
            double by = y + b.t() * h;
            g.setStroke(c);
            g.strokeRect(bx, by, b.w() * w, b.h() * h);
            String text = fit(caption(o), w - 8);
            Rectangle2D at = captions.place(new Rectangle2D(bx, by, b.w() * w, b.h() * h), textWidth(text) + 8,
                    LINE);
            g.setFill(c.deriveColor(0, 1, 1, 0.85));
            g.fillRect(at.getMinX(), at.getMinY(), at.getWidth(), at.getHeight());
            g.setFill(Color.BLACK);
            g.fillText(text, at.getMinX() + 4, at.getMaxY() - 3);
        }
        g.setTextBaseline(VPos.TOP);
        double ty = y + 6;
        for (int i = 0; i < banners.size(); i++) {
            String line = banners.get(i);
            g.setFill(Color.color(0, 0, 0, 0.6));
            g.fillRect(x + 6, ty, bannerWidths[i] + 8, LINE);
            g.setFill(Color.WHITE);
            g.fillText(line, x + 10, ty + 1);
            ty += LINE + 2;
        }
    }

    private static void drawShape(GraphicsContext g, FrameShape s, double x, double y, double w, double h,
                                  Rectangle2D keepClear) {
        List<List<Double>> p = s.points();
        if (p.size() < 2) {
            return;
        }
        g.setStroke(Color.web("#ff1744"));
        g.setLineDashes(8, 6);
        double[] xs = new double[p.size()];
        double[] ys = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            xs[i] = x + p.get(i).get(0) * w;
            ys[i] = y + p.get(i).get(1) * h;
        }
        if (p.size() == 2) {
            g.strokeLine(xs[0], ys[0], xs[1], ys[1]);
        } else {
            g.strokePolygon(xs, ys, p.size());
        }
        g.setLineDashes();
        g.setFill(Color.web("#ff1744"));
        if (s.inSide() != 0 && (xs[0] != xs[1] || ys[0] != ys[1])) {
            InArrow.draw(g, DirectedLine.Arrow.of(xs[0], ys[0], xs[1], ys[1], s.inSide(), 30), 9);
        }
        double nameX = xs[0] + 4;
        g.fillText(s.name(), nameX, LabelLayout.nameBaseline(nameX, ys[0] + 16, textWidth(s.name()), LINE,
                keepClear));
    }

    private static String caption(DetectedObject o) {
        StringBuilder sb = new StringBuilder(o.label()).append(' ')
                .append(String.format(Locale.ROOT, "%.0f%%", o.confidence() * 100));
        for (ObjectAttribute a : o.attributes()) {
            sb.append(" · ").append(a.label()).append(String.format(Locale.ROOT, " %.0f%%", a.confidence() * 100));
        }
        if (o.tracking() != null) {
            sb.append(" #").append(o.tracking().trackingId());
        }
        return sb.toString();
    }

    private static Color colourFor(DetectedObject o) {
        String key = o.tracking() != null ? o.tracking().trackingId() : o.label();
        return PALETTE[Math.floorMod(key.hashCode(), PALETTE.length)];
    }

    private static double textWidth(String text) {
        Text t = new Text(text);
        t.setFont(FONT);
        return t.getLayoutBounds().getWidth();
    }

    /** The text, cut with an ellipsis so it is at most maxWidth wide. */
    static String fit(String text, double maxWidth) {
        if (textWidth(text) <= maxWidth) {
            return text;
        }
        int n = text.length();
        while (n > 1 && textWidth(text.substring(0, n) + "…") > maxWidth) {
            n--;
        }
        return text.substring(0, n) + "…";
    }
}
