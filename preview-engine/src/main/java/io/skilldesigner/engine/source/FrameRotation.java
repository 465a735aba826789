package io.skilldesigner.engine.source;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.frame.FramePool;

/**
 * How a video's frames must be turned to be upright, from its display matrix: a phone stores a portrait video as
 * landscape frames plus "turn 90° clockwise to show", and every player (and FFmpeg's own command line) turns them.
 * Without it a detector sees people lying on their side, and zones drawn on the preview match nothing the user saw
 * in a player. Quarter turns only: a matrix with another angle is not a camera's orientation and is left alone.
 */
public enum FrameRotation {
    NONE(-1, ""),
    CLOCKWISE_90(ROTATE_90_CLOCKWISE, "turned 90° clockwise"),
    HALF_TURN(ROTATE_180, "turned 180°"),
    COUNTERCLOCKWISE_90(ROTATE_90_COUNTERCLOCKWISE, "turned 90° counterclockwise");

    /** Display matrices round to a quarter turn within this (FFmpeg warns of "odd rotation angle" beyond 2°). */
    private static final double TOLERANCE_DEGREES = 2;

    private final int openCvCode;
    private final String words;

    FrameRotation(int openCvCode, String words) {
        this.openCvCode = openCvCode;
        this.words = words;
    }

    /**
     * @param counterclockwiseDegrees what FFmpeg's {@code av_display_rotation_get} (JavaCV's
     *                                {@code FFmpegFrameGrabber.getDisplayRotation}) reports: the angle the matrix
     *                                turns the frame counterclockwise; 0 without a matrix, NaN for a degenerate one
     */
    public static FrameRotation fromDisplayMatrix(double counterclockwiseDegrees) {
        if (!Double.isFinite(counterclockwiseDegrees)) {
            return NONE;
        }
        double clockwise = -counterclockwiseDegrees;
        long quarters = Math.round(clockwise / 90);
        if (Math.abs(clockwise - quarters * 90) > TOLERANCE_DEGREES) {
            return NONE;
        }
        return values()[(int) Math.floorMod(quarters, 4)];
    }

    /** @param degrees a multiple of 90 (any sign): the turn clockwise */
    public static FrameRotation clockwise(int degrees) {
        if (degrees % 90 != 0) {
            throw new IllegalArgumentException("frames turn by quarter turns (0, 90, 180, 270), not " + degrees);
        }
        return values()[Math.floorMod(degrees / 90, 4)];
    }

    /** This turn, then {@code next}. */
    public FrameRotation then(FrameRotation next) {
        return values()[(ordinal() + next.ordinal()) % 4];
    }

    /** A pooled upright copy of a decoded image: a plain copy, or the turn written straight into the pool's buffer. */
    public FrameImage uprightCopy(Mat decoded, FramePool pool) {
        if (this == NONE) {
            return pool.copyOf(decoded);
        }
        boolean quarter = this != HALF_TURN;
        return pool.written(quarter ? decoded.cols() : decoded.rows(), quarter ? decoded.rows() : decoded.cols(),
                decoded.type(), out -> opencv_core.rotate(decoded, out, openCvCode));
    }

    /** {@code src} turned into a new Mat the caller owns, or {@code src} itself for {@link #NONE}. */
    public Mat applied(Mat src) {
        if (this == NONE) {
            return src;
        }
        Mat out = new Mat();
        opencv_core.rotate(src, out, openCvCode);
        return out;
    }

    /**
     * For the source's state line, e.g. " (turned 90° clockwise, as its display matrix asks)"; empty when neither
     * turns.
     */
    public static String note(FrameRotation byMatrix, FrameRotation bySetting) {
        List<String> parts = new ArrayList<>();
        if (byMatrix != NONE) {
            parts.add(byMatrix.words + ", as its display matrix asks");
        }
        if (bySetting != NONE) {
            parts.add((parts.isEmpty() ? bySetting.words : "then " + bySetting.words.replace("turned ", ""))
                    + ", as the camera input's Turn frames setting says");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
