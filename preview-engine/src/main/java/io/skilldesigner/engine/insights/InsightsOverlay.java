package io.skilldesigner.engine.insights;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.arrowedLine;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.List;
import java.util.Locale;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.skilldesigner.core.catalog.FrameShape;
import io.skilldesigner.core.catalog.nodes.DirectedLine;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;

/**
 * Draws a frame's objects (box, label, confidence, track id) on a copy of its pixels, as KAN's overlay does, and
 * the skill's zones and lines ({@link FrameShape}), each line with an arrow to its "in" side. Used wherever
 * insights are burnt into pixels: video snippets and the app's "try on an image".
 */
public final class InsightsOverlay {
    private static final Scalar BOX = new Scalar(0, 200, 0, 0);  // BGR green
    private static final Scalar SHAPE = new Scalar(68, 23, 255, 0);  // BGR of the live preview's #ff1744

    private InsightsOverlay() {
    }

    /** A new Mat: the frame's pixels with the objects drawn; the shared frame image is left untouched. */
    public static Mat draw(Frame frame, boolean withInsights) {
        return draw(frame, withInsights, List.of());
    }

    /** As {@link #draw(Frame, boolean)}, with the skill's shapes under the objects. */
    public static Mat draw(Frame frame, boolean withInsights, List<FrameShape> shapes) {
        Mat copy = frame.image().mat().clone();
        if (!withInsights) {
            return copy;
        }
        int w = copy.cols();
        int h = copy.rows();
        int thickness = Math.max(1, Math.round(Math.min(w, h) / 300f));
        double scale = Math.max(0.4, Math.min(w, h) / 900.0);
        for (FrameShape s : shapes) {
            drawShape(copy, s, thickness, Math.max(12, Math.min(w, h) / 12.0));
        }
        for (DetectedObject o : frame.objects()) {
            BBox b = o.bbox().clamp();
            try (Point tl = new Point(Math.round(b.l() * w), Math.round(b.t() * h));
                 Point br = new Point(Math.round(b.right() * w), Math.round(b.bottom() * h));
                 Point text = new Point(tl.x(), Math.max(12, tl.y() - 4))) {
                rectangle(copy, tl, br, BOX, thickness, LINE_AA, 0);
                String label = String.format(Locale.ROOT, "%s %.0f%%", o.label(), o.confidence() * 100)
                        + (o.tracking() == null ? "" : " #" + o.tracking().trackingId());
                putText(copy, label, text, FONT_HERSHEY_SIMPLEX, scale, BOX, thickness, LINE_AA, false);
            }
        }
        return copy;
    }

    private static void drawShape(Mat m, FrameShape s, int thickness, double arrowLength) {
        List<List<Double>> p = s.points();
        int n = p.size();
        for (int i = 0; i < (n == 2 ? 1 : n); i++) {
            try (Point a = pixel(m, p.get(i)); Point b = pixel(m, p.get((i + 1) % n))) {
                line(m, a, b, SHAPE, thickness, LINE_AA, 0);
            }
        }
        if (s.inSide() != 0 && n == 2) {
            double ax = p.get(0).get(0) * m.cols();
            double ay = p.get(0).get(1) * m.rows();
            double bx = p.get(1).get(0) * m.cols();
            double by = p.get(1).get(1) * m.rows();
            if (ax != bx || ay != by) {
                DirectedLine.Arrow arrow = DirectedLine.Arrow.of(ax, ay, bx, by, s.inSide(), arrowLength);
                try (Point from = new Point((int) Math.round(arrow.fromX()), (int) Math.round(arrow.fromY()));
                     Point tip = new Point((int) Math.round(arrow.tipX()), (int) Math.round(arrow.tipY()))) {
                    arrowedLine(m, from, tip, SHAPE, thickness, LINE_AA, 0, 0.3);
                }
            }
        }
    }

    private static Point pixel(Mat m, List<Double> xy) {
        return new Point((int) Math.round(xy.get(0) * m.cols()), (int) Math.round(xy.get(1) * m.rows()));
    }
}
