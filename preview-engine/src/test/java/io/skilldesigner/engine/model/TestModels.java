package io.skilldesigner.engine.model;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.skilldesigner.engine.frame.BBox;

/** Paths of the generated test models (src/test/python/make_test_models.py) and the shared real ones. */
public final class TestModels {
    static final Path DIR = Path.of("src/test/resources/models");
    static final Scalar RED = new Scalar(0, 0, 255, 0);
    static final Scalar GREEN = new Scalar(0, 255, 0, 0);
    static final Scalar BLUE = new Scalar(255, 0, 0, 0);
    static final Scalar YELLOW = new Scalar(0, 255, 255, 0);

    private TestModels() {
    }

    static Path model(String name) {
        return DIR.resolve(name);
    }

    public static Path shared() {
        String prop = System.getProperty("sd.shared.dir");
        Path p = prop != null ? Path.of(prop) : Path.of("../../shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("../shared");
        }
        return p.toAbsolutePath().normalize();
    }

    /** A black frame with one filled square [x, x+size) x [y, y+size). */
    static Mat frameWithSquare(int w, int h, int x, int y, int size, Scalar bgr) {
        Mat m = new Mat(h, w, CV_8UC3, new Scalar(0, 0, 0, 0));
        rectangle(m, new Rect(x, y, size, size), bgr, FILLED, 8, 0);
        return m;
    }

    /** A grey frame with one filled ball. */
    static Mat frameWithBall(int w, int h, int cx, int cy, int r, Scalar bgr) {
        Mat m = new Mat(h, w, CV_8UC3, new Scalar(128, 128, 128, 0));
        circle(m, new Point(cx, cy), r, bgr, FILLED, 8, 0);
        return m;
    }

    static Mat solid(int w, int h, Scalar bgr) {
        return new Mat(h, w, CV_8UC3, bgr);
    }

    static void assertBox(BBox expected, BBox actual, double tol) {
        assertEquals(expected.l(), actual.l(), tol, "left of " + actual);
        assertEquals(expected.t(), actual.t(), tol, "top of " + actual);
        assertEquals(expected.w(), actual.w(), tol, "width of " + actual);
        assertEquals(expected.h(), actual.h(), tol, "height of " + actual);
    }

    static BBox px(double l, double t, double w, double h, int fw, int fh) {
        return new BBox((float) (l / fw), (float) (t / fh), (float) (w / fw), (float) (h / fh));
    }
}
