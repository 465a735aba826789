package io.skilldesigner.app.preview;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Rectangle2D;

/**
 * Places object captions over the video: each caption sits just above its box (or below it, or inside its top,
 * when there is no room), always inside the video area, and never on top of an earlier caption (it moves down
 * until it is free).
 */
final class LabelLayout {
    private final Rectangle2D area;
    private final List<Rectangle2D> placed = new ArrayList<>();

    LabelLayout(Rectangle2D videoArea) {
        this.area = videoArea;
    }

    /** Where a caption of the given size goes for a box; the result lies inside the video area. */
    Rectangle2D place(Rectangle2D box, double width, double height) {
        double w = Math.min(width, area.getWidth());
        double h = Math.min(height, area.getHeight());
        double x = clamp(box.getMinX(), area.getMinX(), area.getMaxX() - w);
        double[] candidates = {box.getMinY() - h, box.getMaxY(), box.getMinY()};
        Rectangle2D best = null;
        for (double y : candidates) {
            Rectangle2D r = new Rectangle2D(x, clamp(y, area.getMinY(), area.getMaxY() - h), w, h);
            if (free(r)) {
                best = r;
                break;
            }
        }
        if (best == null) {
            // all three spots are taken: step down from above the box until the caption is free
            double y = clamp(box.getMinY() - h, area.getMinY(), area.getMaxY() - h);
            Rectangle2D r = new Rectangle2D(x, y, w, h);
            while (!free(r) && r.getMaxY() + h <= area.getMaxY()) {
                r = new Rectangle2D(x, r.getMinY() + h, w, h);
            }
            best = r;
        }
        placed.add(best);
        return best;
    }

    private boolean free(Rectangle2D r) {
        for (Rectangle2D p : placed) {
            if (p.intersects(r)) {
                return false;
            }
        }
        return true;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, Math.max(min, max)));
    }

    /**
     * Where a zone's or line's name sits (text bottom): at its first point, or just below the event banners when it
     * would fall under them (a line drawn from the top edge had its name hidden by the first event).
     */
    static double nameBaseline(double nameX, double baseline, double nameWidth, double lineHeight,
                               Rectangle2D banners) {
        return banners.intersects(nameX, baseline - lineHeight, nameWidth, lineHeight)
                ? banners.getMaxY() + lineHeight : baseline;
    }
}
