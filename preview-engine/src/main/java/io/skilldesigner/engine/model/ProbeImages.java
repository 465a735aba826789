package io.skilldesigner.engine.model;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.List;
import java.util.Random;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The project's own probe images for layout recognition: busy synthetic scenes (gradient background, coloured
 * boxes, discs and face-like ellipses at many sizes) in landscape and portrait, drawn with a fixed seed. The
 * probe judges the geometry of every decoded row, not whether anything is found, so any busy picture works.
 */
public final class ProbeImages {
    private ProbeImages() {
    }

    /** New images; the caller closes them. */
    public static List<Mat> make() {
        return List.of(scene(640, 480, 7), scene(480, 640, 11));
    }

    private static Mat scene(int w, int h, long seed) {
        Random r = new Random(seed);
        Mat m = new Mat(h, w, CV_8UC3, new Scalar(0, 0, 0, 0));
        for (int y = 0; y < h; y += 8) {
            try (Rect band = new Rect(0, y, w, Math.min(8, h - y))) {
                double g = 40 + 160.0 * y / h;
                rectangle(m, band, new Scalar(g, 0.7 * g + 30, 200 - 0.5 * g, 0), FILLED, 8, 0);
            }
        }
        for (int i = 0; i < 24; i++) {
            Scalar colour = new Scalar(r.nextInt(256), r.nextInt(256), r.nextInt(256), 0);
            int size = 12 + r.nextInt(Math.min(w, h) / 3);
            int x = r.nextInt(w - size);
            int y = r.nextInt(h - size);
            switch (i % 3) {
                case 0 -> rectangle(m, new Rect(x, y, size, (int) (size * 0.7)), colour, FILLED, LINE_AA, 0);
                case 1 -> circle(m, new Point(x + size / 2, y + size / 2), size / 2, colour, FILLED, LINE_AA, 0);
                default -> {
                    // a skin-toned oval with two dark eyes: gives face detectors something to respond to
                    Point c = new Point(x + size / 2, y + size / 2);
                    ellipse(m, c, new Size(size / 3, size / 2), 0, 0, 360, new Scalar(120, 160, 210, 0), FILLED,
                            LINE_AA, 0);
                    circle(m, new Point(x + size / 2 - size / 8, y + size / 2 - size / 8), Math.max(1, size / 16),
                            new Scalar(30, 30, 30, 0), FILLED, LINE_AA, 0);
                    circle(m, new Point(x + size / 2 + size / 8, y + size / 2 - size / 8), Math.max(1, size / 16),
                            new Scalar(30, 30, 30, 0), FILLED, LINE_AA, 0);
                }
            }
        }
        return m;
    }
}
