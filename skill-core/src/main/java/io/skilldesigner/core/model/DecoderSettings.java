package io.skilldesigner.core.model;

import java.util.List;
import java.util.Set;

/**
 * How frames are prepared for a model and its outputs decoded. Filled in from inspection, adjustable by the user.
 *
 * @param layout         output layout (user may override the detected one)
 * @param inputWidth     model input width in pixels (with {@link Fit#PAD}: the largest expected, the input follows
 *                       each frame)
 * @param inputHeight    model input height
 * @param fit            how the frame is fitted into the input
 * @param rgb            channel order RGB (else BGR)
 * @param nchw           NCHW (else NHWC)
 * @param scale          pixel multiplier applied before mean/std (e.g. 1/255)
 * @param mean           per-channel mean subtracted after scaling (3 values, in model channel order)
 * @param std            per-channel divisor (3 values)
 * @param scoreThreshold minimum score kept by the decoder
 * @param iouThreshold   IoU for class-wise NMS
 * @param maxDetections  upper bound on detections per frame
 * @param anchors        grid anchors in grid units, as w,h pairs (YOLO_GRID only)
 * @param cropRatio      with {@link Fit#CENTER_CROP}: crop size / resized shorter side (0.875 = 224 of 256)
 * @param unset          names of the fields the user did not give (a partial setting from a file); the engine
 *                       fills them from the recognised defaults
 */
public record DecoderSettings(OutputLayout layout, int inputWidth, int inputHeight, Fit fit, boolean rgb,
                              boolean nchw, double scale, List<Double> mean, List<Double> std,
                              double scoreThreshold, double iouThreshold, int maxDetections, List<Double> anchors,
                              double cropRatio, Set<String> unset) {
    /** Azure Custom Vision / Tiny-YOLOv2 anchors (grid units). */
    public static final List<Double> CUSTOM_VISION_ANCHORS =
            List.of(0.573, 0.677, 1.87, 2.06, 3.34, 5.47, 7.88, 3.53, 9.77, 9.17);
    /** The usual ImageNet evaluation crop: 224 of 256. */
    public static final double IMAGENET_CROP = 0.875;

    public DecoderSettings {
        fit = fit == null ? Fit.STRETCH : fit;
        mean = List.copyOf(mean == null ? List.of(0.0, 0.0, 0.0) : mean);
        std = List.copyOf(std == null ? List.of(1.0, 1.0, 1.0) : std);
        anchors = List.copyOf(anchors == null ? List.of() : anchors);
        cropRatio = cropRatio > 0 && cropRatio <= 1 ? cropRatio : IMAGENET_CROP;
        unset = Set.copyOf(unset == null ? Set.of() : unset);
    }

    /** Settings with letterbox (centred) or plain resize, fully given. */
    public DecoderSettings(OutputLayout layout, int inputWidth, int inputHeight, boolean letterbox, boolean rgb,
                           boolean nchw, double scale, List<Double> mean, List<Double> std, double scoreThreshold,
                           double iouThreshold, int maxDetections, List<Double> anchors) {
        this(layout, inputWidth, inputHeight, letterbox ? Fit.LETTERBOX : Fit.STRETCH, rgb, nchw, scale, mean, std,
                scoreThreshold, iouThreshold, maxDetections, anchors, IMAGENET_CROP, Set.of());
    }

    /** Keeps the aspect ratio with padding (either letterbox). */
    public boolean letterbox() {
        return fit == Fit.LETTERBOX || fit == Fit.LETTERBOX_TOP_LEFT;
    }

    public boolean isSet(String field) {
        return !unset.contains(field);
    }

    public DecoderSettings withLayout(OutputLayout l) {
        return new DecoderSettings(l, inputWidth, inputHeight, fit, rgb, nchw, scale, mean, std, scoreThreshold,
                iouThreshold, maxDetections, anchors, cropRatio, unset);
    }

    public DecoderSettings withScoreThreshold(double t) {
        return new DecoderSettings(layout, inputWidth, inputHeight, fit, rgb, nchw, scale, mean, std, t,
                iouThreshold, maxDetections, anchors, cropRatio, unset);
    }

    public DecoderSettings withInputSize(int w, int h) {
        return new DecoderSettings(layout, w, h, fit, rgb, nchw, scale, mean, std, scoreThreshold, iouThreshold,
                maxDetections, anchors, cropRatio, unset);
    }

    public DecoderSettings withFit(Fit f) {
        return new DecoderSettings(layout, inputWidth, inputHeight, f, rgb, nchw, scale, mean, std, scoreThreshold,
                iouThreshold, maxDetections, anchors, cropRatio, unset);
    }

    /**
     * These settings where given, the defaults where not (fields named in {@link #unset}); the result is complete.
     */
    public DecoderSettings over(DecoderSettings defaults) {
        if (unset.isEmpty()) {
            return this;
        }
        DecoderSettings d = defaults;
        return new DecoderSettings(isSet("layout") && layout != null ? layout : d.layout,
                isSet("inputWidth") ? inputWidth : d.inputWidth, isSet("inputHeight") ? inputHeight : d.inputHeight,
                isSet("fit") ? fit : d.fit, isSet("rgb") ? rgb : d.rgb, isSet("nchw") ? nchw : d.nchw,
                isSet("scale") ? scale : d.scale, isSet("mean") ? mean : d.mean, isSet("std") ? std : d.std,
                isSet("scoreThreshold") ? scoreThreshold : d.scoreThreshold,
                isSet("iouThreshold") ? iouThreshold : d.iouThreshold,
                isSet("maxDetections") ? maxDetections : d.maxDetections, isSet("anchors") ? anchors : d.anchors,
                isSet("cropRatio") ? cropRatio : d.cropRatio, Set.of());
    }
}
