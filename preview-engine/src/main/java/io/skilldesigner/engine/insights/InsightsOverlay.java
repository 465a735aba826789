package io.skilldesigner.engine.insights;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.Locale;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;

/**
 * Draws a frame's objects (box, label, confidence, track id) on a copy of its pixels, as KAN's overlay does. Used
 * wherever insights are burnt into pixels: video snippets and the app's "try on an image".
 */
public final class InsightsOverlay {
    private static final Scalar BOX = new Scalar(0, 200, 0, 0);  // BGR green

    private InsightsOverlay() {
    }

    /** A new Mat: the frame's pixels with the objects drawn; the shared frame image is left untouched. */
    public static Mat draw(Frame frame, boolean withInsights) {
        Mat copy = frame.image().mat().clone();
        if (!withInsights) {
            return copy;
        }
        int w = copy.cols();
        int h = copy.rows();
        int thickness = Math.max(1, Math.round(Math.min(w, h) / 300f));
        double scale = Math.max(0.4, Math.min(w, h) / 900.0);
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
}
