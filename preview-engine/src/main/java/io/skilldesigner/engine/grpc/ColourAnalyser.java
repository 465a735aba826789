package io.skilldesigner.engine.grpc;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.skilldesigner.engine.frame.BBox;

/**
 * The reference server's job: names the dominant colour of an image region, and finds bright, saturated colour
 * regions (HSV threshold + contours). Deliberately simple, so users can read it as an example.
 */
public final class ColourAnalyser {
    /** Minimum saturation and value (0..255) of a pixel counted as "colourful". */
    static final int MIN_SATURATION = 100;
    static final int MIN_VALUE = 100;
    /** Regions smaller than this share of the frame are noise. */
    static final double MIN_AREA_SHARE = 0.001;

    private ColourAnalyser() {
    }

    /** A colourful region: box normalised to the frame, colour name, and how much of its box it fills. */
    public record Region(BBox box, String colour, float fill) {
    }

    /** The colour name of the mean of the colourful pixels of {@code roi}, or of all its pixels if few are. */
    public static String dominantColour(Mat bgr, Rect roi) {
        try (Mat crop = new Mat(bgr, roi); Mat hsv = new Mat(); Mat mask = colourfulMask(crop, hsv)) {
            int colourful = countNonZero(mask);
            Scalar m = colourful * 10 >= roi.area() ? mean(crop, mask) : mean(crop);
            return name(m.get(0), m.get(1), m.get(2));
        }
    }

    /** Bright saturated regions, largest first. */
    public static List<Region> colourRegions(Mat bgr) {
        List<Region> out = new ArrayList<>();
        double w = bgr.cols();
        double h = bgr.rows();
        try (Mat hsv = new Mat(); Mat mask = colourfulMask(bgr, hsv); MatVector contours = new MatVector();
             Mat hierarchy = new Mat()) {
            findContours(mask, contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            for (long i = 0; i < contours.size(); i++) {
                Mat c = contours.get(i);
                Rect r = boundingRect(c);
                if (r.area() < MIN_AREA_SHARE * w * h) {
                    continue;
                }
                try (Mat crop = new Mat(bgr, r); Mat maskCrop = new Mat(mask, r)) {
                    Scalar m = mean(crop, maskCrop);
                    float fill = (float) Math.min(1.0, contourArea(c) / r.area());
                    out.add(new Region(new BBox((float) (r.x() / w), (float) (r.y() / h), (float) (r.width() / w),
                            (float) (r.height() / h)), name(m.get(0), m.get(1), m.get(2)), fill));
                }
            }
        }
        out.sort((a, b) -> Float.compare(b.box().area(), a.box().area()));
        return out;
    }

    /** 255 where saturation and value are both high enough, else 0. */
    private static Mat colourfulMask(Mat bgr, Mat hsv) {
        cvtColor(bgr, hsv, COLOR_BGR2HSV);
        Mat mask = new Mat();
        try (MatVector channels = new MatVector(); Mat sat = new Mat(); Mat val = new Mat()) {
            split(hsv, channels);
            threshold(channels.get(1), sat, MIN_SATURATION - 1, 255, THRESH_BINARY);
            threshold(channels.get(2), val, MIN_VALUE - 1, 255, THRESH_BINARY);
            bitwise_and(sat, val, mask);
        }
        return mask;
    }

    /** Names a BGR colour by its hue (OpenCV hue 0..180), or black/grey/white when unsaturated. */
    static String name(double b, double g, double r) {
        try (Mat px = new Mat(1, 1, CV_8UC3, new Scalar(b, g, r, 0)); Mat hsv = new Mat()) {
            cvtColor(px, hsv, COLOR_BGR2HSV);
            var idx = hsv.createIndexer();
            double hue = ((org.bytedeco.javacpp.indexer.UByteIndexer) idx).get(0, 0, 0);
            double sat = ((org.bytedeco.javacpp.indexer.UByteIndexer) idx).get(0, 0, 1);
            double val = ((org.bytedeco.javacpp.indexer.UByteIndexer) idx).get(0, 0, 2);
            idx.close();
            if (sat < 50) {
                return val < 60 ? "black" : val > 200 ? "white" : "grey";
            }
            if (hue < 10 || hue >= 170) {
                return "red";
            } else if (hue < 25) {
                return "orange";
            } else if (hue < 35) {
                return "yellow";
            } else if (hue < 85) {
                return "green";
            } else if (hue < 100) {
                return "cyan";
            } else if (hue < 130) {
                return "blue";
            }
            return "magenta";
        }
    }
}
